// The entry point: `npm start` (production) and `npm run dev`.
// Environment: HOST (default 0.0.0.0), PORT (default 3000), SIMUL_DB (default ./data/simul.db),
// SIMUL_STORE=memory for no durability, SIMUL_PAGES=0 to serve only the Socket.IO API
// (the crash test and the benchmark drive the server without pages), SIMUL_TEST_CLOCK=1
// for browser tests on controlled time.
import { startServer } from './app';
import { ManualClock } from './manual-clock';
import { openStore } from './store/open-store';

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
  const pages = process.env.SIMUL_PAGES === '0' ? undefined : await pagesHandler(dev);
  const store = openStore(process.env);
  const started = Date.now();
  const testClock = process.env.SIMUL_TEST_CLOCK === '1' ? new ManualClock(Date.now()) : undefined;
  if (testClock) console.log('SIMUL_TEST_CLOCK=1: time moves only by POST /__test/clock (tests only)');
  const server = await startServer({ port, host, store, pages, testClock });
  const shown = host === '0.0.0.0' ? 'localhost' : host;
  console.log(
    `Async Simul ready on http://${shown}:${server.port} (${dev ? 'dev' : 'production'}; ` +
      `${server.hub.size} unfinished simuls restored in ${Date.now() - started} ms)`,
  );

  const stop = async () => {
    await server.close();
    store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
