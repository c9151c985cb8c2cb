'use client';
import { useMemo } from 'react';
import { MetricsFold, type SimulMetrics } from '@/lib/metrics';
import { awaitingHostInOrder } from '@/lib/simul/rotation';
import type { SimulEvent, SimulState } from '@/lib/simul/types';
import type { SimulConnection } from '@/lib/client/simul-connection';
import { useFiguresInput } from '@/lib/client/use-simul';
import { useServerNow } from '../use-now';

/**
 * One fold per log, shared by every part of the page that reads it (the console's headline and
 * its dashboard): the log's events are folded once, and a moment's figures are computed once.
 */
interface SharedFold {
  metrics: MetricsFold;
  folded: number;
  /** The last reading: the moment it was for (undefined: the last event), the log's length then, and the figures. */
  last: { at: number | undefined; length: number; value: SimulMetrics | null } | null;
}
const folds = new WeakMap<SimulEvent[], SharedFold>();

/**
 * `state`: the screen's folded simul (the same events as `log`): the open "host thinking" wait is
 * on the board it says the host is at (rotation.ts), not decided again here.
 */
function read(log: SimulEvent[], at: number | undefined, state: () => SimulState): SimulMetrics | null {
  let fold = folds.get(log);
  if (!fold) folds.set(log, (fold = { metrics: new MetricsFold(() => awaitingHostInOrder(state())), folded: 0, last: null }));
  if (fold.last && fold.last.at === at && fold.last.length === log.length) return fold.last.value;
  for (; fold.folded < log.length; fold.folded++) fold.metrics.add(log[fold.folded]);
  const value = fold.metrics.at(at);
  fold.last = { at, length: log.length, value };
  return value;
}

/**
 * The dashboard's figures: while the simul runs, read once a second (`now` ticks), which
 * also picks up the events of that second; afterwards, when the log changes. The events
 * are folded in as they arrive, each once: the connection pushes new events onto the same
 * log array (and replaces the array when it reads the log afresh, which starts a new fold),
 * so a read costs the new events and the waits still open, not the whole log. An exhibition's
 * (`simulated`) are read four times a second, at its last event.
 */
export function useMetrics(log: SimulEvent[], version: number, now: number, running: boolean, simulated: boolean, state: () => SimulState): SimulMetrics | null {
  const tick = running ? Math.floor(now / (simulated ? SIMULATED_READ_MS : 1000)) : -version;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `state` reads the store as it is; the log and tick say when
  return useMemo(() => read(log, running && !simulated ? tick * 1000 : undefined, state), [log, tick, running, simulated]);
}

/**
 * How often an exhibition's figures are read while it runs (`now` is then this page's clock,
 * only for the redraw): its time is simulated, so they are measured to its last event.
 */
export const SIMULATED_READ_MS = 250;

/**
 * The figures of a connection's simul, as the dashboard shows them: its own clock ticks once a
 * second (an exhibition's four times), and `open` false stops the reading while it is hidden.
 */
export function useFigures(connection: SimulConnection, open = true): SimulMetrics | null {
  const { log, version, clockOffset, running, simulated } = useFiguresInput(connection);
  const now = useServerNow(clockOffset, simulated ? SIMULATED_READ_MS : 1000);
  return useMetrics(log, version, now, open && running, simulated, () => connection.store.getState().state);
}
