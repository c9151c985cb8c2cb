// What the simul would have taken in the other mode: the same think times replayed
// through the other schedule (METRICS "The other mode, from the same moves").
import type { Side } from '../simul/types';
import { MinTree } from './min-tree';
import type { BoardRecord } from './states';
import type { MoveThink } from './thinks';

/** One board's think times in the order they happened; the sides alternate. */
export interface BoardThinks {
  board: number;
  /** Who thinks first: the host when it has white on this board. */
  first: Side;
  thinks: readonly number[];
}

export interface Projection {
  sync: number;
  async: number;
  /** sync / async; null when async is 0. */
  speedUp: number | null;
}

/** The recorded think times per board; `boards` in table order. */
export function boardThinks(boards: readonly Pick<BoardRecord, 'board' | 'hostColor'>[], thinks: readonly MoveThink[]): BoardThinks[] {
  const byBoard = new Map(boards.map((b) => [b.board, [] as number[]]));
  for (const m of thinks) byBoard.get(m.board)!.push(m.think);
  return boards.map((b) => ({
    board: b.board,
    first: b.hostColor === 'w' ? 'host' : 'opponent',
    thinks: byBoard.get(b.board)!,
  }));
}

/** One game at a time: nothing overlaps, so the total is every think added up. */
export function replaySync(boards: readonly BoardThinks[]): number {
  let total = 0;
  for (const b of boards) for (const t of b.thinks) total += t;
  return total;
}

/**
 * The rotation, event by event. The host, free at t, serves the next board in cyclic
 * table order after the one it served last whose game awaits it (ready <= t); when none
 * does, it waits for the earliest ready board (ties by table order). Serving b: start =
 * max(t, ready_b); t = start + h; ready_b = t + o. A board ends at the host's last move,
 * or at its ready time when the opponent moves last. `boards` are in table order.
 */
export function replayAsync(boards: readonly BoardThinks[]): { total: number; ends: number[] } {
  const ends = boards.map(() => 0);
  const next = boards.map(() => 0); // index of each board's next think
  // Ready time of each board whose host still has a move to make; Infinity otherwise.
  const ready = new MinTree(boards.length);

  // After the host's move (or the start), the opponent's reply, if any, makes the board
  // ready again — or ends it when that reply is the game's last move.
  const afterHost = (i: number, t: number) => {
    const { thinks } = boards[i];
    let at = t;
    if (next[i] < thinks.length) at += thinks[next[i]++];
    if (next[i] < thinks.length) ready.set(i, at);
    else {
      ready.set(i, Infinity);
      ends[i] = at;
    }
  };

  boards.forEach((b, i) => {
    if (b.first === 'host' && b.thinks.length > 0) ready.set(i, 0);
    else afterHost(i, 0); // the opponent thinks first, as if answering a move at 0
  });

  let t = 0;
  let last = -1;
  while (ready.smallest() < Infinity) {
    let i = ready.firstAtMost(last + 1, t);
    if (i === -1) i = ready.firstAtMost(0, t);
    if (i === -1) i = ready.leftmostSmallest();
    t = Math.max(t, ready.get(i)) + boards[i].thinks[next[i]++];
    last = i;
    afterHost(i, t);
  }
  return { total: Math.max(0, ...ends), ends };
}

export function projection(boards: readonly BoardThinks[]): Projection {
  const sync = replaySync(boards);
  const async = replayAsync(boards).total;
  return { sync, async, speedUp: async > 0 ? sync / async : null };
}
