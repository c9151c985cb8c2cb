// What a bot draws from for one move: its secret, its board, the game and the ply, so that the
// same draw comes out again after a restart (the log and the secret are all the server needs).
//
// A secret is a key of 256 bits from the operating system's generator (newBotSeed, server side):
// each draw is HMAC-SHA256 of the key over the purpose, board, game, takebacks and ply (and a
// block counter), so what a client sees of the bot's moves and think times, however many,
// tells nothing of the next ones. A simul created before the keys kept its 32-bit seed
// (a number, or its decimal digits in the store): it keeps the old generator (mulberry32), so a
// timer planned before the upgrade comes out the same after it. A guess of its seed is within
// reach of anyone who watches; only new simuls are safe.
import { createHash, createHmac } from 'node:crypto';
import { Prng, seedOf, type Random } from '../random';
import type { BotSeed } from './spec';

/** The form of a key: 64 lowercase hex digits, 256 bits. */
const KEY = /^[0-9a-f]{64}$/;

/** The seed a store's secret holds: a key as it is, an old 32-bit seed as its number. */
export function botSeedFrom(stored: string | undefined): BotSeed {
  if (stored !== undefined && KEY.test(stored)) return stored;
  return Number(stored ?? 0) >>> 0;
}

/** Whether `seed` is a key (not an old 32-bit seed). */
function isBotKey(seed: BotSeed): seed is string {
  return typeof seed === 'string' && KEY.test(seed);
}

/**
 * The key of the bot at `slot` of an exhibition played from the public `seed`: an exhibition is
 * bots against bots, replayed exactly from the seed its teacher chose (nobody plays against it).
 */
export function exhibitionBotSeed(seed: number, slot: number | 'host'): BotSeed {
  return createHash('sha256').update(`exhibition:${seed >>> 0}:${slot}`).digest('hex');
}

/** Floats in [0, 1) from HMAC-SHA256(key, label#block): 8 of 32 bits from each block. */
class KeyedRandom implements Random {
  private key: Buffer;
  private block = 0;
  private words: Buffer | null = null;
  private used = 8;

  constructor(
    key: string,
    private label: string,
  ) {
    this.key = Buffer.from(key, 'hex');
  }

  next(): number {
    if (this.used === 8) {
      this.words = createHmac('sha256', this.key).update(`${this.label}#${this.block++}`).digest();
      this.used = 0;
    }
    return this.words!.readUInt32BE(4 * this.used++) / 4294967296;
  }
}

/** Which move of a board a draw is for: its ply, and (after a rematch or a takeback) its game and takebacks. */
export interface DrawAt {
  board: number;
  ply: number;
  game?: number;
  takebacks?: number;
}

/** The stream a bot draws from for its move at `at` (one for the time, one for the move). */
export function botRandom(seed: BotSeed, at: DrawAt, purpose: 'think' | 'move'): Random {
  if (isBotKey(seed)) return new KeyedRandom(seed, `${purpose}:${at.board}:${at.game ?? 1}:${at.takebacks ?? 0}:${at.ply}`);
  return new Prng(seedOf(Number(seed), at.board, at.ply, purpose === 'think' ? 1 : 2));
}
