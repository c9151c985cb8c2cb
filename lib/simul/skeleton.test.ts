import { describe, expect, it } from 'vitest';
import { PROTOTYPES } from './confusables';
import { namesLookAlike, skeleton } from './skeleton';

describe('skeleton (Unicode TR39)', () => {
  it('maps look-alikes from other scripts and forms to their Latin prototype', () => {
    expect(skeleton('\u0430nna')).toBe('anna'); // Cyrillic а
    expect(skeleton('\u0410nn\u0430')).toBe('Anna'); // Cyrillic А and а
    expect(skeleton('\u03bf\u03bd')).toBe(skeleton('ov')); // Greek omicron and nu
    expect(skeleton('\uff21\uff41')).toBe('Aa'); // full-width A and a (namesLookAlike folds the others by NFKC)
    expect(skeleton('\u{1D400}da')).toBe('Ada'); // mathematical bold A
  });

  it('maps digits and letters together as TR39 does', () => {
    expect(skeleton('B0B')).toBe('BOB');
    expect(skeleton('1van')).toBe('lvan');
    expect(skeleton('Ivan')).toBe('lvan');
    expect(skeleton('mia')).toBe('rnia');
  });

  it('keeps accents, decomposed, whichever way they were typed', () => {
    expect(skeleton('Zoë')).toBe('Zoe\u0308');
    expect(skeleton('Zoe\u0308')).toBe('Zoe\u0308');
    expect(skeleton('Zo\u0435\u0308')).toBe('Zoe\u0308'); // Cyrillic е with a diaeresis
    expect(skeleton('Zoe')).not.toBe(skeleton('Zoë'));
  });

  it('drops default-ignorable characters such as the zero-width joiner and variation selectors', () => {
    expect(skeleton('Ada\u200d')).toBe('Ada');
    expect(skeleton('\u2764\ufe0f')).toBe(skeleton('\u2764'));
  });

  it('leaves characters outside the table alone', () => {
    expect(skeleton('Ada')).toBe('Ada');
    expect(skeleton('李小龍')).toBe('李小龍');
    expect(skeleton('😀')).toBe('😀');
  });

  it('is its own fixed point: every prototype in the table is its own skeleton', () => {
    const prototypes = new Set(PROTOTYPES.values());
    expect(prototypes.size).toBeGreaterThan(400);
    for (const p of prototypes) expect(skeleton(p), JSON.stringify(p)).toBe(p.normalize('NFD'));
    // A character that NFD leaves whole looks like its prototype (a precomposed one, like Ơ, is
    // split by NFD before the table is read, as TR39 does).
    for (const [c, p] of PROTOTYPES) {
      if (c === c.normalize('NFD') && !/\p{Default_Ignorable_Code_Point}/u.test(c)) {
        expect(skeleton(c), JSON.stringify(c)).toBe(skeleton(p));
      }
    }
  });
});

describe('namesLookAlike', () => {
  it('matches names that differ only in case', () => {
    expect(namesLookAlike('Anna', 'ANNA')).toBe(true);
    expect(namesLookAlike('Anna', 'anna')).toBe(true);
    expect(namesLookAlike('Ivan', 'ivan')).toBe(true);
  });

  it('matches homoglyphs, in any case', () => {
    expect(namesLookAlike('Anna', '\u0430nna')).toBe(true); // Cyrillic а
    expect(namesLookAlike('Anna', '\u0410nn\u0430')).toBe(true); // Cyrillic А and а
    expect(namesLookAlike('Anna', '\u0410NN\u0410')).toBe(true);
    expect(namesLookAlike('Ivan', 'lvan')).toBe(true);
    expect(namesLookAlike('BOB', 'B0B')).toBe(true);
    expect(namesLookAlike('Mia', 'rnia')).toBe(true);
    expect(namesLookAlike('Ada', '\uff21\uff24\uff21')).toBe(true); // full-width
    expect(namesLookAlike('Ada', '\uff21\uff44\uff41')).toBe(true);
    expect(namesLookAlike('Ada', '\u24b6da')).toBe(true); // circled A
    expect(namesLookAlike('Ada', '\u{1D400}\u{1D41D}\u{1D41A}')).toBe(true); // mathematical bold
  });

  it('tells apart names that look different', () => {
    expect(namesLookAlike('Anna', 'Anne')).toBe(false);
    expect(namesLookAlike('Zoe', 'Zoë')).toBe(false);
    expect(namesLookAlike('Ada', 'Adam')).toBe(false);
    expect(namesLookAlike('ivan', 'lvan')).toBe(false);
  });
});
