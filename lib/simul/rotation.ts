// Where the host is and where it goes: the one answer every screen reads (the console's cells,
// N and its hint, the phones' banners and counts, the projector's heading, the dashboard's
// timeline, the program view). The rule is docs/METRICS.md "How the host rotates".
import { hostDeadline } from './clocks';
import { awaitsHost } from './queries';
import type { BoardState, Rotation, SimulState } from './types';

/**
 * Boards awaiting the host in the order the host will reach them after leaving `after` (the
 * board it is at or just left): table order, starting after `after` and wrapping around;
 * first-ready puts the longest waiting first (the earliest turnSince), most-urgent the lowest
 * host clock; both keep table order among equals. `after` itself, when it awaits the host, comes
 * where its key puts it (last in table order). evolve moves the host with this.
 */
export function readyQueue(state: SimulState, after: number | null = state.focus): number[] {
  const order = state.order;
  const start = after === null ? -1 : order.indexOf(after);
  const queue: BoardState[] = [];
  for (let i = 1; i <= order.length; i++) {
    const n = order[(start + i) % order.length];
    const board = state.boards.get(n);
    if (board && awaitsHost(board)) queue.push(board);
  }
  const key = rotationKey(state.rotation);
  if (key) queue.sort((x, y) => key(x) - key(y)); // a stable sort: equals stay in table order
  return queue.map((b) => b.number);
}

/** What a rotation other than table order puts first: the lowest key. */
function rotationKey(rotation: Rotation): ((board: BoardState) => number) | null {
  if (rotation === 'first-ready') return (b) => b.turnSince ?? Infinity;
  if (rotation === 'most-urgent') return (b) => (b.clock ? hostDeadline(b.clock) : Infinity);
  return null;
}

/** The board the host is at (the projector's heading, the console's big board): the focus, while its game is live. */
export function hostBoard(state: SimulState): number | null {
  if (state.focus === null) return null;
  return state.boards.get(state.focus)?.status === 'playing' ? state.focus : null;
}

/** The board the host is thinking on (the cell's "host thinking", the program's running task): the board it is at, while that awaits the host. */
export function hostThinkingOn(state: SimulState): number | null {
  const at = hostBoard(state);
  return at !== null && awaitsHost(state.boards.get(at)!) ? at : null;
}

/**
 * Every board awaiting the host, in the order the host serves them: the board it is at first
 * (when it awaits the host), then the others in the order of the simul's rule after it.
 */
export function awaitingHostInOrder(state: SimulState): number[] {
  const at = hostThinkingOn(state);
  const rest = readyQueue(state, state.focus).filter((n) => n !== at);
  return at === null ? rest : [at, ...rest];
}

/** Where the host goes after the board it is at: the first board awaiting it other than that one. */
export function nextBoard(state: SimulState): number | null {
  return awaitingHostInOrder(state).find((n) => n !== state.focus) ?? null;
}

/** The same place as boardsBefore, read from that order (a phone has it from its summary). */
export function placeIn(order: readonly number[], board: number): number | null {
  const i = order.indexOf(board);
  return i === -1 ? null : i;
}

/**
 * How many boards the host serves before `board`, counting the board it is at ("1 board before
 * yours"); 0 at the board the host is at; null when `board` does not await the host.
 */
export function boardsBefore(state: SimulState, board: number): number | null {
  return placeIn(awaitingHostInOrder(state), board);
}

/** Where the host goes when it leaves `from` (moved, or the game there ended). */
export function nextAwaitingHost(state: SimulState, from: number): number | null {
  return readyQueue(state, from)[0] ?? null;
}

/** The host's last move in the simul: on which board, what, when; null before its first. */
export function lastHostMove(state: SimulState): { board: number; san: string; at: number } | null {
  return state.lastHostMove;
}
