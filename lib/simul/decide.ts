// decide: a command from an actor becomes events, or a rejection with a code.
// Pure with respect to the state: it reads, it never changes (see the move case).
import {
  cannotMate,
  drawClaim,
  endingByRule,
  playIfLegal,
  quietMoves,
  resignationResult,
  timesAfter,
  timesNow,
  type Ending,
} from '../chess/rules';
import { timeLeft } from './clocks';
import { isBotSpec } from '../bots/spec';
import { cleanName } from './display-text';
import { colorOf, commandRecord, currentSyncBoard, freeSeats, isOver, recordText, sideToMove } from './queries';
import { rejection, type RefusalArgs } from './rejection';
import { namesLookAlike } from './skeleton';
import type {
  Actor,
  BoardState,
  Command,
  DecidedEvent,
  Rejection,
  RejectionCode,
  Side,
  SimulEventBody,
  SimulState,
} from './types';

export type Decision =
  | { ok: true; events: DecidedEvent[]; duplicate?: boolean }
  | { ok: false; error: Rejection };

function reject<C extends RejectionCode>(code: C, ...params: RefusalArgs<C>): Decision {
  return { ok: false, error: rejection(code, ...params) };
}

function accept(...events: SimulEventBody[]): Decision {
  return { ok: true, events };
}

const HOST_ONLY = new Set<Command['type']>([
  'seat-bot',
  'free-seat',
  'reissue-seat',
  'close-joining',
  'open-joining',
  'start',
  'focus',
  'abort-game',
  'end-simul',
]);

/** Commands only the room itself sends (on its timers); never a client's. */
const SERVER_ONLY = new Set<Command['type']>(['time-out', 'resume-clocks']);

/** The host's commands the room may also send itself (its housekeeping), saying why. */
const SERVER_TOO = new Set<Command['type']>(['end-simul']);

/** Which side of `board` the actor plays, or a rejection when it plays neither. */
function sideOf(actor: Actor, board: number): Side | Rejection {
  if (actor.role === 'server') return rejection('not-seated');
  if (actor.role === 'host') return 'host';
  if (actor.role === 'opponent') {
    if (actor.board === board) return 'opponent';
    return rejection('not-your-board', { board, yourBoard: actor.board });
  }
  return rejection('not-seated');
}

function liveBoard(state: SimulState, number: number): BoardState | Rejection {
  if (state.phase === 'lobby') return rejection('not-started');
  const board = state.boards.get(number);
  if (!board) return rejection('unknown-board', { board: number });
  if (isOver(board)) return rejection('game-over', { board: number });
  if (board.status !== 'playing') return rejection('game-not-live', { board: number });
  return board;
}

/** A name for a new seat, cleaned, or a refusal: it must not look like a seated one. */
function seatName(state: SimulState, raw: string): string | Rejection {
  const cleaned = cleanName(raw);
  if (!cleaned.ok) return rejection('name-invalid', cleaned.problem);
  for (const b of state.boards.values()) {
    if (b.opponent && namesLookAlike(b.opponent.name, cleaned.text)) {
      return rejection('name-taken', { name: b.opponent.name });
    }
  }
  return cleaned.text;
}

function isRejection(x: unknown): x is Rejection {
  return typeof x === 'object' && x !== null && 'code' in x;
}

/**
 * An exhibition's game is agreed drawn once both sides have made its number of moves (the
 * lesson's m move pairs), with the move that completes them.
 */
function exhibitionEnding(state: SimulState, board: BoardState): { result: '1/2-1/2'; reason: 'draw-agreed'; movePairs: number } | null {
  const pairs = state.exhibition?.movePairs;
  if (!pairs || board.moveCount + 1 < 2 * pairs) return null;
  return { result: '1/2-1/2', reason: 'draw-agreed', movePairs: pairs };
}

/** Events that follow a game's end: the next sync game begins, or the simul finishes. */
function afterGameEnds(state: SimulState, ended: number): SimulEventBody[] {
  const remaining = state.order.filter((n) => n !== ended && !isOver(state.boards.get(n)!));
  if (remaining.length === 0) return [{ type: 'simul-finished', early: false }];
  if (state.mode === 'sync' && currentSyncBoard(state) === ended) {
    return [{ type: 'game-started', board: remaining[0] }];
  }
  return [];
}

/** Whether `side`'s flag on a board with clocks has fallen at `now`. */
function flagFallen(board: BoardState, side: Side, now: number): boolean {
  return board.clock !== null && timeLeft(board.clock, side, now) <= 0;
}

/** Board `number`, live, and the side the actor plays there, when it is that side's move with time left. */
function moverOn(state: SimulState, actor: Actor, number: number, now: number): { board: BoardState; side: Side } | Rejection {
  const board = liveBoard(state, number);
  if (isRejection(board)) return board;
  const side = sideOf(actor, number);
  if (isRejection(side)) return side;
  if (sideToMove(board) !== side) return rejection('not-your-turn');
  if (flagFallen(board, side, now)) return rejection('out-of-time', { board: number });
  return { board, side };
}

/**
 * A command becomes events or a refusal. A command resent by its sender after it was applied
 * (its acknowledgement lost, a reconnect, a server restart) is a duplicate: acknowledged, with no
 * events, even when what it did (a move that ended the game, a resignation) makes it impossible now.
 * `now`: the server's time, which only the clocks read.
 */
export function decide(state: SimulState, actor: Actor, command: Command, now: number): Decision {
  const record = commandRecord(state, actor, command);
  if (record) {
    const applied = state.commands.get(record.key);
    // The same id from the same sender: a resend of what it asked, or another request.
    if (applied !== undefined) {
      if (applied === '' || applied === record.fingerprint) return { ok: true, events: [], duplicate: true };
      return reject('command-id-reused');
    }
  }
  const decision = decideNew(state, actor, command, now);
  // A move is remembered by its clientMoveId; any other command by a record on its first event.
  if (!decision.ok || !record || command.type === 'move' || decision.events.length === 0) return decision;
  const [first, ...rest] = decision.events;
  return { ok: true, events: [{ ...first, command: recordText(record) }, ...rest] };
}

function decideNew(state: SimulState, actor: Actor, command: Command, now: number): Decision {
  if (state.phase === 'finished') return reject('simul-finished');
  const byServer = actor.role === 'server';
  if (SERVER_ONLY.has(command.type) ? !byServer : byServer && !SERVER_TOO.has(command.type)) return reject('bad-payload');
  if (HOST_ONLY.has(command.type) && actor.role !== 'host' && !byServer) {
    return reject('not-host');
  }

  switch (command.type) {
    case 'join': {
      if (actor.role === 'host') return reject('already-seated', { who: 'host' });
      if (actor.role === 'opponent') return reject('already-seated', { who: 'opponent', board: actor.board });
      const late = state.phase !== 'lobby';
      if (state.joiningClosed) return late ? reject('already-started', { command: command.type }) : reject('joining-closed');
      const name = seatName(state, command.name);
      if (isRejection(name)) return { ok: false, error: name };
      const free = freeSeats(state);
      let number = free[0];
      if (command.board !== undefined) {
        if (!Number.isInteger(command.board) || command.board < 1 || command.board > state.boardCount) {
          return reject('unknown-board', { board: command.board });
        }
        if (!free.includes(command.board)) return reject('seat-taken', { board: command.board });
        number = command.board;
      } else if (number === undefined) {
        return reject('simul-full');
      }
      const seated: SimulEventBody = { type: 'seat-taken', board: number, name, playerId: command.playerId };
      // A late joiner's game begins at once in async mode; in sync mode it is queued last.
      if (late && state.mode === 'async') return accept(seated, { type: 'game-started', board: number });
      return accept(seated);
    }

    case 'seat-bot': {
      if (state.phase !== 'lobby') return reject('already-started', { command: command.type });
      const board = state.boards.get(command.board);
      if (!board) return reject('unknown-board', { board: command.board });
      if (board.opponent) return reject('seat-taken', { board: command.board });
      if (!isBotSpec(command.bot)) return reject('bot-invalid');
      const name = seatName(state, command.name);
      if (isRejection(name)) return { ok: false, error: name };
      return accept({ type: 'seat-taken', board: board.number, name, playerId: `bot-${board.number}`, bot: command.bot });
    }

    case 'free-seat':
    case 'reissue-seat': {
      if (state.phase !== 'lobby' && command.type === 'free-seat') {
        return reject('already-started', { command: command.type });
      }
      const board = state.boards.get(command.board);
      if (!board) return reject('unknown-board', { board: command.board });
      if (!board.opponent) return reject('not-seated', { board: command.board });
      if (command.type === 'reissue-seat' && isOver(board)) return reject('game-over', { board: command.board });
      if (command.type === 'reissue-seat' && board.opponent.bot) return reject('bot-seat', { board: command.board });
      if (command.type === 'reissue-seat') return accept({ type: 'seat-reissued', board: board.number });
      return accept({ type: 'seat-freed', board: board.number, ...(command.block ? { blocked: true } : {}) });
    }

    case 'close-joining':
    case 'open-joining': {
      // Before and after the start: while joining is open a late joiner gets a new board.
      return accept({ type: command.type === 'close-joining' ? 'joining-closed' : 'joining-opened' });
    }

    case 'start': {
      if (state.phase !== 'lobby') return reject('already-started', { command: command.type });
      const seated = state.order.filter((n) => state.boards.get(n)!.opponent);
      if (seated.length === 0) return reject('no-opponents');
      const starts: SimulEventBody[] = (state.mode === 'async' ? seated : seated.slice(0, 1)).map(
        (board) => ({ type: 'game-started', board }),
      );
      return accept({ type: 'simul-started', boards: seated }, ...starts);
    }

    case 'move': {
      const mover = moverOn(state, actor, command.board, now);
      if (isRejection(mover)) return { ok: false, error: mover };
      const { board, side } = mover;
      // Validating plays the move; the ending needs the position after it; then it is
      // taken back, so the state is as it was when decide returns.
      const move = playIfLegal(board.chess, command.from, command.to, command.promotion);
      if (!move) return reject('illegal-move', { from: command.from, to: command.to });
      let ending: (Ending & { by?: Side; movePairs?: number }) | null;
      try {
        const times = timesAfter(board.positions, move);
        ending = endingByRule(board.chess, times, state.drawRules) ?? exhibitionEnding(state, board);
        // A draw offered, then a move that makes it claimable: the laws' claim with a move.
        const claim = !ending && state.drawRules === 'claimed' && board.drawOfferBy === side ? drawClaim(board.chess, times) : null;
        if (claim) ending = { result: '1/2-1/2', reason: claim, by: side };
      } finally {
        board.chess.undo();
      }
      const moved: SimulEventBody = {
        type: 'move-made',
        board: board.number,
        by: side,
        san: move.san,
        from: move.from,
        to: move.to,
        ...(move.promotion ? { promotion: move.promotion as 'q' | 'r' | 'b' | 'n' } : {}),
        clientMoveId: command.clientMoveId,
      };
      if (!ending) return accept(moved);
      return accept(
        moved,
        { type: 'game-ended', board: board.number, ...ending },
        ...afterGameEnds(state, board.number),
      );
    }

    case 'claim-draw': {
      const mover = moverOn(state, actor, command.board, now);
      if (isRejection(mover)) return { ok: false, error: mover };
      const { board, side } = mover;
      const times = timesNow(board.positions, board.chess);
      const claim = drawClaim(board.chess, times);
      if (!claim) return reject('no-draw-claim', { repetitions: times, quietMoves: quietMoves(board.chess) });
      return accept(
        { type: 'game-ended', board: board.number, result: '1/2-1/2', reason: claim, by: side },
        ...afterGameEnds(state, board.number),
      );
    }

    case 'time-out': {
      const board = liveBoard(state, command.board);
      if (isRejection(board)) return { ok: false, error: board };
      const side = sideToMove(board);
      // A timer for a flag that has not fallen (the side moved in time): nothing happens.
      if (!flagFallen(board, side, now)) return accept();
      const loser = colorOf(board, side);
      const ending: Ending = cannotMate(board.chess, loser === 'w' ? 'b' : 'w')
        ? { result: '1/2-1/2', reason: 'timeout-vs-insufficient-material' }
        : { result: resignationResult(loser), reason: 'timeout' };
      return accept({ type: 'game-ended', board: board.number, ...ending, by: side }, ...afterGameEnds(state, board.number));
    }

    case 'resume-clocks': {
      if (state.phase !== 'playing' || !state.clock) return accept();
      return accept({ type: 'server-restarted', downSince: command.downSince });
    }

    case 'resign': {
      const board = liveBoard(state, command.board);
      if (isRejection(board)) return { ok: false, error: board };
      const side = sideOf(actor, command.board);
      if (isRejection(side)) return { ok: false, error: side };
      const result = resignationResult(colorOf(board, side));
      return accept(
        { type: 'game-ended', board: board.number, result, reason: 'resignation', by: side },
        ...afterGameEnds(state, board.number),
      );
    }

    case 'offer-draw': {
      const board = liveBoard(state, command.board);
      if (isRejection(board)) return { ok: false, error: board };
      const side = sideOf(actor, command.board);
      if (isRejection(side)) return { ok: false, error: side };
      if (board.drawOfferBy) return reject('draw-already-offered');
      return accept({ type: 'draw-offered', board: board.number, by: side });
    }

    case 'answer-draw': {
      const board = liveBoard(state, command.board);
      if (isRejection(board)) return { ok: false, error: board };
      const side = sideOf(actor, command.board);
      if (isRejection(side)) return { ok: false, error: side };
      if (!board.drawOfferBy || board.drawOfferBy === side) return reject('no-draw-offer');
      if (!command.accept) return accept({ type: 'draw-declined', board: board.number, by: side });
      return accept(
        { type: 'game-ended', board: board.number, result: '1/2-1/2', reason: 'draw-agreed' },
        ...afterGameEnds(state, board.number),
      );
    }

    case 'focus': {
      const board = liveBoard(state, command.board);
      if (isRejection(board)) return { ok: false, error: board };
      if (state.focus === board.number) return accept();
      return accept({ type: 'host-focused', board: board.number });
    }

    case 'abort-game': {
      if (state.phase === 'lobby') return reject('not-started');
      const board = state.boards.get(command.board);
      if (!board) return reject('unknown-board', { board: command.board });
      if (isOver(board)) return reject('game-over', { board: command.board });
      return accept(
        { type: 'game-aborted', board: board.number, reason: 'host-aborted' },
        ...afterGameEnds(state, board.number),
      );
    }

    case 'end-simul': {
      const open =
        state.phase === 'lobby' ? [] : state.order.filter((n) => !isOver(state.boards.get(n)!));
      return accept(
        ...open.map((board): SimulEventBody => ({ type: 'game-aborted', board, reason: 'simul-ended' })),
        actor.role === 'server' ? { type: 'simul-finished', early: true, ending: command.ending ?? 'idle' } : { type: 'simul-finished', early: true },
      );
    }
  }
}
