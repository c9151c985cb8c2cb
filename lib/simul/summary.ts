// What a student's phone hears of the rest of the simul: where the host is, the boards awaiting
// it in the order it reaches them, the phase, and every board's status and result. Small, and
// sent coalesced: the phone's own board comes as events of its own.
import { addBoard } from './evolve';
import { awaitingHostInOrder } from './rotation';
import type { PastGame } from './types';
import type { AbortReason, BoardStatus, EndReason, Phase, Result, SimulState } from './types';

interface BoardSummary {
  board: number;
  status: BoardStatus;
  moves: number;
  result: Result | null;
  reason: EndReason | AbortReason | null;
  /**
   * The student's name, in the finished simul's summary only: a phone hears no other board's
   * seat-taken, so its final results could not name who sat down after it. Names are no secret
   * (the projector shows them); sent once, they cost nothing while the games run.
   */
  name?: string | null;
  /** The games before the current one (rematches), in the finished simul's summary only. */
  pastGames?: PastGame[];
}

export interface SimulSummary {
  phase: Phase;
  /** The board the host is at (see SimulState.focus). */
  focus: number | null;
  /** Boards awaiting the host, in the order it serves them, the board it is at first (rotation.ts awaitingHostInOrder). */
  queue: number[];
  /** Table order. */
  boards: BoardSummary[];
  finishedAt: number | null;
  endedEarly: boolean;
}

export function summarize(state: SimulState): SimulSummary {
  return {
    phase: state.phase,
    focus: state.focus,
    queue: awaitingHostInOrder(state),
    boards: state.order.map((n) => {
      const b = state.boards.get(n)!;
      const summary: BoardSummary = { board: n, status: b.status, moves: b.moveCount, result: b.result, reason: b.endReason };
      if (state.phase === 'finished') {
        summary.name = b.opponent?.name ?? null;
        if (b.pastGames.length > 0) summary.pastGames = b.pastGames;
      }
      return summary;
    }),
    finishedAt: state.finishedAt,
    endedEarly: state.endedEarly,
  };
}

/**
 * Takes a summary into a phone's copy of the state: the simul's phase and focus, and the other
 * boards' status and result, and boards added for late joiners (named once the simul is over). The
 * phone's own board (`own`) keeps what its own events made it.
 */
export function applySummary(state: SimulState, summary: SimulSummary, own: number | null): void {
  if (summary.phase === 'playing' && state.phase === 'lobby') {
    const kept = new Set(summary.boards.map((b) => b.board));
    for (const n of state.order) if (!kept.has(n)) state.boards.delete(n);
    state.order = summary.boards.map((b) => b.board);
  }
  state.phase = summary.phase;
  state.focus = summary.focus;
  state.finishedAt = summary.finishedAt;
  state.endedEarly = summary.endedEarly;
  for (const s of summary.boards) {
    // A late joiner's board: added as evolve adds it (the phone hears no seat-taken of others).
    const board = state.boards.get(s.board) ?? (state.phase === 'lobby' ? undefined : addBoard(state, s.board));
    if (!board || s.board === own) continue;
    board.status = s.status;
    board.moveCount = s.moves;
    board.result = s.result;
    board.endReason = s.reason;
    // The final results name every opponent, also those who sat down after this phone.
    if (s.name && !board.opponent) board.opponent = { name: s.name, playerId: '' };
    if (s.pastGames) board.pastGames = s.pastGames;
  }
}

/**
 * Each board's place as its student feels it: the host is at it, it waits in the queue, or
 * neither. A change of place is sent at once; a change in how many boards are ahead waits for
 * the next coalesced summary.
 */
export function placesOf(summary: SimulSummary): Map<number, 'host-here' | 'queued' | 'none'> {
  const queued = new Set(summary.queue);
  return new Map(
    summary.boards.map(({ board }) => [board, summary.focus === board ? 'host-here' : queued.has(board) ? 'queued' : 'none']),
  );
}

/**
 * The boards awaiting the host: at it, in its queue, or (a sync simul) waiting for their game to
 * begin. Their phones show where the host is; a phone whose student is to move, or whose game is
 * over, shows nothing of the rest of the simul while it plays, so the summary reaches it with
 * its board's next frame.
 */
export function boardsAwaitingTheHost(summary: SimulSummary): Set<number> {
  const places = placesOf(summary);
  return new Set(summary.boards.filter((b) => places.get(b.board) !== 'none' || b.status === 'queued').map((b) => b.board));
}
