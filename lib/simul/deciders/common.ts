// What every decider shares: the shape of a decision, and the checks several commands make
// (which side the actor plays, a live board, the mover with time left, what follows a game's end).
import { flagFallen } from '../clocks';
import { cleanName } from '../display-text';
import { currentSyncBoard, isOver, sideToMove } from '../queries';
import { rejection, type RefusalArgs } from '../rejection';
import { namesLookAlike } from '../skeleton';
import type {
  Actor,
  BoardState,
  Command,
  CommandType,
  DecidedEvent,
  Rejection,
  RejectionCode,
  Side,
  SimulEventBody,
  SimulState,
} from '../types';

export type Decision =
  | { ok: true; events: DecidedEvent[]; duplicate?: boolean }
  | { ok: false; error: Rejection };

/** The command of one type. */
type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** One command's rule: the state, who asks, the command and the server's time become a decision. */
export type Decider<T extends CommandType> = (state: SimulState, actor: Actor, command: CommandOf<T>, now: number) => Decision;

export function reject<C extends RejectionCode>(code: C, ...params: RefusalArgs<C>): Decision {
  return { ok: false, error: rejection(code, ...params) };
}

export function refuse(error: Rejection): Decision {
  return { ok: false, error };
}

export function accept(...events: SimulEventBody[]): Decision {
  return { ok: true, events };
}

export function isRejection(x: unknown): x is Rejection {
  return typeof x === 'object' && x !== null && 'code' in x;
}

/** Which side of `board` the actor plays, or a rejection when it plays neither. */
export function sideOf(actor: Actor, board: number): Side | Rejection {
  if (actor.role === 'server') return rejection('not-seated');
  if (actor.role === 'host') return 'host';
  if (actor.role === 'opponent') {
    if (actor.board === board) return 'opponent';
    return rejection('not-your-board', { board, yourBoard: actor.board });
  }
  return rejection('not-seated');
}

export function liveBoard(state: SimulState, number: number): BoardState | Rejection {
  if (state.phase === 'lobby') return rejection('not-started');
  const board = state.boards.get(number);
  if (!board) return rejection('unknown-board', { board: number });
  if (isOver(board)) return rejection('game-over', { board: number });
  if (board.status !== 'playing') return rejection('game-not-live', { board: number });
  return board;
}

/**
 * Board `number`, live, and the side the actor plays on it. While a bot plays a student's side
 * for now (stand-in.ts), the room plays it for the bot, and the student does not.
 */
export function playerOn(state: SimulState, actor: Actor, number: number): { board: BoardState; side: Side } | Rejection {
  if (actor.role === 'server') {
    const board = liveBoard(state, number);
    if (isRejection(board)) return board;
    return board.standIn ? { board, side: 'opponent' } : rejection('not-seated');
  }
  // Who asks is checked first (a student on another's finished board: not-your-board).
  const side = sideOf(actor, number);
  if (isRejection(side)) return side;
  const board = liveBoard(state, number);
  if (isRejection(board)) return board;
  if (board.standIn && side === 'opponent') return rejection('bot-plays', { board: number });
  return { board, side };
}

/** A name for a new seat, cleaned, or a refusal: it must not look like a seated one. */
export function seatName(state: SimulState, raw: string): string | Rejection {
  const cleaned = cleanName(raw);
  if (!cleaned.ok) return rejection('name-invalid', cleaned.problem);
  for (const b of state.boards.values()) {
    if (b.opponent && namesLookAlike(b.opponent.name, cleaned.text)) {
      return rejection('name-taken', { name: b.opponent.name });
    }
  }
  return cleaned.text;
}

export { flagFallen } from '../clocks';

/** Events that follow a game's end: the next sync game begins, or the simul finishes. */
export function afterGameEnds(state: SimulState, ended: number): SimulEventBody[] {
  const remaining = state.order.filter((n) => n !== ended && !isOver(state.boards.get(n)!));
  if (remaining.length === 0) return [{ type: 'simul-finished', early: false }];
  if (state.mode === 'sync' && currentSyncBoard(state) === ended) {
    return [{ type: 'game-started', board: remaining[0] }];
  }
  return [];
}


/** Board `number`, live, and the side the actor plays there, when it is that side's move with time left. */
export function moverOn(state: SimulState, actor: Actor, number: number, now: number): { board: BoardState; side: Side } | Rejection {
  const player = playerOn(state, actor, number);
  if (isRejection(player)) return player;
  if (sideToMove(player.board) !== player.side) return rejection('not-your-turn');
  if (flagFallen(player.board, player.side, now)) return rejection('out-of-time', { board: number });
  return player;
}
