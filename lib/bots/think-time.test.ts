import { describe, expect, it } from 'vitest';
import { Prng, seedOf } from '../random';
import { drawThinkMs, thinkMsFor } from './think-time';
import type { BotSpec } from './spec';

const bot: BotSpec = { strength: 'random', think: { meanMs: 5000, spreadMs: 1500 } };
const seed = 42;

describe('think time', () => {
  it('is the mean when the spread is 0', () => {
    const random = new Prng(1);
    for (let i = 0; i < 50; i++) expect(drawThinkMs({ meanMs: 5000, spreadMs: 0 }, random)).toBe(5000);
  });

  it('is drawn again, the same, from the seed, the board and the ply', () => {
    const first = Array.from({ length: 40 }, (_, ply) => thinkMsFor(bot, seed, 3, ply));
    const again = Array.from({ length: 40 }, (_, ply) => thinkMsFor(bot, seed, 3, ply));
    expect(again).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(30);
    // Another board, another seed: other draws.
    expect(Array.from({ length: 40 }, (_, ply) => thinkMsFor(bot, seed, 4, ply))).not.toEqual(first);
    expect(Array.from({ length: 40 }, (_, ply) => thinkMsFor(bot, 43, 3, ply))).not.toEqual(first);
  });

  it('stays within two spreads of the mean, never below 0, and keeps its mean', () => {
    for (const think of [
      { meanMs: 5000, spreadMs: 1500 },
      { meanMs: 1000, spreadMs: 3000 }, // a spread wider than the mean: cut at 0 and at twice the mean
    ]) {
      const random = new Prng(7);
      const draws = Array.from({ length: 20_000 }, () => drawThinkMs(think, random));
      const reach = Math.min(2 * think.spreadMs, think.meanMs);
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(Math.max(0, think.meanMs - reach));
      expect(Math.max(...draws)).toBeLessThanOrEqual(think.meanMs + reach);
      const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
      expect(Math.abs(mean - think.meanMs) / think.meanMs).toBeLessThan(0.02);
    }
  });
});

describe('seedOf', () => {
  it('is the same for the same numbers and differs for others', () => {
    expect(seedOf(1, 2, 3)).toBe(seedOf(1, 2, 3));
    expect(seedOf(1, 2, 3)).not.toBe(seedOf(1, 3, 2));
    expect(seedOf(2 ** 32 + 1)).not.toBe(seedOf(1));
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => seedOf(42, i)));
    expect(seeds.size).toBe(1000);
  });
});
