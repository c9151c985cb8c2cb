// A browser loads the table of its page's language only, when a script first needs it (the
// other language's table, when the reader switches to it); the server's render takes it the same
// way. Each table stays one module (en.ts, es.ts): only how it is loaded is here.
import type { Words } from './en';
import type { Language } from './languages';

/** One import per table: the bundler makes each its own chunk, fetched on demand. */
const TABLES: Record<Language, () => Promise<Words>> = {
  en: () => import('./en').then((m) => m.en),
  es: () => import('./es').then((m) => m.es),
};

const loaded = new Map<Language, Words>();
const loading = new Map<Language, Promise<Words>>();

/** The language's table when it is loaded already. */
export function loadedWords(language: Language): Words | undefined {
  return loaded.get(language);
}

/** The language's table, loaded once (the same promise every time: React's use() may wait on it). */
export function loadWords(language: Language): Promise<Words> {
  let promise = loading.get(language);
  if (!promise) {
    promise = TABLES[language]().then((words) => {
      loaded.set(language, words);
      return words;
    });
    promise.catch(() => loading.delete(language)); // a failed fetch is tried again next time
    loading.set(language, promise);
  }
  return promise;
}
