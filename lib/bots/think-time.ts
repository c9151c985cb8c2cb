// A bot's think time before one move: drawn from its seed, its board and the ply, so the same
// simul played again, or resumed after a restart, thinks exactly as long.
import { Prng, seedOf, type Random } from '../random';
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

/** The stream a bot draws from for its move at `ply` on `board` (one for the time, one for the move). */
export function botRandom(seed: BotSeed, board: number, ply: number, purpose: 'think' | 'move'): Prng {
  return new Prng(seedOf(seed, board, ply, purpose === 'think' ? 1 : 2));
}

/** How long `bot`, drawing from `seed`, thinks before its move at `ply` (moves already played) on `board`. */
export function thinkMsFor(bot: BotSpec, seed: BotSeed, board: number, ply: number): number {
  return drawThinkMs(bot.think, botRandom(seed, board, ply, 'think'));
}
