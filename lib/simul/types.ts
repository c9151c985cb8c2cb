// The simul domain's vocabulary: events (the record), commands (requests),
// actors (who asks) and the folded state. Pure data, shared by server and browser.
import type { Chess } from 'chess.js';

export type Mode = 'async' | 'sync';
export type HostColorChoice = 'white' | 'black' | 'alternate';
export type Color = 'w' | 'b';
export type Side = 'host' | 'opponent';
export type Result = '1-0' | '0-1' | '1/2-1/2';
export type Promotion = 'q' | 'r' | 'b' | 'n';
export type EndReason =
  | 'checkmate'
  | 'stalemate'
  | 'threefold-repetition'
  | 'fifty-move-rule'
  | 'insufficient-material'
  | 'resignation'
  | 'draw-agreed';
/**
 * Why a game stayed unfinished: the host aborted it, or the host ended the simul while it was
 * open (or before it began). A log written before this was recorded says nothing: host-aborted.
 */
export type AbortReason = 'host-aborted' | 'simul-ended';

export const LIMITS = {
  minBoards: 1,
  maxBoards: 100,
  maxNameLength: 24,
  maxTitleLength: 80,
} as const;

/** Every event carries its sequence number in the simul's log and the server's time (ms). */
export interface EventMeta {
  seq: number;
  at: number;
  /**
   * On the first event of a command other than a move (a move's id is its clientMoveId): the
   * command's key (see commandKey), so that the command, resent, is applied once.
   */
  command?: string;
}

export type SimulEventBody =
  | {
      type: 'simul-created';
      simulId: string;
      title: string;
      boardCount: number;
      hostColor: HostColorChoice;
      mode: Mode;
      joinCode: string;
    }
  /** After the start (a late joiner, joining still open) it adds the board: see evolve. */
  | { type: 'seat-taken'; board: number; name: string; playerId: string }
  /** `blocked`: the host also blocked the device's network from joining this simul again. */
  | { type: 'seat-freed'; board: number; blocked?: boolean }
  | { type: 'seat-reissued'; board: number }
  | { type: 'joining-closed' }
  | { type: 'joining-opened' }
  | { type: 'simul-started'; boards: number[] }
  | { type: 'game-started'; board: number }
  | {
      type: 'move-made';
      board: number;
      by: Side;
      san: string;
      from: string;
      to: string;
      promotion?: Promotion;
      clientMoveId?: string;
    }
  | { type: 'draw-offered'; board: number; by: Side }
  | { type: 'draw-declined'; board: number; by: Side }
  | { type: 'game-ended'; board: number; result: Result; reason: EndReason; by?: Side }
  | { type: 'game-aborted'; board: number; reason?: AbortReason }
  | { type: 'host-focused'; board: number }
  | { type: 'simul-finished'; early: boolean };

export type SimulEvent = EventMeta & SimulEventBody;
/** What decide returns: an event but for its place in the log and its time. */
export type DecidedEvent = SimulEventBody & Pick<EventMeta, 'command'>;
export type EventType = SimulEventBody['type'];

/**
 * Every command but a move may carry a client's id (a move carries its clientMoveId): a command
 * resent with the same id by the same sender is acknowledged and applied once.
 */
export type Command = CommandBody & { commandId?: string };

export type CommandBody =
  | { type: 'join'; name: string; board?: number; playerId: string }
  | { type: 'free-seat'; board: number; block?: boolean }
  | { type: 'reissue-seat'; board: number }
  | { type: 'close-joining' }
  | { type: 'open-joining' }
  | { type: 'start' }
  | {
      type: 'move';
      board: number;
      from: string;
      to: string;
      promotion?: Promotion;
      clientMoveId: string;
    }
  | { type: 'resign'; board: number }
  | { type: 'offer-draw'; board: number }
  | { type: 'answer-draw'; board: number; accept: boolean }
  | { type: 'focus'; board: number }
  | { type: 'abort-game'; board: number }
  | { type: 'end-simul' };

export type CommandType = Command['type'];

export type Actor =
  | { role: 'host' }
  | { role: 'opponent'; board: number }
  | { role: 'spectator' };

/** Refusals: a code and the facts a sentence needs (rejection.ts). */
export type { RefusalParams, Rejection, RejectionCode } from './rejection';

export type BoardStatus = 'open' | 'seated' | 'queued' | 'playing' | 'finished' | 'aborted';

export interface BoardState {
  /** Table number, 1-based, stable for the whole simul. */
  number: number;
  hostColor: Color;
  opponent: { name: string; playerId: string } | null;
  status: BoardStatus;
  /** chess.js game: the one source of truth for the position. Mutated only by evolve. */
  chess: Chess;
  moveCount: number;
  lastMove: { from: string; to: string } | null;
  /** Server time at which the side to move got the move (game start or last move). */
  turnSince: number | null;
  startedAt: number | null;
  endedAt: number | null;
  result: Result | null;
  /** How a finished game ended, or why an aborted one stayed unfinished. */
  endReason: EndReason | AbortReason | null;
  drawOfferBy: Side | null;
  /** Last clientMoveId applied per side: a resent move with the same id is applied once. */
  lastClientMoveId: { host: string | null; opponent: string | null };
}

export type Phase = 'lobby' | 'playing' | 'finished';

export interface SimulState {
  simulId: string;
  title: string;
  mode: Mode;
  hostColor: HostColorChoice;
  joinCode: string;
  /** Seats the host created: tables 1 to boardCount. Late joiners take the free ones. */
  boardCount: number;
  phase: Phase;
  /** Set and cleared by the host, before and after the start; a finished simul is closed. */
  joiningClosed: boolean;
  /** Seq of the last event folded in. */
  seq: number;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  endedEarly: boolean;
  /** Boards by table number; after the start only the seated ones remain, and late joiners' are added. */
  boards: Map<number, BoardState>;
  /** Table numbers in the rotation order: table order, late joiners' boards last, as they came. */
  order: number[];
  /** The board the host is at: in async mode null when no board awaits the host; in sync mode the current game. */
  focus: number | null;
  /** The keys of every command applied (see commandKey): a resend is a duplicate. */
  commands: Set<string>;
}
