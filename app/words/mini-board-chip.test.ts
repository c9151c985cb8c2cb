// A finished mini board's chip says how the game ended in a few words a child reads ("Host lost
// on time"), short enough for a mini board's one line, in every language; never a score's digit
// before a label ("0 Host lost mate").
import { describe, expect, it } from 'vitest';
import type { EndReason } from '@/lib/simul/types';
import { en } from './en';
import { es } from './es';

const REASONS: EndReason[] = [
  'checkmate', 'stalemate', 'threefold-repetition', 'fifty-move-rule', 'fivefold-repetition', 'seventy-five-move-rule',
  'insufficient-material', 'resignation', 'draw-agreed', 'timeout', 'timeout-vs-insufficient-material',
];

describe('a finished mini board’s chip', () => {
  it('says who won and how, in words', () => {
    expect(en.miniBoard.finished('loss', 'timeout')).toBe('Host lost on time');
    expect(en.miniBoard.finished('loss', 'checkmate')).toBe('Host lost by mate');
    expect(en.miniBoard.finished('win', 'resignation')).toBe('Student resigned');
    expect(es.miniBoard.finished('loss', 'timeout')).toBe('Perdió el anfitrión por tiempo');
  });

  it('fits a mini board’s line (at most 30 characters) for every ending, with no digit in front', () => {
    for (const w of [en, es]) {
      for (const look of ['win', 'draw', 'loss'] as const) {
        for (const reason of REASONS) {
          const said = w.miniBoard.finished(look, reason);
          expect(said.length, said).toBeLessThanOrEqual(30);
          expect(said).toMatch(/^\D/);
        }
      }
    }
  });
});
