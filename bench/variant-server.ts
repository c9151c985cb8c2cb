// Bench-only entry for experiments (`npm run bench -- --variants=normal,memory`): our real
// server (server/app.ts, unchanged) on another store, to measure what the store costs under load.
//   BENCH_STORE=normal  SQLite at SIMUL_DB with synchronous=NORMAL (WAL: survives kill -9, not power loss)
//   BENCH_STORE=memory  the in-memory store (no durability)
// Env as server/index.ts: HOST, PORT, SIMUL_DB. Prints "... ready on ..." once listening.
import { startServer } from '../server/app';
import { limitsFromEnv } from '../server/guards/limits';
import { MemoryEventStore } from '../server/store/memory-store';
import { SqliteEventStore } from '../server/store/sqlite-store';
import type { EventStore } from '../server/store/event-store';

const kind = process.env.BENCH_STORE ?? 'normal';
const store: EventStore =
  kind === 'memory'
    ? new MemoryEventStore()
    : new SqliteEventStore(process.env.SIMUL_DB ?? ':memory:', { synchronous: kind === 'full' ? 'FULL' : 'NORMAL' });

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
// The limits as server/index.ts reads them (the bench scales the network's budgets).
startServer({ port, host, store, limits: limitsFromEnv(process.env) }).then((server) => {
  console.log(`bench variant (${kind} store) ready on http://${host}:${server.port}`);
  const stop = async () => {
    setTimeout(() => process.exit(0), 3000).unref();
    await server.close();
    store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
