// The lesson's closed form and the series for its chart.
import { describe, expect, it } from 'vitest';
import { lessonBoards, lessonFigures, lessonSeries } from './lesson';
import { replayAsync, type ReplayRule } from './projection';

/** Each rule the host may rotate by; most urgent with a clock (in the thinks' units, seconds here). */
const RULES: ReplayRule[] = [
  { rotation: 'table-order' },
  { rotation: 'first-ready' },
  { rotation: 'most-urgent', clock: { initialMs: 600, incrementMs: 0, hostExtraMs: 0 } },
  { rotation: 'most-urgent', clock: { initialMs: 300, incrementMs: 5, hostExtraMs: 60 } },
];

describe('lessonFigures', () => {
  it('the lesson: 24 boards, 5 s and 55 s per move, 30 move pairs', () => {
    const f = lessonFigures({ n: 24, h: 5, o: 55, m: 30 });
    expect(f).toMatchObject({ S: 43_200, T: 120, A: 3_655, asTaught: 3_600, busy: 3_600 });
    expect(f.idleSync).toBe(39_600);
    expect(f.idleAsync).toBe(55);
    expect(f.utilizationSync).toBeCloseTo(1 / 12, 12);
    expect(f.utilizationAsync).toBeCloseTo(3_600 / 3_655, 12);
    expect(f.speedUp).toBeCloseTo(43_200 / 3_655, 12);
    expect(f.speedUpLimit).toBe(12);
  });

  it('the further worked cases', () => {
    const pick = (n: number) => {
      const { S, T, A } = lessonFigures({ n, h: 5, o: 55, m: 30 });
      return { S, T, A };
    };
    expect(pick(6)).toEqual({ S: 10_800, T: 60, A: 1_825 });
    expect(pick(12)).toEqual({ S: 21_600, T: 60, A: 1_855 });
    expect(pick(1)).toEqual({ S: 1_800, T: 60, A: 1_800 });
  });

  it('the speed-up tends to min(n, (h + o) / h) as m grows', () => {
    for (const n of [1, 6, 12, 24]) {
      const f = lessonFigures({ n, h: 5, o: 55, m: 1e6 });
      expect(f.speedUp).toBeCloseTo(f.speedUpLimit, 3);
    }
  });
});

describe('the calculator under each rotation rule', () => {
  it('hand-computed: 3 boards, h = 5, o = 2, m = 2', () => {
    // 1: 0-5, 2: 5-10, 3: 10-15 (ready again at 7, 12, 17); 1: 15-20, 2: 20-25, 3: 25-30; the last reply at 32.
    for (const rule of RULES) {
      const { total, ends } = replayAsync(lessonBoards({ n: 3, h: 5, o: 2, m: 2 }), rule);
      expect([total, ends], rule.rotation).toEqual([32, [22, 27, 32]]);
    }
    expect(lessonFigures({ n: 3, h: 5, o: 2, m: 2 }).A).toBe(32);
  });

  it('hand-computed: 2 boards, h = 5, o = 55, m = 2: the host waits each round', () => {
    // 1: 0-5, 2: 5-10; nothing ready until 60: 1: 60-65, 2: 65-70; the replies end them at 120 and 125.
    for (const rule of RULES) expect(replayAsync(lessonBoards({ n: 2, h: 5, o: 55, m: 2 }), rule), rule.rotation).toEqual({ total: 125, ends: [120, 125] });
    expect(lessonFigures({ n: 2, h: 5, o: 55, m: 2 }).A).toBe(125);
  });

  it('equal boards: every rule takes them in the same order, so the closed form holds for each', () => {
    for (const [n, h, o, m] of [[24, 5, 55, 30], [6, 5, 55, 30], [12, 5, 55, 30], [1, 5, 55, 30], [7, 3, 10, 5], [5, 2.5, 0, 4]]) {
      const { A } = lessonFigures({ n, h, o, m });
      for (const rule of RULES) expect(replayAsync(lessonBoards({ n, h, o, m }), rule).total, `${rule.rotation}, n = ${n}`).toBeCloseTo(A, 9);
    }
  });
});

describe('lessonSeries', () => {
  it('gives both totals for 1..maxN boards', () => {
    const series = lessonSeries({ h: 5, o: 55, m: 30 }, 24);
    expect(series).toHaveLength(24);
    expect(series[0]).toEqual({ n: 1, sync: 1_800, async: 1_800 });
    expect(series[5]).toEqual({ n: 6, sync: 10_800, async: 1_825 });
    expect(series[23]).toEqual({ n: 24, sync: 43_200, async: 3_655 });
  });
});
