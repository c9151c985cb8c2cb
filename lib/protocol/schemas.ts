// Every payload a client sends is parsed here before anything else looks at it.
// Strict objects: a missing, extra or mistyped field is a bad payload.
import { z } from 'zod';
import { LIMITS } from '../simul/types';
import { isBotSpec, type BotSpec } from '../bots/spec';

const board = z.number().int().min(1).max(LIMITS.maxBoards);
const square = z.string().regex(/^[a-h][1-8]$/);
const secret = z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const simulIdSchema = z.string().regex(/^[a-z0-9]{6,20}$/);
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
]);

export type CreateSimulInput = z.infer<typeof createSimulSchema>;
export type HelloInput = z.infer<typeof helloSchema>;
export type JoinInput = z.infer<typeof joinSchema>;
export type CommandInput = z.infer<typeof commandSchema>;
