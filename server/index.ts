// The entry point: `npm start` (production) and `npm run dev`.
import next from 'next';
import { startServer } from './app';
import { openStore } from './store/open-store';

async function main(): Promise<void> {
  const dev = process.env.NODE_ENV !== 'production';
  const host = process.env.HOST ?? '0.0.0.0';
  const port = Number(process.env.PORT ?? 3000);
  const app = next({ dev, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const store = openStore(process.env);
  const server = await startServer({ port, host, store, pages: (req, res) => void handle(req, res) });
  console.log(`Async Simul ready on http://${host === '0.0.0.0' ? 'localhost' : host}:${server.port} (${dev ? 'dev' : 'production'})`);

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
