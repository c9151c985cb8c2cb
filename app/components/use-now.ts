'use client';
import { useEffect, useState } from 'react';

/** The current time in the server's clock, refreshed every `everyMs`, for live waiting times. */
export function useServerNow(clockOffset: number, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now + clockOffset;
}
