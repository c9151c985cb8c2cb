// parseCommand checks a plain move by hand: it must give exactly what the schema gives, for
// well-formed moves and for every way a move can be off.
import { describe, expect, it } from 'vitest';
import { Prng } from '../random';
import { LIMITS } from '../simul/types';
import { commandSchema, parseCommand } from './schemas';

function bySchema(input: unknown): unknown {
  const parsed = commandSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}

const GOOD = { type: 'move', board: 3, from: 'e2', to: 'e4', clientMoveId: 'm-1_A' };

describe('parseCommand', () => {
  it('gives what the schema gives, key order included', () => {
    const cases: unknown[] = [
      GOOD,
      { ...GOOD, promotion: 'q' },
      { clientMoveId: 'x', to: 'a8', promotion: 'n', from: 'a7', board: LIMITS.maxBoards, type: 'move' },
      { ...GOOD, promotion: undefined },
      { ...GOOD, promotion: 'k' },
      { ...GOOD, promotion: null },
      { ...GOOD, board: 0 },
      { ...GOOD, board: LIMITS.maxBoards + 1 },
      { ...GOOD, board: 1.5 },
      { ...GOOD, board: '3' },
      { ...GOOD, board: Number.NaN },
      { ...GOOD, board: Number.POSITIVE_INFINITY },
      { ...GOOD, from: 'e9' },
      { ...GOOD, from: 'E2' },
      { ...GOOD, to: 'e4 ' },
      { ...GOOD, to: undefined },
      { ...GOOD, clientMoveId: '' },
      { ...GOOD, clientMoveId: 'x'.repeat(64) },
      { ...GOOD, clientMoveId: 'x'.repeat(65) },
      { ...GOOD, clientMoveId: 'a b' },
      { ...GOOD, clientMoveId: 7 },
      { ...GOOD, extra: 1 },
      { ...GOOD, commandId: 'c1' },
      JSON.parse('{"type":"move","board":3,"from":"e2","to":"e4","clientMoveId":"m","__proto__":{"x":1}}'),
      Object.assign(Object.create({ inherited: 1 }), GOOD),
      Object.assign(Object.create(null), GOOD),
      [GOOD],
      null,
      'move',
      { type: 'resign', board: 2 },
      { type: 'start', commandId: 'c1' },
      { type: 'message-class', preset: 'five-minutes' },
    ];
    for (const input of cases) expect(parseCommand(input), JSON.stringify(input)).toStrictEqual(bySchema(input));
    expect(Object.keys(parseCommand({ clientMoveId: 'x', to: 'a8', promotion: 'n', from: 'a7', board: 2, type: 'move' })!)).toEqual(
      Object.keys(bySchema({ clientMoveId: 'x', to: 'a8', promotion: 'n', from: 'a7', board: 2, type: 'move' }) as object),
    );
  });

  it('agrees with the schema on random moves, good and bad', () => {
    const prng = new Prng(7);
    const pick = <T,>(xs: T[]): T => xs[Math.floor(prng.next() * xs.length)];
    const values = {
      board: [1, 2, LIMITS.maxBoards, 0, -1, 2.5, '2', null, undefined],
      from: ['a1', 'h8', 'e2', 'i1', 'a0', '', 'e22', 5, undefined],
      to: ['a1', 'h8', 'e4', 'z9', undefined],
      promotion: ['q', 'r', 'b', 'n', 'k', '', undefined, 1],
      clientMoveId: ['m1', 'a-b_C', 'x'.repeat(64), 'x'.repeat(65), '', 'a.b', 3, undefined],
    };
    for (let i = 0; i < 5000; i++) {
      const input: Record<string, unknown> = { type: prng.next() < 0.95 ? 'move' : 'resign' };
      for (const [key, options] of Object.entries(values)) {
        const value = pick<unknown>(options);
        if (value !== undefined || prng.next() < 0.2) input[key] = value;
      }
      if (prng.next() < 0.05) input.extra = true;
      expect(parseCommand(input), JSON.stringify(input)).toStrictEqual(bySchema(input));
    }
  });
});
