// The lesson's arithmetic (METRICS "The lesson's closed form"): n boards, host time h and
// opponent time o per move, m move pairs per game, host moving first, all equal. Units
// are whatever h and o are given in.
import type { BoardThinks } from './projection';

export interface LessonParams {
  n: number;
  h: number;
  o: number;
  m: number;
}

interface LessonFigures {
  /** Sync total: n * m * (h + o). */
  S: number;
  /** Async round period: the host's lap, or one board's move pair when that is longer. */
  T: number;
  /** Async total: (m - 1) * T + n * h + o. */
  A: number;
  /**
   * The lesson's own async figure, m * n * h ("1 hour"): it leaves out the last
   * opponent's final reply (and any waiting for replies). Say so where A also appears.
   */
  asTaught: number;
  busy: number;
  idleSync: number;
  idleAsync: number;
  utilizationSync: number;
  utilizationAsync: number;
  /** S / A. */
  speedUp: number;
  /** What S / A tends to as m grows: min(n, (h + o) / h). */
  speedUpLimit: number;
}

export function lessonFigures({ n, h, o, m }: LessonParams): LessonFigures {
  const S = n * m * (h + o);
  const T = Math.max(n * h, h + o);
  const A = (m - 1) * T + n * h + o;
  const busy = n * m * h;
  return {
    S,
    T,
    A,
    asTaught: m * n * h,
    busy,
    idleSync: S - busy,
    idleAsync: A - busy,
    utilizationSync: S > 0 ? busy / S : 0,
    utilizationAsync: A > 0 ? busy / A : 0,
    speedUp: A > 0 ? S / A : 1,
    speedUpLimit: Math.min(n, (h + o) / h),
  };
}

interface LessonPoint {
  n: number;
  sync: number;
  async: number;
}

/** Both totals for 1..maxN boards, for a chart of how the two modes grow apart. */
export function lessonSeries(params: Omit<LessonParams, 'n'>, maxN: number): LessonPoint[] {
  const points: LessonPoint[] = [];
  for (let n = 1; n <= maxN; n++) {
    const { S, A } = lessonFigures({ ...params, n });
    points.push({ n, sync: S, async: A });
  }
  return points;
}

/** The lesson's simul as recorded think times, to run through the event-driven replay. */
export function lessonBoards({ n, h, o, m }: LessonParams): BoardThinks[] {
  const thinks: number[] = [];
  for (let k = 0; k < m; k++) thinks.push(h, o);
  return Array.from({ length: n }, (_, i) => ({ board: i + 1, first: 'host', thinks }));
}
