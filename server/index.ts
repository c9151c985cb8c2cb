// The entry point: `npm start` (production) and `npm run dev`.
// Environment: HOST (default 0.0.0.0), PORT (default 3000), SIMUL_DB (default ./data/simul.db),
// SIMUL_STORE=memory for no durability, SIMUL_PAGES=0 to serve only the Socket.IO API
// (the crash test and the benchmark drive the server without pages), SIMUL_TEST_CLOCK=1
// for browser tests on controlled time, SIMUL_CREATE_PER_HOUR (default 60) for how many simuls
// one network address may create an hour, SIMUL_IDLE_HOURS (default 24, 0 for never) to end
// as unfinished the simuls with no event for that long, SIMUL_EVICT_MINUTES (default 30) to drop
// from memory an unfinished simul nobody listens to after that long without an event (it stays
// in the store and is loaded again when someone opens it), SIMUL_PRUNE_DAYS to delete finished
// simuls older than that many days (nothing is pruned unless it is set), SIMUL_TRUST_PROXY (a
// comma-separated list of proxy addresses whose X-Forwarded-For names the client; none by default),
// SIMUL_ALLOWED_ORIGINS (other origins whose pages may connect; only the server's own by default),
// SIMUL_PUBLIC_URL (the address students open when the server is behind a proxy, comma-separated
// for several: its pages may connect, and the join address the pages show is it),
// SIMUL_NETWORK_SCALE and SIMUL_JOINS_PER_MINUTE (see server/guards/limits.ts).
// A cluster node (README, "Operators"): SIMUL_DATABASE_URL (Postgres, instead of SQLite),
// SIMUL_REDIS_URL (budgets and exhibition slots shared by the nodes), SIMUL_NODE, SIMUL_LEASE_MS.
import { networkInterfaces } from 'node:os';
import { Redis } from 'ioredis';
import { startServer } from './app';
import { DEFAULT_EVICTION } from './room/simul-hub';
import { limitsFromEnv } from './guards/limits';
import { joinAddresses, listenAddresses, parsePublicUrls } from './listen-addresses';
import { ManualClock } from './room/simul-time';
import { parseTrustedProxies } from './guards/network-address';
import { describeStore, openClusterStore, openStore } from './store/open-store';

async function pagesHandler(dev: boolean) {
  const { default: next } = await import('next');
  const app = next({ dev, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  return (req: Parameters<typeof handle>[0], res: Parameters<typeof handle>[1]) => void handle(req, res);
}

async function main(): Promise<void> {
  const dev = process.env.NODE_ENV !== 'production';
  const host = process.env.HOST ?? '0.0.0.0';
  const port = Number(process.env.PORT ?? 3000);
  const publicUrls = parsePublicUrls(process.env.SIMUL_PUBLIC_URL);
  const pages = process.env.SIMUL_PAGES === '0' ? undefined : await pagesHandler(dev);
  const cluster = process.env.SIMUL_DATABASE_URL ? await openClusterStore(process.env) : null;
  const store = cluster?.store ?? openStore(process.env);
  if (cluster) console.log(`cluster node ${cluster.leases.node}: runs the simuls whose leases it holds`);
  const redis = process.env.SIMUL_REDIS_URL ? new Redis(process.env.SIMUL_REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
  redis?.on('error', (err) => console.error('redis:', err.message));
  console.log(describeStore(store));
  const started = Date.now();
  const testClock = process.env.SIMUL_TEST_CLOCK === '1' ? new ManualClock(Date.now()) : undefined;
  if (testClock) console.log('SIMUL_TEST_CLOCK=1: time moves only by POST /__test/clock (tests only)');
  const server = await startServer({
    port,
    host,
    store,
    pages,
    testClock,
    leases: cluster?.leases,
    redis,
    joinAddresses: (p) => joinAddresses(host, p, networkInterfaces(), publicUrls),
    limits: limitsFromEnv(process.env),
    trustedProxies: parseTrustedProxies(process.env.SIMUL_TRUST_PROXY),
    allowedOrigins: (process.env.SIMUL_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    publicUrls,
  });
  const [address, ...lanAddresses] = listenAddresses(host, server.port, networkInterfaces());
  console.log(
    `Async Simul ready on ${address} (${dev ? 'dev' : 'production'}; ` +
      `${server.hub.size} unfinished simuls restored in ${Date.now() - started} ms)`,
  );
  for (const lan of lanAddresses) console.log(`  on this network: ${lan}`);
  for (const url of publicUrls) console.log(`  public address (SIMUL_PUBLIC_URL): ${url}`);

  const idleHours = Number(process.env.SIMUL_IDLE_HOURS ?? 24);
  const pruneDays = Number(process.env.SIMUL_PRUNE_DAYS);
  const housekeeping = async () => {
    if (idleHours > 0) {
      const ended = await server.hub.endIdle(idleHours * 3600 * 1000);
      if (ended > 0) console.log(`ended ${ended} simuls idle for more than ${idleHours} h, as unfinished`);
    }
    if (pruneDays > 0) {
      const pruned = await store.pruneFinished(pruneDays * 24 * 3600 * 1000, Date.now());
      if (pruned > 0) console.log(`pruned ${pruned} simuls finished more than ${pruneDays} days ago`);
    }
  };
  void housekeeping();

  // Every minute, not hourly: a server of many classes should not hold every finished simul
  // for up to an hour, and the pass only looks at the rooms in memory (no store access).
  const evictMinutes = Number(process.env.SIMUL_EVICT_MINUTES ?? 30);
  const eviction = { ...DEFAULT_EVICTION, idleMs: (Number.isFinite(evictMinutes) ? evictMinutes : 30) * 60_000 };
  setInterval(() => {
    const { finished, idle, inMemory } = server.hub.evictIdle(eviction);
    if (finished + idle > 0) console.log(`dropped from memory ${finished} finished and ${idle} idle simuls; ${inMemory} remain`);
  }, 60_000).unref();

  // What the budgets refused, once a minute when there was something (never who: no addresses).
  setInterval(() => {
    const counts = server.budgets.takeCounts();
    const said = Object.entries(counts).filter(([, n]) => n > 0);
    if (said.length) console.log(`refused in the last minute: ${said.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }, 60_000).unref();
  setInterval(() => void housekeeping(), 3600 * 1000).unref();

  const stop = async () => {
    await server.close();
    await store.close();
    redis?.disconnect();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
