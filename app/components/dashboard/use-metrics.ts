'use client';
import { useMemo } from 'react';
import { simulMetrics, type SimulMetrics } from '@/lib/metrics';
import type { SimulEvent } from '@/lib/simul/types';

/**
 * The dashboard's figures, recomputed when the log grows and, while the simul runs, each
 * second (`now` ticks) so open waits keep counting. One linear pass over the log each time.
 */
export function useMetrics(log: SimulEvent[], version: number, now: number, running: boolean): SimulMetrics | null {
  const second = running ? Math.floor(now / 1000) : 0;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => simulMetrics(log, running ? second * 1000 : undefined), [log, version, second, running]);
}
