// Which languages the app speaks and which one a browser reads: no words here, so that a page's
// scripts can know the languages without carrying their tables (a page loads only its own
// language's table: load.ts; the server takes any: tables.ts).

/** The languages there is a table for (app/words/<tag>.ts). */
export const LANGUAGE_TAGS = ['en', 'es'] as const;
export type Language = (typeof LANGUAGE_TAGS)[number];
const DEFAULT_LANGUAGE: Language = 'en';

/** Where a browser keeps its choice: localStorage, mirrored in a cookie the server reads. */
export const LANGUAGE_KEY = 'simul-language';

function isLanguage(tag: unknown): tag is Language {
  return typeof tag === 'string' && (LANGUAGE_TAGS as readonly string[]).includes(tag);
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

/** The language of a plain request (the server's own answers): its cookie, else its Accept-Language. */
export function requestLanguageOf(headers: { cookie?: string; 'accept-language'?: string }): Language {
  const stored = headers.cookie
    ?.split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === LANGUAGE_KEY)?.[1];
  return chooseLanguage(stored, acceptedLanguages(headers['accept-language']));
}
