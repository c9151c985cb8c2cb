'use client';
// While its student is seated and the simul runs, the phone keeps its screen on (the Screen Wake
// Lock API), taking the lock again each time the tab is shown (the browser lets it go when the
// tab hides). Where the browser cannot (no such API, or plain http on the school's network: the
// API needs a secure origin), the phone says so once, in plain words: the screen may sleep, and
// the phone catches up when woken (lib/client/wake-up.ts).
import { useEffect, useState } from 'react';
import { useWords } from '../language';

/** Whether the screen is kept on: held, not asked (not seated, not running), or not possible here. */
export type WakeLockState = 'off' | 'held' | 'unavailable';

/** Where the student closed the notice: said once, not on every visit. */
const NOTICE_CLOSED = 'async-simul:screen-may-sleep-read';

interface Sentinel {
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}
type WakeLockApi = { request(type: 'screen'): Promise<Sentinel> };

function wakeLockApi(): WakeLockApi | null {
  if (typeof window === 'undefined' || !window.isSecureContext) return null;
  return (navigator as Navigator & { wakeLock?: WakeLockApi }).wakeLock ?? null;
}

function noticeClosed(): boolean {
  try {
    return localStorage.getItem(NOTICE_CLOSED) === '1';
  } catch {
    return false;
  }
}

/** Keeps the screen on while `active`; returns the lock's state and the notice to show (or null). */
export function useWakeLock(active: boolean): { state: WakeLockState; notice: React.ReactNode } {
  const w = useWords();
  const [state, setState] = useState<WakeLockState>('off');
  const [closed, setClosed] = useState(true);

  useEffect(() => setClosed(noticeClosed()), []);

  useEffect(() => {
    if (!active) {
      setState('off');
      return;
    }
    const api = wakeLockApi();
    if (!api) {
      setState('unavailable');
      return;
    }
    let sentinel: Sentinel | null = null;
    let stopped = false;
    const acquire = () => {
      if (stopped || sentinel || document.visibilityState !== 'visible') return;
      api.request('screen').then(
        (s) => {
          if (stopped) return void s.release().catch(() => {});
          sentinel = s;
          setState('held');
          s.addEventListener('release', () => {
            sentinel = null;
            if (!stopped) setState('off');
          });
        },
        // Refused (a battery saver, a policy): the phone catches up when woken all the same.
        () => setState('unavailable'),
      );
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', acquire);
      void sentinel?.release().catch(() => {});
      sentinel = null;
    };
  }, [active]);

  const notice =
    state === 'unavailable' && !closed ? (
      <div className="mb-2 flex items-start gap-2 rounded-lg bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800" role="note" data-testid="screen-may-sleep">
        <p className="flex-1">{w.phone.screenMaySleep}</p>
        <button
          className="rounded border px-2 py-1 font-semibold"
          onClick={() => {
            try {
              localStorage.setItem(NOTICE_CLOSED, '1');
            } catch {
              // No storage: closed for this page only.
            }
            setClosed(true);
          }}
          data-testid="screen-may-sleep-close"
        >
          {w.phone.gotIt}
        </button>
      </div>
    ) : null;
  return { state, notice };
}
