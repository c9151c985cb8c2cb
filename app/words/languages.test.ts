// Every language has every entry of the English table, of the same kind, and every sentence
// takes the same parameters; nothing is left in English by mistake; and a browser gets the
// language it asks for.
import { describe, expect, it } from 'vitest';
import { acceptedLanguages, chooseLanguage, requestLanguageOf } from '.';
import { LANGUAGES } from './tables';
import { en } from './en';

type Entry = { path: string; value: unknown };

function entries(table: unknown, path = ''): Entry[] {
  if (table && typeof table === 'object' && !Array.isArray(table)) {
    return Object.entries(table).flatMap(([key, value]) => entries(value, path ? `${path}.${key}` : key));
  }
  return [{ path, value: table }];
}

const shape = (e: Entry) =>
  `${e.path}: ${typeof e.value === 'function' ? `function(${e.value.length})` : Array.isArray(e.value) ? `array(${e.value.length})` : typeof e.value}`;

/** Entries that read the same in every language: names, notation, code. */
const SAME_EVERYWHERE = new Set([
  'app.name', 'app.shortName', 'bots.marker', 'settings.minutes', 'lesson.asyncCode', 'lesson.syncCode',
  'lesson.rows.board.asyncio.1', 'lesson.rows.opponentThinks.asyncio.0', 'lesson.rows.opponentThinks.asyncio.1',
  'lesson.rows.board.asyncio.2', 'results.endReasonShort.checkmate', 'results.endReasonShort.insufficient-material',
  'results.endReasonShort.checkmate', 'connection.online',
]);

describe('every language', () => {
  for (const [name, words] of Object.entries(LANGUAGES)) {
    it(`${name} has every entry of the English table, with the same parameters`, () => {
      expect(entries(words).map(shape)).toEqual(entries(en).map(shape));
    });

    it(`${name} has no empty entry`, () => {
      const empty = entries(words).filter((e) => typeof e.value === 'string' && e.value.trim() === '' && e.path !== 'lesson.rows.opponentThinks.asyncio.0');
      expect(empty.map((e) => e.path)).toEqual([]);
    });

    if (name !== 'en') {
      it(`${name} leaves nothing in English but names, notation and code`, () => {
        const english = new Map(entries(en).map((e) => [e.path, e.value]));
        const same = entries(words).filter((e) => typeof e.value === 'string' && e.value === english.get(e.path) && !SAME_EVERYWHERE.has(e.path));
        expect(same.map((e) => e.path)).toEqual([]);
      });
    }
  }
});

describe('the language a browser gets', () => {
  it('reads Accept-Language by its weights', () => {
    expect(acceptedLanguages('es-ES,es;q=0.9,en;q=0.8')).toEqual(['es-ES', 'es', 'en']);
    expect(acceptedLanguages('en;q=0.5, es-MX')).toEqual(['es-MX', 'en']);
    expect(acceptedLanguages('fr;q=0, *')).toEqual([]);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });

  it('takes the browser’s own choice first, then the first of its languages we have, else English', () => {
    expect(chooseLanguage('es', ['en-US'])).toBe('es');
    expect(chooseLanguage(null, ['fr-FR', 'es-AR', 'en'])).toBe('es');
    expect(chooseLanguage('klingon', ['de'])).toBe('en');
    expect(chooseLanguage(undefined, [])).toBe('en');
  });

  it('reads a request’s cookie before its Accept-Language', () => {
    expect(requestLanguageOf({ 'accept-language': 'es-ES,es;q=0.9' })).toBe('es');
    expect(requestLanguageOf({ 'accept-language': 'es-ES', cookie: 'a=1; simul-language=en' })).toBe('en');
    expect(requestLanguageOf({})).toBe('en');
  });
});

describe('the table', () => {
  it('has no React and nothing of the pages in it: the server takes its words from here', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const files = readdirSync('app/words').filter((f) => /\.ts$/.test(f) && !f.endsWith('.test.ts') && f !== 'request.ts');
    const imports = files.flatMap((f) => [...readFileSync(`app/words/${f}`, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => `${f}: ${m[1]}`));
    expect(imports.filter((i) => /react|next|components|\.tsx/.test(i))).toEqual([]);
    expect(files.sort()).toEqual(['date-time.ts', 'en.ts', 'es.ts', 'index.ts', 'languages.ts', 'load.ts', 'say.ts', 'tables.ts']);
  });
});
