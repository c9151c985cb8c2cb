// What the server names no more (issue 27, row 9): an exhibition's simuls and its bots are worded
// by each view in its reader's language; an older log, which carries English names, reads right too.
import { describe, expect, it } from 'vitest';
import { seatedName, simulTitle } from '.';
import { LANGUAGES } from './tables';

const { en, es } = LANGUAGES;
const EXHIBITION = { simulId: 'x', speed: 600, movePairs: 30, pair: 'y' } as const;

describe("an exhibition's names, in the reader's words", () => {
  it('titles an exhibition by its mode, with no title in the log', () => {
    expect(simulTitle(es, { title: '', mode: 'sync', exhibition: EXHIBITION })).toBe('Exhibición: síncrona');
    expect(simulTitle(es, { title: '', mode: 'async', exhibition: EXHIBITION })).toBe('Exhibición: asíncrona');
    expect(simulTitle(en, { title: '', mode: 'async', exhibition: EXHIBITION })).toBe('Exhibition: async');
  });

  it('reads an older log, whose exhibition was titled in English, in the reader’s language', () => {
    expect(simulTitle(es, { title: 'Exhibition: sync', mode: 'sync', exhibition: EXHIBITION })).toBe('Exhibición: síncrona');
  });

  it('keeps the title a teacher gave a simul of theirs', () => {
    expect(simulTitle(es, { title: 'Period 3', mode: 'sync', exhibition: null })).toBe('Period 3');
  });

  it('names a bot seated with no name by its board; a name given stays; an empty seat has none', () => {
    expect(seatedName(es, 3, { name: '' })).toBe(es.bots.name(3));
    expect(seatedName(en, 3, { name: '' })).toBe('Bot 3');
    expect(seatedName(es, 3, { name: 'Bot 3' })).toBe('Bot 3');
    expect(seatedName(es, 3, { name: 'Ada' })).toBe('Ada');
    expect(seatedName(es, 3, undefined)).toBeNull();
  });
});
