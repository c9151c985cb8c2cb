// Every language's table at once: for the server (its pages' server components, its own
// answers) and tests. A browser's scripts never import this: they load their one language's
// table (load.ts); app/phone-imports.test.ts checks the phone's pages.
import { en, type Words } from './en';
import { es } from './es';
import { requestLanguageOf, type Language } from './languages';

export const LANGUAGES = { en, es } satisfies Record<Language, Words>;

export function wordsOf(language: Language): Words {
  return LANGUAGES[language];
}

/** What the server writes itself, in the language of the request it answers. */
export function serverWordsFor(headers: { cookie?: string; 'accept-language'?: string }): Words['server'] {
  return wordsOf(requestLanguageOf(headers)).server;
}
