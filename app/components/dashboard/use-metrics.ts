'use client';
import { useMemo } from 'react';
import { MetricsFold, type SimulMetrics } from '@/lib/metrics';
import type { SimulEvent } from '@/lib/simul/types';

/**
 * The dashboard's figures: while the simul runs, read once a second (`now` ticks), which
 * also picks up the events of that second; afterwards, when the log changes. The events
 * are folded in as they arrive, each once: the connection pushes new events onto the same
 * log array (and replaces the array when it reads the log afresh, which starts a new fold),
 * so a read costs the new events and the waits still open, not the whole log.
 */
export function useMetrics(log: SimulEvent[], version: number, now: number, running: boolean): SimulMetrics | null {
  const fold = useMemo(() => ({ metrics: new MetricsFold(), folded: 0 }), [log]);
  const tick = running ? Math.floor(now / 1000) : -version;
  return useMemo(() => {
    for (; fold.folded < log.length; fold.folded++) fold.metrics.add(log[fold.folded]);
    return fold.metrics.at(running ? tick * 1000 : undefined);
  }, [fold, log, tick, running]);
}
