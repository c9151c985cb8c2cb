// The other mode from the same think times: the replays on known cases, and the fast
// async replay against a plain reading of docs/METRICS.md on random ones.
import { describe, expect, it } from 'vitest';
import { lessonBoards } from './lesson';
import { simulMetrics } from './metrics-fold';
import { boardThinks, projection, replayAsync, replaySync, type BoardThinks } from './projection';
import { LESSON_CASES, alternateLog, syncLog, threeBoardLog, type LogBuilder } from './test-logs';

const recorded = (log: LogBuilder) => {
  const { boards, moves } = simulMetrics(log.events)!;
  return boardThinks(boards, moves);
};

/** docs/METRICS.md's async replay read literally: scan the tables every time. */
function plainAsync(boards: readonly BoardThinks[]): number[] {
  const n = boards.length;
  const next = boards.map(() => 0);
  const ready = boards.map(() => 0);
  const ends = boards.map(() => 0);
  const awaitsHost = (i: number) => next[i] < boards[i].thinks.length;
  const reply = (i: number, t: number) => {
    const { thinks } = boards[i];
    if (next[i] < thinks.length) t += thinks[next[i]++];
    if (next[i] < thinks.length) ready[i] = t;
    else ends[i] = t;
  };
  boards.forEach((b, i) => b.first === 'opponent' && reply(i, 0));
  let t = 0;
  let last = -1;
  for (;;) {
    let pick = -1;
    for (let k = 1; k <= n && pick === -1; k++) {
      const j = (last + k + n) % n;
      if (awaitsHost(j) && ready[j] <= t) pick = j;
    }
    for (let j = 0; j < n && pick === -1; j++) {
      if (awaitsHost(j) && boards.every((_, i) => !awaitsHost(i) || ready[i] >= ready[j])) pick = j;
    }
    if (pick === -1) return ends;
    t = Math.max(t, ready[pick]) + boards[pick].thinks[next[pick]++];
    last = pick;
    reply(pick, t);
  }
}

describe('projection', () => {
  it('the lesson’s cases, fed equal think times, match the closed form', () => {
    for (const { n, S, A } of LESSON_CASES) {
      expect(projection(lessonBoards({ n, h: 5, o: 55, m: 30 }))).toEqual({ sync: S, async: A, speedUp: S / A });
    }
  });

  it('unequal think times, games of different lengths (three boards, by hand)', () => {
    const boards = recorded(threeBoardLog());
    expect(boards.map((b) => b.thinks.map((t) => t / 1000))).toEqual([
      [4, 8, 3, 10, 3],
      [2, 8, 3],
      [3, 7, 2, 4, 1, 5],
    ]);
    // Host: b1 0-4, b2 4-6, b3 6-9, wait, b1 12-15, b2 15-18 (its last), b3 18-20,
    // wait, b3 24-25 (its last; reply ends it at 30), b1 25-28 (its last).
    const { total, ends } = replayAsync(boards);
    expect([total, ...ends].map((t) => t / 1000)).toEqual([30, 28, 18, 30]);
    expect(replaySync(boards) / 1000).toBe(63);
  });

  it('sync log: projects the rotation from the recorded thinks', () => {
    const boards = recorded(syncLog());
    expect(boards.map((b) => b.thinks.map((t) => t / 1000))).toEqual([[3, 7, 2], [3, 5]]);
    const { total, ends } = replayAsync(boards);
    expect([total, ...ends].map((t) => t / 1000)).toEqual([12, 12, 11]);
  });

  it('host playing black: the board is first ready after its opponent’s think', () => {
    const boards = recorded(alternateLog());
    expect(boards.map((b) => [b.first, b.thinks.map((t) => t / 1000)])).toEqual([
      ['host', [5, 4, 4]],
      ['opponent', [6, 2, 4, 1]],
    ]);
    // Host: b1 0-5, waits for b2 (ready 6) 6-8, waits for b1 (ready 9) 9-13, b2 13-14.
    const { total, ends } = replayAsync(boards);
    expect([total, ...ends].map((t) => t / 1000)).toEqual([14, 13, 14]);
    expect(replaySync(boards) / 1000).toBe(26);
  });

  it('when the host has to wait, ties go by table order, not by rotation', () => {
    const boards: BoardThinks[] = [
      { board: 1, first: 'host', thinks: [1, 5, 1] },
      { board: 2, first: 'host', thinks: [1, 1, 1, 20, 1] },
      { board: 3, first: 'host', thinks: [1, 3, 1] },
    ];
    // b1 0-1 (ready 6), b2 1-2 (ready 3), b3 2-3 (ready 6), b2 3-4 (ready 24); free at 4,
    // boards 1 and 3 both ready at 6: board 1 first (6-7), then 3 (7-8), then 2 (24-25).
    expect(replayAsync(boards)).toEqual({ total: 25, ends: [7, 25, 8] });
  });

  it('boards with no host move: nothing played, or only the opponent’s first move', () => {
    const boards: BoardThinks[] = [
      { board: 1, first: 'host', thinks: [] },
      { board: 2, first: 'opponent', thinks: [7] },
      { board: 3, first: 'opponent', thinks: [] },
    ];
    expect(replayAsync(boards)).toEqual({ total: 7, ends: [0, 7, 0] });
    expect(projection([])).toEqual({ sync: 0, async: 0, speedUp: null });
  });

  it('agrees with the plain table scan on random boards (ties and zeros included)', () => {
    let seed = 7;
    const int = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 400; round++) {
      const boards: BoardThinks[] = Array.from({ length: 1 + int(9) }, (_, i) => ({
        board: i + 1,
        first: int(2) === 0 ? 'host' : 'opponent',
        thinks: Array.from({ length: int(10) }, () => int(6)),
      }));
      const ends = plainAsync(boards);
      expect(replayAsync(boards)).toEqual({ total: Math.max(0, ...ends), ends });
    }
  });
});
