'use client';
import { useEffect, useState } from 'react';

// One timer per period for the whole page, on the wall clock's whole periods: every wait and clock
// of a 100-board console ticks in the same task, so React draws them in one pass a second instead
// of a hundred passes spread over it.

type Listener = (now: number) => void;

interface Ticker {
  listeners: Set<Listener>;
  timer: ReturnType<typeof setTimeout> | null;
}

const tickers = new Map<number, Ticker>();

function schedule(everyMs: number, ticker: Ticker): void {
  // The next whole period of the wall clock (a second: when the shown seconds change).
  const wait = everyMs - (Date.now() % everyMs);
  ticker.timer = setTimeout(() => {
    const now = Date.now();
    for (const listener of ticker.listeners) listener(now);
    schedule(everyMs, ticker);
  }, wait);
}

/** Calls `listener` at each whole `everyMs` of the wall clock, with every other listener of that period. */
export function onTick(everyMs: number, listener: Listener): () => void {
  let ticker = tickers.get(everyMs);
  if (!ticker) {
    ticker = { listeners: new Set(), timer: null };
    tickers.set(everyMs, ticker);
  }
  ticker.listeners.add(listener);
  if (ticker.timer === null) schedule(everyMs, ticker);
  const mine = ticker;
  return () => {
    mine.listeners.delete(listener);
    if (mine.listeners.size === 0 && mine.timer !== null) {
      clearTimeout(mine.timer);
      mine.timer = null;
      tickers.delete(everyMs);
    }
  };
}

/** The current time in the server's clock, refreshed every `everyMs`, for live waiting times. */
export function useServerNow(clockOffset: number, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    return onTick(everyMs, setNow);
  }, [everyMs]);
  return now + clockOffset;
}
