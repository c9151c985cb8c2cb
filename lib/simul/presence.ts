// Presence: whether each seat's student is here, away since a time, or left. The one answer
// every view reads (the console's cell, the lobby, the dashboard, the review, the phone).
//
// The room knows each seat's connections; it records a change in the log (seat-away, seat-back:
// server/room/presence-watch.ts) so that how long a student was away survives a restart. A
// connection that closes is not reported at once: only when the seat has had none for
// AWAY_AFTER_MS, so a phone that flaps (locks, wifi drops for a second) is not reported at all,
// and a seat is reported away at most once per AWAY_AFTER_MS.
import type { BoardState, SimulState } from './types';

/** How long a seat has had no connection before the room reports it away. */
export const AWAY_AFTER_MS = 5_000;

export type Presence =
  /** A connection of its student is open. */
  | { kind: 'here' }
  /** Its student has had no connection since `since`. */
  | { kind: 'away'; since: number }
  /** The seat was freed: the student left. */
  | { kind: 'left' };

/** Board `board`'s student's presence; null where nobody (or a seated bot) sits and nobody left. */
export function presenceOf(board: BoardState): Presence | null {
  if (!board.opponent) return board.left ? { kind: 'left' } : null;
  if (board.opponent.bot) return null;
  return board.awaySince === null ? { kind: 'here' } : { kind: 'away', since: board.awaySince };
}

/** How long board `board`'s student has been away at `now` in all (the running spell included). */
export function awayTotalMs(board: BoardState, now: number): number {
  return board.awayMs + (board.awaySince === null ? 0 : Math.max(0, now - board.awaySince));
}

/** Whether a person sits at `board` whose presence the room follows (not a seated bot). */
export function followsPresence(board: BoardState): boolean {
  return board.opponent !== null && !board.opponent.bot;
}

/** The boards whose student is away, in table order. */
export function awayBoards(state: SimulState): number[] {
  return state.order.filter((n) => state.boards.get(n)!.awaySince !== null);
}

/** Whether the host may hand board `board` to a bot: its student is away or gone, and no bot plays it already. */
export function mayHandToBot(board: BoardState): boolean {
  const presence = presenceOf(board);
  return presence !== null && presence.kind !== 'here' && board.standIn === null;
}
