// Every payload a client sends is parsed here before anything else looks at it.
// Strict objects: a missing, extra or mistyped field is a bad payload.
import { z } from 'zod';
import { LIMITS, MESSAGE_PRESETS } from '../simul/types';
import { isBotSpec, type BotSpec } from '../bots/spec';
import { SIMUL_ID_PATTERN } from './events';

// A page parses too (the lesson checks an exhibition's numbers before sending them), under a
// Content-Security-Policy without 'unsafe-eval': there zod must not even try its compiled parsers.
if (typeof window !== 'undefined') z.config({ jitless: true });

const board = z.number().int().min(1).max(LIMITS.maxBoards);
const square = z.string().regex(/^[a-h][1-8]$/);
const fen = z.string().max(100);
const secret = z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/);

const simulIdSchema = z.string().regex(SIMUL_ID_PATTERN);
export const joinCodeSchema = z.string().regex(/^\d{6}$/);

/** A bot's settings (lib/bots/spec.ts checks every field and its range). */
const botSpec = z.custom<BotSpec>(isBotSpec);

export const createSimulSchema = z.strictObject({
  // Checked for length and characters by cleanTitle after trimming, as names are by the domain.
  title: z.string().max(200),
  boards: z.number().int().min(LIMITS.minBoards).max(LIMITS.maxBoards),
  hostColor: z.enum(['white', 'black', 'alternate']),
  mode: z.enum(['async', 'sync']),
  /** A bot plays the host's side. */
  hostBot: botSpec.optional(),
  /** The host's name in the exported games (cleaned as a student's name is); "Host" without. */
  hostName: z.string().max(200).optional(),
  /** Repetition and fifty-move draws: automatic (the default) or claimed by the player to move. */
  drawRules: z.enum(['automatic', 'claimed']).optional(),
  /** Clocks for every game; none by default. */
  clock: z
    .strictObject({
      initialMs: z.number().int().min(LIMITS.minClockMs).max(LIMITS.maxClockMs),
      incrementMs: z.number().int().min(0).max(LIMITS.maxIncrementMs),
      hostExtraMs: z.number().int().min(0).max(LIMITS.maxClockMs),
    })
    .optional(),
  /** How the host rotates (lib/simul/setup.ts checks most-urgent has clocks); table order by default. */
  rotation: z.enum(['table-order', 'first-ready', 'most-urgent']).optional(),
  /** Where every game starts, and where one table's does (FEN, checked by lib/chess/positions.ts). */
  startFen: fen.optional(),
  boardFens: z.record(z.string().regex(/^\d{1,3}$/), fen).optional(),
  /** A student may rematch its finished game. */
  studentRematch: z.boolean().optional(),
  /** Whether students may ask for takebacks (lib/simul/takeback-rule.ts); any by default. */
  takebacks: z.enum(['any', 'one-per-game', 'none']).optional(),
});

/**
 * Bounds of an exhibition (two simuls played by bots on simulated clocks): so that it cannot
 * become a way to keep the server's CPU busy. At a chosen speed the sync simul, the slower,
 * must end within `maxMinutes` of real time ('max' is bounded by its moves alone).
 */
export const EXHIBITION_LIMITS = {
  maxBoards: 100,
  maxMovePairs: 60,
  /** Seconds a side thinks per move, at most. */
  maxThinkSeconds: 600,
  minHostSeconds: 0.1,
  maxSpeed: 10_000,
  /** How far think times may vary: a spread of half their mean. */
  maxSpread: 0.5,
  /**
   * The work one exhibition may take: real minutes of its sync simul at its speed, and plies
   * of both simuls together (the lesson's 24 boards of 30 move pairs are 2,880 a simul).
   */
  maxMinutes: 20,
  maxPlies: 6_000,
  /**
   * What a ply costs the server at 'max', for its real minutes: measured about 2 ms of one
   * core, run at most a quarter of the time (see server/room/exhibition-run.ts), so 8 ms of real time.
   */
  maxSpeedMsPerPly: 8,
} as const;

export const startExhibitionSchema = z.strictObject({
  /** Boards (bot opponents). */
  n: z.number().int().min(1).max(EXHIBITION_LIMITS.maxBoards),
  /** The host's and an opponent's seconds per move. */
  h: z.number().min(EXHIBITION_LIMITS.minHostSeconds).max(EXHIBITION_LIMITS.maxThinkSeconds),
  o: z.number().min(0).max(EXHIBITION_LIMITS.maxThinkSeconds),
  /** Move pairs per game. */
  m: z.number().int().min(1).max(EXHIBITION_LIMITS.maxMovePairs),
  /** Simulated time per real time, or 'max': as fast as the machine goes. */
  speed: z.union([z.number().int().min(1).max(EXHIBITION_LIMITS.maxSpeed), z.literal('max')]),
  /** Think times drawn with a spread (standard deviation, see ThinkTime) of this fraction of their mean; fixed without. */
  spread: z.number().min(0).max(EXHIBITION_LIMITS.maxSpread).optional(),
  /** The bots' seed, to play an exhibition again exactly; a new one without. */
  seed: z.number().int().min(0).max(0xffffffff).optional(),
});

/** Plies an exhibition's two simuls play together: n boards of m move pairs, twice. */
export function exhibitionPlies({ n, m }: Pick<StartExhibitionInput, 'n' | 'm'>): number {
  return 2 * n * 2 * m;
}

/**
 * Real minutes the sync simul of an exhibition takes at its speed (its mean think times); at
 * 'max', what its plies cost the server (EXHIBITION_LIMITS.maxSpeedMsPerPly).
 */
export function exhibitionMinutes({ n, h, o, m, speed }: Pick<StartExhibitionInput, 'n' | 'h' | 'o' | 'm' | 'speed'>): number {
  if (speed === 'max') return (exhibitionPlies({ n, m }) * EXHIBITION_LIMITS.maxSpeedMsPerPly) / 60_000;
  return (n * m * (h + o)) / speed / 60;
}

/** Whoever started an exhibition ends it with the host key its start answered with. */
export const stopExhibitionSchema = z.strictObject({
  simulId: simulIdSchema,
  hostKey: secret,
});

export const helloSchema = z.strictObject({
  simulId: simulIdSchema,
  lastSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  hostKey: secret.optional(),
  seatToken: secret.optional(),
  /** 'state': a client that needs only the position may get a snapshot instead of the log. */
  want: z.enum(['log', 'state']).optional(),
  /** The protocol version the client speaks (see lib/protocol/events.ts). */
  v: z.number().int(),
  /** What the socket hears: the whole simul (default), or, for a seated student, its board. */
  listen: z.enum(['simul', 'board']).optional(),
  /** A board listener's count of its board's events so far: it catches up from there. */
  boardSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

export const joinSchema = z.strictObject({
  // Checked for length and characters by the domain after trimming.
  name: z.string().max(200),
  board: board.optional(),
});

const commandId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** Every command but a move (which has its clientMoveId) may carry a client's id: resent, it is applied once. */
export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ commandId: commandId.optional(), type: z.literal('seat-bot'), board, name: z.string().max(200), bot: botSpec }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('free-seat'), board, block: z.boolean().optional() }),
  // Never resent: its answer is a new secret that only the first outcome holds.
  z.strictObject({ type: z.literal('reissue-seat'), board }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('close-joining') }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('open-joining') }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('start') }),
  z.strictObject({
    type: z.literal('move'),
    board,
    from: square,
    to: square,
    promotion: z.enum(['q', 'r', 'b', 'n']).optional(),
    clientMoveId: commandId,
  }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('resign'), board }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('offer-draw'), board }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('answer-draw'), board, accept: z.boolean() }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('claim-draw'), board }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('focus'), board }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('abort-game'), board }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('end-simul') }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('rematch'), board, swapColors: z.boolean() }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('request-takeback'), board }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('answer-takeback'), board, accept: z.boolean() }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('take-back'), board }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('pause') }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('resume') }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('hand-to-bot'), board, bot: botSpec }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('take-board-back'), board }),
  // A preset or the host's own text, one of the two (the domain checks which, and the text's length and characters after trimming).
  z.strictObject({
    commandId: commandId.optional(),
    type: z.literal('message-class'),
    preset: z.enum(MESSAGE_PRESETS).optional(),
    text: z.string().max(1000).optional(),
  }),
  z.strictObject({ commandId: commandId.optional(), type: z.literal('turn-off-takebacks'), board }),
]);

export type CreateSimulInput = z.infer<typeof createSimulSchema>;
export type StartExhibitionInput = z.infer<typeof startExhibitionSchema>;
export type HelloInput = z.infer<typeof helloSchema>;
export type JoinInput = z.infer<typeof joinSchema>;
export type CommandInput = z.infer<typeof commandSchema>;

/** A move's fields, in the order commandSchema gives them. */
const MOVE_FIELDS = new Set(['type', 'board', 'from', 'to', 'promotion', 'clientMoveId']);
const SQUARE = /^[a-h][1-8]$/;
const COMMAND_ID = /^[A-Za-z0-9_-]+$/;
const PROMOTIONS = new Set(['q', 'r', 'b', 'n']);

/**
 * What commandSchema.safeParse(input) gives (its data, or null when it fails). A move, the command
 * sent most by far, is checked first by hand to the schema's very rules (a strict object, a board
 * within the limits, two squares, a promotion piece or none, a command id); anything else, or
 * anything about a move that is not plainly right, goes to the schema.
 */
export function parseCommand(input: unknown): CommandInput | null {
  const move = plainMove(input);
  if (move) return move;
  const parsed = commandSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}

function plainMove(input: unknown): CommandInput | null {
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) return null;
  const m = input as Record<string, unknown>;
  if (m.type !== 'move') return null;
  for (const key of Object.keys(m)) if (!MOVE_FIELDS.has(key)) return null;
  const { board, from, to, promotion, clientMoveId } = m;
  if (typeof board !== 'number' || !Number.isInteger(board) || board < 1 || board > LIMITS.maxBoards) return null;
  if (typeof from !== 'string' || !SQUARE.test(from) || typeof to !== 'string' || !SQUARE.test(to)) return null;
  if ('promotion' in m && (typeof promotion !== 'string' || !PROMOTIONS.has(promotion))) return null;
  if (typeof clientMoveId !== 'string' || clientMoveId.length < 1 || clientMoveId.length > 64 || !COMMAND_ID.test(clientMoveId)) return null;
  return promotion === undefined
    ? { type: 'move', board, from, to, clientMoveId }
    : { type: 'move', board, from, to, promotion: promotion as 'q' | 'r' | 'b' | 'n', clientMoveId };
}
