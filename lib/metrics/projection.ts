// What the simul would have taken in the other mode: the same think times replayed
// through the other schedule (METRICS "The other mode, from the same moves").
import type { ClockSettings, Rotation, Side } from '../simul/types';
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

/** How the replayed host rotates: the simul's rule, and its clocks for the most-urgent one. */
export interface ReplayRule {
  rotation: Rotation;
  clock?: ClockSettings | null;
}

/**
 * The recorded think times per board; `boards` in table order. A side that moved twice in a
 * row (a takeback gave it the move back, or its next game began with it) thinks once, the two
 * thinks added, so that the sides alternate.
 */
export function boardThinks(boards: readonly Pick<BoardRecord, 'board' | 'hostColor'>[], thinks: readonly MoveThink[]): BoardThinks[] {
  const byBoard = new Map(boards.map((b) => [b.board, { first: null as Side | null, last: null as Side | null, thinks: [] as number[] }]));
  for (const m of thinks) {
    const b = byBoard.get(m.board)!;
    b.first ??= m.by;
    if (b.last === m.by) b.thinks[b.thinks.length - 1] += m.think;
    else b.thinks.push(m.think);
    b.last = m.by;
  }
  return boards.map((b) => {
    const { first, thinks: times } = byBoard.get(b.board)!;
    return { board: b.board, first: first ?? (b.hostColor === 'w' ? 'host' : 'opponent'), thinks: times };
  });
}

/** One game at a time: nothing overlaps, so the total is every think added up. */
export function replaySync(boards: readonly BoardThinks[]): number {
  let total = 0;
  for (const b of boards) for (const t of b.thinks) total += t;
  return total;
}

/**
 * The rotation, event by event. The host, free at t, serves a board whose game awaits it
 * (ready <= t), by the rule: around the tables, the next in cyclic table order after the one
 * it served last; first ready, the earliest ready; most urgent, the lowest host clock (ready
 * time plus the host's time left then); the last two break ties in cyclic table order. When
 * none awaits it, it waits for the earliest ready board (ties by table order). Serving b: start =
 * max(t, ready_b); t = start + h; ready_b = t + o. A board ends at the host's last move,
 * or at its ready time when the opponent moves last. `boards` are in table order.
 */
export function replayAsync(boards: readonly BoardThinks[], rule: ReplayRule = { rotation: 'table-order' }): { total: number; ends: number[] } {
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

  // The host's time left on each board as of its ready time (most urgent only).
  const clock = rule.rotation === 'most-urgent' ? rule.clock : null;
  const hostLeft = boards.map(() => (clock ? clock.initialMs + clock.hostExtraMs : 0));
  /** The first board at or after `from`, cyclically, that awaits the host at t with the lowest key. */
  const lowest = (from: number, key: (i: number) => number): number => {
    let best = -1;
    for (let k = 0; k < boards.length; k++) {
      const i = (from + k) % boards.length;
      if (ready.get(i) <= t && (best === -1 || key(i) < key(best))) best = i;
    }
    return best;
  };
  const choose = (): number => {
    if (rule.rotation === 'first-ready' && ready.smallest() <= t) {
      const first = ready.firstAtMost(last + 1, ready.smallest());
      return first !== -1 ? first : ready.firstAtMost(0, ready.smallest());
    }
    if (clock) return lowest(last + 1, (i) => ready.get(i) + hostLeft[i]);
    const i = ready.firstAtMost(last + 1, t);
    return i !== -1 ? i : ready.firstAtMost(0, t);
  };

  let t = 0;
  let last = -1;
  while (ready.smallest() < Infinity) {
    let i = choose();
    if (i === -1) i = ready.leftmostSmallest();
    const readyAt = ready.get(i);
    t = Math.max(t, readyAt) + boards[i].thinks[next[i]++];
    if (clock) hostLeft[i] += clock.incrementMs - (t - readyAt);
    last = i;
    afterHost(i, t);
  }
  return { total: Math.max(0, ...ends), ends };
}

export function projection(boards: readonly BoardThinks[], rule?: ReplayRule): Projection {
  const sync = replaySync(boards);
  const async = replayAsync(boards, rule).total;
  return { sync, async, speedUp: async > 0 ? sync / async : null };
}
