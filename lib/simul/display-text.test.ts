import { describe, expect, it } from 'vitest';
import { cleanDisplayText, cleanName, cleanTitle, type TextProblem } from './display-text';

const text = (raw: string) => {
  const cleaned = cleanName(raw);
  return cleaned.ok ? cleaned.text : null;
};
const problem = (raw: string) => {
  const cleaned = cleanName(raw);
  return cleaned.ok ? null : cleaned.problem;
};

describe('cleanDisplayText', () => {
  it('trims and collapses inner whitespace, line breaks included', () => {
    expect(text('  Ada   Lovelace \t')).toBe('Ada Lovelace');
    expect(text('Ada\nLovelace\r\n')).toBe('Ada Lovelace');
    expect(text('Ada\u00a0\u3000Lovelace')).toBe('Ada Lovelace');
  });

  it('accepts 1 to 40 characters after trimming: the names of real people fit', () => {
    expect(text('A')).toBe('A');
    expect(text('María José Fernández Núñez')).toBe('María José Fernández Núñez');
    expect(text('x'.repeat(40))).toBe('x'.repeat(40));
    expect(text(`  ${'x'.repeat(40)}  `)).toBe('x'.repeat(40));
    for (const raw of ['x'.repeat(41), '', '   ', '\n\t']) expect(problem(raw)).toEqual({ kind: 'length', max: 40 });
  });

  it('stores the composed form: a decomposed accent becomes one character', () => {
    expect(text('Zoe\u0308')).toBe('Zoë');
    expect(text('Jose\u0301')).toHaveLength(4);
    expect(text('Zoë')).toBe('Zoë');
  });

  it('refuses control characters', () => {
    for (const raw of ['Ada\u0000', 'Ada\u007f', 'A\u001bda', 'Ada\u0007', 'Ada\u0085x']) {
      expect(problem(raw), JSON.stringify(raw)).toEqual({ kind: 'invisible' });
    }
  });

  it('refuses invisible characters: zero-width, direction overrides, soft hyphens, fillers, tags, private use', () => {
    const invisible = [
      'Ada\u200b', // zero-width space
      'A\u200cda', // zero-width non-joiner
      'A\u202eda', // right-to-left override
      'A\u2066da\u2069', // isolates
      'Bo\u00ad', // soft hyphen
      'Ada\u2060', // word joiner
      'Ada \u3164', // Hangul filler: a letter that shows nothing
      'Ada\u{E0041}', // a tag character
      'Ada \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', // the flag of Scotland, tags too
      'Ada\uE000', // private use
      'A\u200dda', // a joiner between letters
      'Ada\ufe0f', // a variation selector after a letter
    ];
    for (const raw of invisible) {
      expect(problem(raw), JSON.stringify(raw)).toEqual({ kind: 'invisible' });
    }
  });

  it('refuses a lone surrogate, and accepts a whole one', () => {
    for (const raw of ['Ada\uD800', '\uDC00Ada', 'A\uDBFFda']) {
      expect(problem(raw)).toEqual({ kind: 'lone-surrogate' });
    }
    expect(text('Ada 😀')).toBe('Ada 😀');
  });

  it('accepts emoji, joined emoji (ZWJ sequences), skin tones, keycaps and flags', () => {
    for (const name of ['😀', '👨‍👩‍👧‍👦', '👩🏽‍💻 Ada', '❤️‍🔥', '🏳️‍🌈', '🐻‍❄️', '1️⃣ Bo', '🇫🇷 Zoé', '♞ Knight']) {
      expect(text(name), name).toBe(name);
    }
  });

  it('allows up to three combining marks on a letter, and refuses a bigger stack', () => {
    expect(text('ज़िंदगी')).toBe('ज़िंदगी'); // nukta, vowel sign, anusvara: three marks on ज
    expect(text('Ngô Bảo Châu')).toBe('Ngô Bảo Châu');
    expect(text('Ade\u0301\u0302\u0303')).toBe('Ade\u0301\u0302\u0303'.normalize('NFC'));
    // é (one character once composed) with three more accents is a stack of four.
    const stacks = [
      'Ade\u0301\u0302\u0303\u0304',
      'Ad\u00e9\u0302\u0303\u0304',
      `Zal${'\u0336'.repeat(5)}go`,
      `H${'\u0310\u0352\u0357'.repeat(4)}`,
    ];
    for (const raw of stacks) {
      expect(problem(raw), JSON.stringify(raw)).toEqual({ kind: 'mark-stack', max: 3 });
    }
  });

  it('refuses a combining mark with no letter under it', () => {
    for (const raw of ['\u0301Ada', 'Ada \u0301x', '\u0300']) {
      expect(problem(raw), JSON.stringify(raw)).toEqual({ kind: 'bare-mark' });
    }
  });

  it('names the problem, with the limit the text went past', () => {
    expect(cleanDisplayText('x'.repeat(11), 10)).toEqual({ ok: false, problem: { kind: 'length', max: 10 } });
    expect(cleanDisplayText('a\u0000', 10)).toEqual({ ok: false, problem: { kind: 'invisible' } });
    expect(cleanDisplayText(' ok ', 10)).toEqual({ ok: true, text: 'ok' });
  });
});

describe('cleanTitle', () => {
  it('cleans a title the way a name is cleaned, up to 80 characters', () => {
    expect(cleanTitle('  Period 3\t\tsimul\n')).toEqual({ ok: true, text: 'Period 3 simul' });
    expect(cleanTitle('Élève — 2B ♞')).toEqual({ ok: true, text: 'Élève — 2B ♞' });
    expect(cleanTitle('x'.repeat(80))).toEqual({ ok: true, text: 'x'.repeat(80) });
    expect(cleanTitle('x'.repeat(81))).toEqual({ ok: false, problem: { kind: 'length', max: 80 } });
    expect(cleanTitle('   ')).toEqual({ ok: false, problem: { kind: 'length', max: 80 } });
  });

  it('refuses NUL, ESC, direction overrides, zero-width characters, lone surrogates and mark stacks', () => {
    const refused: [string, TextProblem][] = [
      ['Period\u00003', { kind: 'invisible' }],
      ['\u001b[31mPeriod 3', { kind: 'invisible' }],
      ['Period \u202e3 doirep', { kind: 'invisible' }],
      ['Period\u200b 3', { kind: 'invisible' }],
      ['Period 3\uD800', { kind: 'lone-surrogate' }],
      ['Period \u0301 3', { kind: 'bare-mark' }],
      [`Period 3${'\u0301'.repeat(5)}`, { kind: 'mark-stack', max: 3 }],
    ];
    for (const [raw, problem] of refused) {
      expect(cleanTitle(raw), JSON.stringify(raw)).toEqual({ ok: false, problem });
    }
  });

  it('treats a name and a title alike, but for their lengths', () => {
    const samples = ['Ada', ' A\nB ', 'A\u0000', 'A\u202e', 'A\u200b', 'A\uD800', 'e\u0301', `e${'\u0301'.repeat(4)}`];
    samples.push('\u0301A', '👨‍👩‍👧', 'x'.repeat(24));
    for (const raw of samples) expect(cleanTitle(raw), JSON.stringify(raw)).toEqual(cleanName(raw));
  });
});
