// A real server on port 0 for one Vitest test, closed when the test ends. Kept apart from
// simul-fixture.ts because the browser tests and the attacker processes import that file, and
// they cannot load Vitest.
import { onTestFinished } from 'vitest';
import { startTestServer } from './test-client';
import { Clients } from './simul-fixture';

/** A real server on port 0 and a set of its clients, both closed when the test ends. */
export async function serveForTest(): Promise<{ server: Awaited<ReturnType<typeof startTestServer>>; clients: Clients }> {
  const server = await startTestServer();
  const clients = new Clients(server.url);
  onTestFinished(async () => {
    clients.closeAll();
    await server.close();
  });
  return { server, clients };
}
