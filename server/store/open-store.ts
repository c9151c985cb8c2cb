// Chooses the event store from the environment: SQLite at SIMUL_DB (default ./data/simul.db),
// or memory when SIMUL_STORE=memory or SIMUL_DB=':memory:'; in a cluster (SIMUL_DATABASE_URL),
// Postgres with the simuls' leases (openClusterStore).
import type { EventStore } from './event-store';
import type { SimulLeases } from './leases';
import { MemoryEventStore } from './memory-store';
import { PostgresEventStore, PostgresLeases } from './postgres-store';
import { SqliteEventStore } from './sqlite-store';

export const DEFAULT_DB_PATH = './data/simul.db';

export function openStore(env: NodeJS.ProcessEnv): EventStore {
  if (env.SIMUL_STORE === 'memory' || env.SIMUL_DB === ':memory:') return new MemoryEventStore();
  return new SqliteEventStore(env.SIMUL_DB || DEFAULT_DB_PATH);
}

/**
 * Postgres at SIMUL_DATABASE_URL, and this node's leases there: SIMUL_NODE names the node
 * (default: host, pid and a random part), SIMUL_LEASE_MS is how long a lease lasts unrenewed.
 */
export async function openClusterStore(env: NodeJS.ProcessEnv): Promise<{ store: PostgresEventStore; leases: SimulLeases }> {
  const store = await PostgresEventStore.open(env.SIMUL_DATABASE_URL!);
  const ttlMs = Number(env.SIMUL_LEASE_MS) > 0 ? Number(env.SIMUL_LEASE_MS) : undefined;
  return { store, leases: new PostgresLeases(store.pool, { node: env.SIMUL_NODE || undefined, ttlMs }) };
}

/** One line for the start-up log: which store, and what opening it found. */
export function describeStore(store: EventStore): string {
  if (store instanceof PostgresEventStore) return `store: ${store.describe()}, shared by the cluster's nodes`;
  if (!(store instanceof SqliteEventStore)) return 'store: memory only (nothing survives a restart)';
  const { file, created, quickCheckMs } = store.startupCheck;
  if (created) return `database ${file}: created`;
  return `database ${file}: quick_check ok in ${Math.round(quickCheckMs)} ms`;
}
