'use client';
import { useMemo } from 'react';
import { simulMetrics, type SimulMetrics } from '@/lib/metrics';
import type { SimulEvent } from '@/lib/simul/types';

/**
 * The dashboard's figures: while the simul runs, recomputed once a second (`now` ticks), which
 * also picks up the events of that second; afterwards, when the log changes. One linear pass
 * over the log each time, so never more than once a second however fast moves arrive.
 */
export function useMetrics(log: SimulEvent[], version: number, now: number, running: boolean): SimulMetrics | null {
  const tick = running ? Math.floor(now / 1000) : -version;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => simulMetrics(log, running ? tick * 1000 : undefined), [log, tick, running]);
}
