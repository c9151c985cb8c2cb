// What a student's phone says about its board and the host: one answer, in one precedence
// (the pause first; while a bot plays for the student, never "your move"), that the phone's
// banner only words. A phone that hears only its own board has where the host is from its
// summary (summary.ts): the same function reads both.
import { awaitingHostInOrder, placeIn } from './rotation';
import { currentSyncBoard, sideToMove } from './queries';
import type { BoardState, SimulState } from './types';

export type PhoneStatus =
  | { kind: 'seated' }
  /** A sync simul's game not begun: `current`, the game being played. */
  | { kind: 'queued'; current: number | null }
  | { kind: 'finished' }
  /** The class is paused; `yourMove`: the student moves when it resumes. */
  | { kind: 'paused'; yourMove: boolean }
  /** A bot plays the student's side for now (the host handed it over while the student was away). */
  | { kind: 'bot-plays' }
  | { kind: 'your-move' }
  | { kind: 'host-here' }
  /** The host is at board `at`; it serves `before` boards before this one, counting `at`. */
  | { kind: 'host-at'; at: number; before: number }
  | { kind: 'host-next' };

/** Where the host is, as a phone knows it: the focus, the boards awaiting it in its order, the sync game. */
export interface HostWhere {
  focus: number | null;
  order: readonly number[];
  syncBoard: number | null;
}

/** Where the host is, from the whole state; a phone passes its summary's order (awaitingHostInOrder, sent). */
export function hostWhere(state: SimulState, order: readonly number[] = awaitingHostInOrder(state)): HostWhere {
  return { focus: state.focus, order, syncBoard: currentSyncBoard(state) };
}

export function phoneStatus(board: BoardState, where: HostWhere): PhoneStatus {
  if (board.status === 'open' || board.status === 'seated') return { kind: 'seated' };
  if (board.status === 'finished' || board.status === 'aborted') return { kind: 'finished' };
  const yourMove = board.status === 'playing' && sideToMove(board) === 'opponent';
  if (board.paused) return { kind: 'paused', yourMove };
  if (board.status === 'queued') return { kind: 'queued', current: where.syncBoard };
  if (board.standIn) return { kind: 'bot-plays' };
  if (yourMove) return { kind: 'your-move' };
  if (where.focus === board.number) return { kind: 'host-here' };
  const before = placeIn(where.order, board.number);
  if (before !== null && before > 0 && where.focus !== null) return { kind: 'host-at', at: where.focus, before };
  return { kind: 'host-next' };
}

/** Whether an answer depends on where the host is: a phone then needs the summary to keep it true. */
export function readsWhereTheHostIs(status: PhoneStatus): boolean {
  return status.kind === 'queued' || status.kind === 'host-here' || status.kind === 'host-at' || status.kind === 'host-next';
}

/** Whether two answers say the same: the banner would not change. */
export function samePhoneStatus(a: PhoneStatus, b: PhoneStatus): boolean {
  if (a.kind === 'queued' && b.kind === 'queued') return a.current === b.current;
  if (a.kind === 'paused' && b.kind === 'paused') return a.yourMove === b.yourMove;
  if (a.kind === 'host-at' && b.kind === 'host-at') return a.at === b.at && a.before === b.before;
  return a.kind === b.kind;
}
