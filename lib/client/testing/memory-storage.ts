// A browser's localStorage for tests run in Node: where lib/client/saved-credentials.ts keeps secrets.
export class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

/** Gives Node a `window` with that storage, for the time of a test; returns the undoing. */
export function withBrowserStorage(): () => void {
  (globalThis as { window?: unknown }).window = { localStorage: new MemoryStorage() };
  return () => delete (globalThis as { window?: unknown }).window;
}
