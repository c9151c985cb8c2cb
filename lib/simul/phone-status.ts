// What a student's phone says about its board and the host: one answer, in one precedence
// (the pause first; while a bot plays for the student, never "your move"), that the phone's
// banner only words. A phone that hears only its own board has where the host is from its
// summary (summary.ts): the same function reads both.
import { awaitingHostInOrder, placeIn } from './rotation';
import { currentSyncBoard, sideToMove } from './queries';
import type { BoardState, SimulState } from './types';

type PhoneStatus =
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
interface HostWhere {
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
