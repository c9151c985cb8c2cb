'use client';
// A wait that grows while you look at it: the one-second clock lives here, in the leaf that
// shows time, so nothing else redraws when it ticks. It stands still while the class is paused.
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { SimulView } from '@/lib/client/simul-connection';
import { formatDuration } from '@/lib/metrics/format';
import { waitedSoFar } from '@/lib/metrics/waited';
import { useServerNow } from './use-now';

export function WaitTime({ store, since, className, testId }: { store: StoreApi<SimulView>; since: number; className?: string; testId?: string }) {
  const offset = useStore(store, (s) => s.clockOffset);
  const pausedSince = useStore(store, (s) => s.state.pausedSince);
  const now = useServerNow(offset);
  return <span className={className} data-testid={testId}>{formatDuration(waitedSoFar(since, now, pausedSince))}</span>;
}
