// What a bot is: how it chooses its moves and how long it thinks. Plain data, kept in the log.
// Its randomness (the seed of its draws) is not: the server keeps it secret beside the log
// (server/room), or a student could compute the bot's every reply and when it comes.

/** 'random': any legal move. 'sensible': takes free material, mates in one, keeps its queen. */
export type BotStrength = 'random' | 'sensible';

const BOT_STRENGTHS: readonly BotStrength[] = ['random', 'sensible'];

/**
 * How long a bot thinks before each move: `meanMs` on average, drawn from a normal distribution
 * whose standard deviation is `spreadMs`, cut symmetrically so that a draw is never negative and
 * never more than two spreads from the mean (the mean stays the mean). Spread 0: always the mean.
 */
export interface ThinkTime {
  meanMs: number;
  spreadMs: number;
}

export interface BotPolicy {
  strength: BotStrength;
  /**
   * Never choose a move that ends the game (mate, stalemate, a third repetition, insufficient
   * material, the fifty-move rule) while another legal move exists: a game that must last.
   */
  avoidEnding?: boolean;
}

/** A bot in a seat (or on the host's side): its policy and its think time. */
export interface BotSpec extends BotPolicy {
  think: ThinkTime;
}

/**
 * A bot's secret: every move and think time the bot draws derives from it, its board, the game
 * and the ply (bot-random.ts). A key of 256 bits (64 hex digits) since keys; a number, the
 * 32-bit seed of a simul created before them, which keeps the old generator.
 */
export type BotSeed = string | number;

const BOT_LIMITS = {
  maxThinkMs: 10 * 60_000,
} as const;

function isWholeMs(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= BOT_LIMITS.maxThinkMs;
}

/** Whether `x` is a bot's spec with every setting in range (and nothing else: no seed either). */
export function isBotSpec(x: unknown): x is BotSpec {
  if (typeof x !== 'object' || x === null) return false;
  const bot = x as Record<string, unknown>;
  const think = bot.think as Record<string, unknown> | null;
  const keys = Object.keys(bot).filter((k) => k !== 'avoidEnding');
  return (
    keys.length === 2 &&
    BOT_STRENGTHS.includes(bot.strength as BotStrength) &&
    (bot.avoidEnding === undefined || typeof bot.avoidEnding === 'boolean') &&
    typeof think === 'object' &&
    think !== null &&
    Object.keys(think).length === 2 &&
    isWholeMs(think.meanMs) &&
    isWholeMs(think.spreadMs)
  );
}
