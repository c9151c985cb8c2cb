// The lesson's closed form and the series for its chart.
import { describe, expect, it } from 'vitest';
import { lessonFigures, lessonSeries } from './lesson';

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

describe('lessonSeries', () => {
  it('gives both totals for 1..maxN boards', () => {
    const series = lessonSeries({ h: 5, o: 55, m: 30 }, 24);
    expect(series).toHaveLength(24);
    expect(series[0]).toEqual({ n: 1, sync: 1_800, async: 1_800 });
    expect(series[5]).toEqual({ n: 6, sync: 10_800, async: 1_825 });
    expect(series[23]).toEqual({ n: 24, sync: 43_200, async: 3_655 });
  });
});
