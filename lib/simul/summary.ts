// What a student's phone hears of the rest of the simul: where the host is, the boards awaiting
// it in the order it reaches them, the phase, and every board's status and result. Small, and
// sent coalesced: the phone's own board comes as events of its own. Where the host is changes
// at nearly every move; the boards' statuses seldom (a game ends, a student sits down), so the
// room sends the boards only to a phone that has not heard them as they are (`boards` left out
// otherwise), and their move counts only once the simul is over, with the final results.
import { addBoard } from './evolve';
import { awaitingHostInOrder } from './rotation';
import type { PastGame } from './types';
import type { AbortReason, BoardStatus, EndReason, Phase, Result, SimulState } from './types';

export interface BoardSummary {
  board: number;
  status: BoardStatus;
  result: Result | null;
  reason: EndReason | AbortReason | null;
  /**
   * The student's name, its moves and its games before the current one (rematches), in the
   * finished simul's summary only: a phone hears no other board's seat-taken and moves, so its
   * final results could not name who sat down after it, nor count their moves. Names are no
   * secret (the projector shows them); sent once, they cost nothing while the games run.
   */
  name?: string | null;
  moves?: number;
  pastGames?: PastGame[];
}

export interface SimulSummary {
  phase: Phase;
  /** The board the host is at (see SimulState.focus). */
  focus: number | null;
  /** Boards awaiting the host, in the order it serves them, the board it is at first (rotation.ts awaitingHostInOrder). */
  queue: number[];
  /** Table order; left out when the phone has heard them as they are (the room keeps count). */
  boards?: BoardSummary[];
  finishedAt: number | null;
  endedEarly: boolean;
}

/** The whole summary: where the host is, and every board. */
export function summarize(state: SimulState): SimulSummary & { boards: BoardSummary[] } {
  return { ...whereTheHostIs(state), boards: boardSummaries(state) };
}

/** The summary without the boards: the part that changes as the host moves on. */
export function whereTheHostIs(state: SimulState): SimulSummary {
  return {
    phase: state.phase,
    focus: state.focus,
    queue: awaitingHostInOrder(state),
    finishedAt: state.finishedAt,
    endedEarly: state.endedEarly,
  };
}

/** Every board's line of the summary, in table order. */
export function boardSummaries(state: SimulState): BoardSummary[] {
  return state.order.map((n) => {
    const b = state.boards.get(n)!;
    const summary: BoardSummary = { board: n, status: b.status, result: b.result, reason: b.endReason };
    if (state.phase === 'finished') {
      summary.name = b.opponent?.name ?? null;
      summary.moves = b.moveCount;
      if (b.pastGames.length > 0) summary.pastGames = b.pastGames;
    }
    return summary;
  });
}

/** Whether two summaries say the same of where the host is (the boards aside). */
export function sameWhere(a: SimulSummary, b: SimulSummary): boolean {
  return (
    a.phase === b.phase &&
    a.focus === b.focus &&
    a.finishedAt === b.finishedAt &&
    a.endedEarly === b.endedEarly &&
    a.queue.length === b.queue.length &&
    a.queue.every((n, i) => b.queue[i] === n)
  );
}

/** Whether `lines` still say what the boards of `state` are (a finished simul's lines are always made anew: they are sent once). */
export function linesUpToDate(lines: readonly BoardSummary[], state: SimulState): boolean {
  if (state.phase === 'finished' || lines.length !== state.order.length) return false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const b = state.boards.get(state.order[i]);
    if (!b || line.board !== b.number || line.status !== b.status || line.result !== b.result || line.reason !== b.endReason) return false;
  }
  return true;
}

/**
 * Takes a summary into a phone's copy of the state: the simul's phase and focus, and the other
 * boards' status and result, and boards added for late joiners (named once the simul is over). The
 * phone's own board (`own`) keeps what its own events made it.
 */
export function applySummary(state: SimulState, summary: SimulSummary, own: number | null): void {
  if (summary.boards && summary.phase === 'playing' && state.phase === 'lobby') {
    const kept = new Set(summary.boards.map((b) => b.board));
    for (const n of state.order) if (!kept.has(n)) state.boards.delete(n);
    state.order = summary.boards.map((b) => b.board);
  }
  state.phase = summary.phase;
  state.focus = summary.focus;
  state.finishedAt = summary.finishedAt;
  state.endedEarly = summary.endedEarly;
  for (const s of summary.boards ?? []) {
    // A late joiner's board: added as evolve adds it (the phone hears no seat-taken of others).
    const board = state.boards.get(s.board) ?? (state.phase === 'lobby' ? undefined : addBoard(state, s.board));
    if (!board || s.board === own) continue;
    board.status = s.status;
    if (s.moves !== undefined) board.moveCount = s.moves;
    board.result = s.result;
    board.endReason = s.reason;
    // The final results name every opponent, also those who sat down after this phone.
    if (s.name && !board.opponent) board.opponent = { name: s.name, playerId: '' };
    if (s.pastGames) board.pastGames = s.pastGames;
  }
}
