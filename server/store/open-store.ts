// Chooses the event store from the environment: SQLite at SIMUL_DB (default ./data/simul.db),
// or memory when SIMUL_STORE=memory or SIMUL_DB=':memory:'.
import type { EventStore } from './event-store';
import { MemoryEventStore } from './memory-store';
import { SqliteEventStore } from './sqlite-store';

export const DEFAULT_DB_PATH = './data/simul.db';

export function openStore(env: NodeJS.ProcessEnv): EventStore {
  if (env.SIMUL_STORE === 'memory' || env.SIMUL_DB === ':memory:') return new MemoryEventStore();
  return new SqliteEventStore(env.SIMUL_DB || DEFAULT_DB_PATH);
}

/** One line for the start-up log: which store, and what opening it found. */
export function describeStore(store: EventStore): string {
  if (!(store instanceof SqliteEventStore)) return 'store: memory only (nothing survives a restart)';
  const { file, created, quickCheckMs } = store.startupCheck;
  if (created) return `database ${file}: created`;
  return `database ${file}: quick_check ok in ${Math.round(quickCheckMs)} ms`;
}
