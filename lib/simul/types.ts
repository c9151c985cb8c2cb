// The simul domain's vocabulary: events (the record), commands (requests),
// actors (who asks) and the folded state. Pure data, shared by server and browser.
import type { BotSpec } from '../bots/spec';
import type { Game } from '../chess/game';
import type { PositionCounts } from '../chess/rules';
import type { Color, DrawRules, EndReason, Promotion, Result } from '../chess/types';

export type { BotSpec } from '../bots/spec';
/** The chess words (lib/chess/types.ts), for the simul's events and state. */
export type { Color, DrawRules, EndReason, Promotion, Result } from '../chess/types';

export type Mode = 'async' | 'sync';
export type HostColorChoice = 'white' | 'black' | 'alternate';
export type Side = 'host' | 'opponent';

/**
 * How the host goes on after a move in async mode (docs/METRICS.md "How the host rotates"):
 * the next board in table order that awaits it; the board that has awaited it longest (asyncio's
 * FIFO ready queue); or the board whose host clock is lowest (only with clocks). Ties in table
 * order after the board the host left.
 */
export type Rotation = 'table-order' | 'first-ready' | 'most-urgent';

/** What the host allowed at creation: takebacks whenever asked, one per game for each student, or none. */
export type TakebackPolicy = 'any' | 'one-per-game' | 'none';

/** A simul's clocks: every game's initial time and increment, and the host's extra time on each board. */
export interface ClockSettings {
  initialMs: number;
  incrementMs: number;
  hostExtraMs: number;
}

/**
 * Why a game stayed unfinished: the host aborted it, or the host ended the simul while it was
 * open (or before it began). A log written before this was recorded says nothing: host-aborted.
 */
export type AbortReason = 'host-aborted' | 'simul-ended';

export const LIMITS = {
  minBoards: 1,
  maxBoards: 100,
  /** A real person's name: "María José Fernández Núñez" and longer (the views truncate it where space is short). */
  maxNameLength: 40,
  maxTitleLength: 80,
  /** A host's own word to the class. */
  maxMessageLength: 140,
  /** A game's initial time: 1 minute to 3 hours; the host's extra time at most as much. */
  minClockMs: 60_000,
  maxClockMs: 3 * 3600_000,
  maxIncrementMs: 180_000,
  /**
   * Rematches, by anyone, bounded where no class goes and a loop of resign + rematch does: on one
   * board at most 3 within a minute and 30 in the simul; 300 in the simul on all boards together.
   */
  rematchesPerMinute: 3,
  rematchesPerBoard: 30,
  rematchesPerSimul: 300,
  /**
   * A simul's log holds at most this many events (about 7 MB): a class of 100 boards playing 300
   * games stays well within. Near it, only ending the simul (and a flag's fall) goes on.
   */
  maxLogEvents: 50_000,
} as const;

/** How fast an exhibition's simulated clock ran: times real time, or as fast as the machine goes. */
export type ExhibitionSpeed = number | 'max';

/**
 * A simul played by bots on a simulated clock, to show the lesson happen: its times are
 * simulated (every event's `at` is on that clock), run at `speed`. Each game is agreed drawn
 * once both sides have made `movePairs` moves, as the lesson counts a game. `pair` is the
 * other simul of the exhibition (the other mode, started with it).
 */
export interface Exhibition {
  speed: ExhibitionSpeed;
  movePairs: number;
  pair: string;
}

/** Every event carries its sequence number in the simul's log and the server's time (ms). */
interface EventMeta {
  seq: number;
  at: number;
  /**
   * On the first event of a command other than a move (a move's id is its clientMoveId): the
   * command's record (see commandRecord), so that the command, resent, is applied once.
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
      /** Only on an exhibition's simul. */
      exhibition?: Exhibition;
      /** A bot plays the host's side (the server runs it, see server/room/bot-runner.ts). */
      hostBot?: BotSpec;
      /** Absent in logs from before draw claims: automatic. */
      drawRules?: DrawRules;
      /** Absent for a simul without clocks. */
      clock?: ClockSettings;
      /** Absent: table-order (the rule before rotations could be chosen). */
      rotation?: Rotation;
      /** Where every game starts (FEN, checked by lib/chess/positions.ts); absent: the initial position. */
      startFen?: string;
      /** Where the game on a table starts, overriding startFen for it. */
      boardFens?: Record<number, string>;
      /** A student may rematch its finished game (the host always may). */
      studentRematch?: boolean;
      /** The host's name as the teacher gave it (the exported games' White or Black); absent: "Host". */
      hostName?: string;
      /** Whether a student may ask to take back a move (takeback-rule.ts); absent: 'any'. */
      takebacks?: TakebackPolicy;
    }
  /**
   * `bot`: the host seated a bot there (the server runs it); otherwise a person joined. After the
   * start (a late joiner, joining still open) it adds the board: see evolve.
   */
  | { type: 'seat-taken'; board: number; name: string; playerId: string; bot?: BotSpec }
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
  /** `movePairs`: an exhibition's draw agreed after that many move pairs (its rule, not a player's offer). */
  | { type: 'game-ended'; board: number; result: Result; reason: EndReason; by?: Side; movePairs?: number }
  | { type: 'game-aborted'; board: number; reason?: AbortReason }
  /** `from`: the board the host left (absent in older logs, or when it was at none). */
  | { type: 'host-focused'; board: number; from?: number }
  /**
   * A finished board's next game: it begins at once, or (`queued`, sync mode) when the current
   * game ends. `fen`: its start, when not the initial position.
   */
  | { type: 'game-restarted'; board: number; hostColor: Color; fen?: string; queued?: true }
  | { type: 'takeback-requested'; board: number; by: Side }
  | { type: 'takeback-declined'; board: number }
  /**
   * The last `plies` moves of the board's game are taken back; `by: 'host'` when the host took
   * back its own move unasked. `fen`: the position reached, for a fold whose game came from a
   * snapshot's FEN, without the moves to undo.
   */
  | { type: 'takeback-accepted'; board: number; plies: number; fen: string; by?: 'host' }
  /** Every clock and the rotation stop until simul-resumed: the time between is charged to no one. */
  | { type: 'simul-paused' }
  /** `since`: when the pause began (its simul-paused's time), so that a board's fold alone knows how long it lasted. */
  | { type: 'simul-resumed'; since: number }
  /**
   * The server loaded this unfinished simul after a restart: the clocks stood still from
   * `downSince` (the simul's last event before it) until now.
   */
  | { type: 'server-restarted'; downSince: number }
  /**
   * `ending`: the server ended it, not the host: nobody had acted for a long time ('idle'), nobody
   * watched an exhibition ('unwatched'), or an exhibition's bots could not go on ('stalled'), or
   * an exhibition past its guaranteed time gave its slot to a teacher who asked ('preempted').
   */
  | { type: 'simul-finished'; early: boolean; ending?: ServerEnding }
  /**
   * The room's own (see lib/simul/presence.ts): board `board`'s student has had no connection
   * since `since` (its last one closed or stopped answering), for longer than AWAY_AFTER_MS.
   */
  | { type: 'seat-away'; board: number; since: number }
  /** The room's own: a connection of board `board`'s student is back. */
  | { type: 'seat-back'; board: number }
  /** The host handed the student's side of `board` to a bot, at the position it stands (the room runs the bot). */
  | { type: 'bot-took-over'; board: number; bot: BotSpec }
  /** The bot's turn on `board` ended: its student took the board back, the host gave it back, or (`reissued`) the seat went to a new device. */
  | { type: 'bot-handed-back'; board: number; by: Side | 'reissued' }
  /** A word from the host to the whole class: one of the presets, or its own text (cleaned as a title is). */
  | { type: 'class-message'; preset?: MessagePreset; text?: string }
  /** The host turned takebacks off on `board`: its student may no longer ask (a request pending is refused). */
  | { type: 'takebacks-turned-off'; board: number };

/** The host's ready-made words to the class (app/words: messagePresets). */
export const MESSAGE_PRESETS = ['five-minutes', 'finish-game', 'look-at-projector', 'well-played'] as const;
export type MessagePreset = (typeof MESSAGE_PRESETS)[number];

/** The host's latest word to the class, as every phone and the projector show it. */
export interface ClassMessage {
  seq: number;
  at: number;
  preset?: MessagePreset;
  text?: string;
}

/** Why the server itself ended a simul (see simul-finished). */
type ServerEnding = 'idle' | 'unwatched' | 'stalled' | 'preempted';

export type SimulEvent = EventMeta & SimulEventBody;
/** What decide returns: an event but for its place in the log and its time. */
export type DecidedEvent = SimulEventBody & Pick<EventMeta, 'command'>;
export type EventType = SimulEventBody['type'];

/**
 * Every command but a move may carry a client's id (a move carries its clientMoveId): a command
 * resent with the same id by the same sender is acknowledged and applied once.
 */
export type Command = CommandBody & { commandId?: string };

type CommandBody =
  | { type: 'join'; name: string; board?: number; playerId: string }
  /** The host seats a bot at an empty seat, before the start (free-seat takes it out). */
  | { type: 'seat-bot'; board: number; name: string; bot: BotSpec }
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
  /** The player to move claims a draw by threefold repetition or the fifty-move rule. */
  | { type: 'claim-draw'; board: number }
  | { type: 'focus'; board: number }
  | { type: 'abort-game'; board: number }
  /** From the host; or from the room itself (its housekeeping), saying why. */
  | { type: 'end-simul'; ending?: ServerEnding }
  /** A finished game's board plays again (the host; its student when the simul allows it). */
  | { type: 'rematch'; board: number; swapColors: boolean }
  /** The student asks to take back its last move (and the host's reply to it, if made). */
  | { type: 'request-takeback'; board: number }
  | { type: 'answer-takeback'; board: number; accept: boolean }
  /** The host takes back its own last move on `board` (and the reply to it, if made). */
  | { type: 'take-back'; board: number }
  | { type: 'pause' }
  | { type: 'resume' }
  /** The room's own, on its timer: the flag of the side to move on `board` has fallen. */
  | { type: 'time-out'; board: number }
  /** The room's own, after a restart: the clocks stood still since `downSince`. */
  | { type: 'resume-clocks'; downSince: number }
  /** The room's own: board `board`'s student has had no connection since `since` (see presence.ts). */
  | { type: 'mark-away'; board: number; since: number }
  /** The room's own: a connection of board `board`'s student is back. */
  | { type: 'mark-back'; board: number }
  /** The host hands the student's side of `board` (its student away or gone) to a bot. */
  | { type: 'hand-to-bot'; board: number; bot: BotSpec }
  /** The student takes its board back from the bot (or the host gives it back). */
  | { type: 'take-board-back'; board: number }
  /** The host's word to the class: a preset, or text of at most LIMITS.maxMessageLength characters. */
  | { type: 'message-class'; preset?: MessagePreset; text?: string }
  /** The host turns takebacks off on `board`. */
  | { type: 'turn-off-takebacks'; board: number };

export type CommandType = Command['type'];

export type Actor =
  | { role: 'host' }
  | { role: 'opponent'; board: number }
  | { role: 'spectator' }
  /** The room itself (its timers): never a client. */
  | { role: 'server' };

/** Who a client's credential makes it: anyone but the room itself. */
export type ClientActor = Exclude<Actor, { role: 'server' }>;

/** Refusals: a code and the facts a sentence needs (rejection.ts). */
export type { RefusalParams, Rejection, RejectionCode } from './rejection';

/** A board's clocks (clocks.ts folds them). */
export interface BoardClock {
  /** The simul's clock settings: a rematch starts from them again. */
  settings: ClockSettings;
  incrementMs: number;
  /** Time left for each side; for the side whose clock runs, as of `since`. */
  host: number;
  opponent: number;
  /** The side whose clock runs, or null before the game begins and after it ends. */
  running: Side | null;
  /** Server time since which the running clock runs. */
  since: number;
  /** The class is paused: the running side's clock stands still. */
  paused: boolean;
}

/** A game a board played before its current one (a rematch followed): how it ended. */
export interface PastGame {
  game: number;
  hostColor: Color;
  status: 'finished' | 'aborted';
  result: Result | null;
  reason: EndReason | AbortReason | null;
  moves: number;
}

/** What the student last heard of a takeback on its board: granted, refused, the host's own, or turned off. */
export interface TakebackNews {
  outcome: 'granted' | 'refused' | 'host' | 'off';
  /** The event's seq: a phone says each once. */
  seq: number;
}

export type BoardStatus = 'open' | 'seated' | 'queued' | 'playing' | 'finished' | 'aborted';

export interface BoardState {
  /** Table number, 1-based, stable for the whole simul. */
  number: number;
  hostColor: Color;
  /** `bot`: a bot sits here (see BotSpec); without it, a person. */
  opponent: { name: string; playerId: string; bot?: BotSpec } | null;
  status: BoardStatus;
  /** The board's chess.js game (lib/chess/game.ts): the one source of truth for the position. Mutated only by evolve. */
  chess: Game;
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
  /** Each position since the last capture or pawn move, and how many times it has appeared. */
  positions: PositionCounts;
  /** The game's clocks, in a simul with clocks. */
  clock: BoardClock | null;
  /** Last clientMoveId applied per side: a resent move with the same id is applied once. */
  lastClientMoveId: { host: string | null; opponent: string | null };
  /** The seq of the event that gave the seat to its current device (taken or re-issued); 0 when free. */
  seatSince: number;
  /** Where this board's games start (FEN), or null for the initial position. */
  startFen: string | null;
  /** The current game's number on this board: 1, then one more with each rematch. */
  game: number;
  /** Who asked to take back a move, while the host has not answered. */
  takebackBy: Side | null;
  /** Takebacks accepted on this board, in every game. */
  takebacks: number;
  /** The simul is paused: no clock runs and nobody moves. */
  paused: boolean;
  /** Since when its student has had no connection (see presence.ts); null while here, or no student sits here. */
  awaySince: number | null;
  /** How long its student was away in all, over the away spells that ended (presence.ts adds the running one). */
  awayMs: number;
  /** The seat was freed after a student sat here: the student left. */
  left: boolean;
  /** A bot playing the student's side for now (bot-took-over), or null. */
  standIn: BotSpec | null;
  /** The games before the current one, in order (results.ts gamesOf). */
  pastGames: PastGame[];
  /** The student's takebacks granted in the current game. */
  studentTakebacks: number;
  /** When the host last refused the student's takeback in this game (the wait before asking again). */
  takebackDeclinedAt: number | null;
  /** The host turned takebacks off on this board. */
  takebacksOff: boolean;
  /** The last takeback outcome, for the student's phone to say; cleared by the next move. */
  takebackNews: TakebackNews | null;
  /** When this board's latest rematches were made (at most LIMITS.rematchesPerMinute, oldest first). */
  rematchTimes: number[];
}

export type Phase = 'lobby' | 'playing' | 'finished';

export interface SimulState {
  simulId: string;
  title: string;
  mode: Mode;
  hostColor: HostColorChoice;
  joinCode: string;
  /** Set when the simul is an exhibition: its times are simulated. */
  exhibition: Exhibition | null;
  /** The bot that plays the host's side, or null when a person does. */
  hostBot: BotSpec | null;
  drawRules: DrawRules;
  clock: ClockSettings | null;
  rotation: Rotation;
  /** Where each game starts, when set at creation (see simul-created). */
  startFen: string | null;
  boardFens: Record<number, string>;
  studentRematch: boolean;
  /** Whether students may ask for takebacks (takeback-rule.ts). */
  takebackPolicy: TakebackPolicy;
  /** The host's last move: where, what, when (rotation.ts lastHostMove). */
  lastHostMove: { board: number; san: string; at: number } | null;
  /** When the running pause began, or null. */
  pausedSince: number | null;
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
  /** Why the server itself ended the simul (see simul-finished), or null: the host ended it, or its games did. */
  serverEnding: ServerEnding | null;
  /** Boards by table number; after the start only the seated ones remain, and late joiners' are added. */
  boards: Map<number, BoardState>;
  /** Table numbers in the rotation order: table order, late joiners' boards last, as they came. */
  order: number[];
  /** The board the host is at: in async mode null when no board awaits the host; in sync mode the current game. */
  focus: number | null;
  /**
   * Every command applied, by its sender and id, with the fingerprint of what it asked (see
   * commandRecord): a resend is a duplicate, the same id for another request is refused.
   */
  commands: Map<string, string>;
  /** The host's latest word to the class, or null. */
  message: ClassMessage | null;
  /** When the host's recent words were sent (the last MESSAGE_RATE.count): the rate bound reads them. */
  messageTimes: number[];
}
