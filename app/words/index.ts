// The app's words: one table per language (en.ts, which every language follows: es.ts), how a
// sentence is built from them (say.ts), and which language a browser reads (languages.ts). No
// table is imported here, so that a page's scripts importing this carry none: a browser loads its
// one language's table (load.ts, through useWords), the server takes them all from tables.ts.
// No React here: the server takes its own words from this folder too.
export type { Words } from './en';
export * from './say';
export * from './languages';
