'use client';
import { useEffect, useMemo, useState } from 'react';
import { SimulScrubber, type ScrubMoment } from '@/lib/metrics/scrub';
import type { SimulEvent } from '@/lib/simul/types';

/** How often playback redraws (ms of real time). */
const FRAME_MS = 100;
/** Playback speeds, times real time. */
export const SPEEDS = [1, 2, 5, 10, 30, 100, 600] as const;

export interface Scrub {
  scrubber: SimulScrubber;
  /** The simul's start and its log's last moment (ms). */
  start: number;
  end: number;
  /** The moment shown; null: the end, as the log stands (the live figures). */
  t: number | null;
  seek: (t: number | null) => void;
  playing: boolean;
  play: (on: boolean) => void;
  speed: number;
  setSpeed: (x: number) => void;
  /** The simul at `t`, or null at the end. */
  moment: ScrubMoment | null;
}

/** The review's scrubber over a log (which grows in place while a simul runs: its length says when). */
export function useScrub(log: SimulEvent[]): Scrub {
  const scrubber = useMemo(() => new SimulScrubber(log), [log, log.length]);
  const start = scrubber.start ?? 0;
  const end = Math.max(start, scrubber.end);
  const [t, setT] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(10);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setT((at) => {
        const next = (at ?? start) + FRAME_MS * speed;
        if (next < end) return next;
        setPlaying(false);
        return null;
      });
    }, FRAME_MS);
    return () => clearInterval(timer);
  }, [playing, speed, start, end]);

  const moment = useMemo(() => (t === null ? null : scrubber.at(t)), [scrubber, t]);
  return {
    scrubber,
    start,
    end,
    t,
    seek: (to) => setT(to === null || to >= end ? null : Math.max(start, to)),
    // Playing from the end starts again from the start.
    play: (on) => {
      if (on && t === null) setT(start);
      setPlaying(on);
    },
    playing,
    speed,
    setSpeed,
    moment,
  };
}
