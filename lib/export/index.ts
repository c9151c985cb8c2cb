// The downloads: every game as PGN, every move's timing as CSV, the whole log as JSON.
// All pure and browser-safe except downloadText (browser only).
export * from './csv';
export * from './download';
export * from './games';
export * from './json';
export * from './names';
export * from './pgn';
