'use client';
// A game clock as every screen shows it: m:ss (h:mm:ss past an hour), "low on time" under 30 s
// in the loss colour with an icon, so that urgency does not rest on colour alone. The one-second
// tick lives here, in the leaf, and only while this clock runs.
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { SimulView } from '@/lib/client/simul-connection';
import { useWords } from './language';
import { useServerNow } from './use-now';

/** Under this, a clock is urgent. */
const URGENT_MS = 30_000;

/** "4:05", "0:09", "1:02:03": whole seconds, never below zero. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

interface Props {
  store: StoreApi<SimulView>;
  /** Time left; for a running clock, as of `since`. */
  left: number;
  running: boolean;
  since: number;
  className?: string;
  testId?: string;
}

export function ClockTime({ store, left, running, since, className, testId }: Props) {
  return running ? (
    <RunningClock store={store} left={left} since={since} className={className} testId={testId} />
  ) : (
    <ClockFace ms={left} running={false} className={className} testId={testId} />
  );
}

function RunningClock({ store, left, since, className, testId }: Omit<Props, 'running'>) {
  const offset = useStore(store, (s) => s.clockOffset);
  const now = useServerNow(offset);
  return <ClockFace ms={left - Math.max(0, now - since)} running className={className} testId={testId} />;
}

function ClockFace({ ms, running, className = '', testId }: { ms: number; running: boolean; className?: string; testId?: string }) {
  const w = useWords();
  const urgent = ms < URGENT_MS;
  return (
    <span className={`inline-flex items-center gap-0.5 font-mono tabular-nums ${urgent ? 'font-bold text-loss' : ''} ${running ? '' : 'opacity-80'} ${className}`}>
      {urgent && (
        <svg viewBox="0 0 16 16" className="h-[1em] w-[1em] shrink-0" aria-hidden="true">
          <circle cx="8" cy="9" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M8 5.5V9l2.5 1.5M6 1.5h4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      )}
      <span data-testid={testId} data-running={running} data-urgent={urgent}>
        {formatClock(ms)}
      </span>
      {urgent && <span className="sr-only"> ({w.clocks.low})</span>}
    </span>
  );
}
