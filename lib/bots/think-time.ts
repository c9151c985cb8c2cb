// A bot's think time before one move: drawn from its secret, its board, the game and the ply,
// so the same simul played again, or resumed after a restart, thinks exactly as long.
import type { Random } from '../random';
import { botRandom, type DrawAt } from './bot-random';
import type { BotSeed, BotSpec, ThinkTime } from './spec';

/** A standard normal draw (Box-Muller). */
function normal(random: Random): number {
  const u = 1 - random.next(); // (0, 1]: the logarithm stays finite
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** One think time in whole ms (see ThinkTime): within the mean +/- min(2 spreads, mean). */
export function drawThinkMs(think: ThinkTime, random: Random): number {
  if (think.spreadMs <= 0) return Math.max(0, Math.round(think.meanMs));
  const reach = Math.min(2 * think.spreadMs, think.meanMs);
  const offset = Math.max(-reach, Math.min(reach, think.spreadMs * normal(random)));
  return Math.max(0, Math.round(think.meanMs + offset));
}

/**
 * How long `bot`, drawing from `seed`, thinks before its move at `ply` (moves already played) on
 * `board`, in the board's game `round` (its number and takebacks so far; the first without).
 */
export function thinkMsFor(bot: BotSpec, seed: BotSeed, board: number, ply: number, round?: Omit<DrawAt, 'board' | 'ply'>): number {
  return drawThinkMs(bot.think, botRandom(seed, { board, ply, ...round }, 'think'));
}
