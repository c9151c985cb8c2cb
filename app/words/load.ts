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

/**
 * A table's loading, marked fulfilled once it has come the way React's use() reads a promise it
 * has seen (status and value): use() then returns the table at once instead of suspending, so
 * useWords may call use() on every render, as React requires.
 */
type Loading = Promise<Words> & { status?: 'fulfilled'; value?: Words };
const loading = new Map<Language, Loading>();

/** The language's table, loaded once (the same promise every time: React's use() may wait on it). */
export function loadWords(language: Language): Promise<Words> {
  let promise = loading.get(language);
  if (!promise) {
    const loads: Loading = TABLES[language]().then((words) => {
      loads.status = 'fulfilled';
      loads.value = words;
      return words;
    });
    promise = loads;
    promise.catch(() => loading.delete(language)); // a failed fetch is tried again next time
    loading.set(language, promise);
  }
  return promise;
}
