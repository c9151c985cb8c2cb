// The app's words: one table (en.ts, which every language follows: es.ts), and which language a
// browser reads. No React here: the server takes its own words from this folder too.
import { en, type Words } from './en';
import { es } from './es';

export type { Words } from './en';
export * from './say';

export const LANGUAGES = { en, es } satisfies Record<string, Words>;
export type Language = keyof typeof LANGUAGES;
const DEFAULT_LANGUAGE: Language = 'en';

/** Where a browser keeps its choice: localStorage, mirrored in a cookie the server reads. */
export const LANGUAGE_KEY = 'simul-language';

function isLanguage(tag: unknown): tag is Language {
  return typeof tag === 'string' && Object.hasOwn(LANGUAGES, tag);
}

/** The browser's languages from an Accept-Language header, most wanted first. */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, i };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

/** The language to show: the browser's own choice when it made one, else the first of its languages we have. */
export function chooseLanguage(chosen: string | null | undefined, preferred: readonly string[]): Language {
  if (isLanguage(chosen)) return chosen;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

export function wordsOf(language: Language): Words {
  return LANGUAGES[language];
}

/** The language of a plain request (the server's own answers): its cookie, else its Accept-Language. */
export function requestLanguageOf(headers: { cookie?: string; 'accept-language'?: string }): Language {
  const stored = headers.cookie
    ?.split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === LANGUAGE_KEY)?.[1];
  return chooseLanguage(stored, acceptedLanguages(headers['accept-language']));
}

/** What the server writes itself, in the language of the request it answers. */
export function serverWordsFor(headers: { cookie?: string; 'accept-language'?: string }): Words['server'] {
  return wordsOf(requestLanguageOf(headers)).server;
}
