// A language's dates, for its word table (en.ts, es.ts): apart from say.ts, which reads the
// tables, so that a table and the sentences made from it import nothing of each other.

/**
 * A moment's date and time in a language's usual medium form ("Nov 25, 2026, 9:00 AM"), its
 * format made once, at first use: a date's default format costs a page far more to make.
 */
export function dateTimeIn(locale: string): (ms: number) => string {
  let format: Intl.DateTimeFormat | null = null;
  return (ms) => (format ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(ms);
}
