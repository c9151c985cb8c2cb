// Creating a teaching simul over the wire: start positions and the rotation are checked before
// the simul exists (a refusal spends no creation budget and creates nothing), and recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient } from './testing/test-client';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let host: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  host = await new TestClient(server.url).connected();
});
afterAll(async () => {
  host.close();
  await server.close();
});

const base = { title: 'Drills', boards: 4, hostColor: 'white', mode: 'async' };
const KQ = '8/8/8/4k3/8/8/8/3QK3 w - - 0 1';

describe('simul:create with positions and a rotation', () => {
  it('records the start positions, as chess.js writes them, and the rotation', async () => {
    const created = (await host.send('simul:create', { ...base, startFen: ` ${KQ} `, boardFens: { '2': '' }, rotation: 'first-ready', studentRematch: true })) as unknown as {
      ok: true;
      simulId: string;
    };
    expect(created.ok).toBe(true);
    const [first] = server.hub.get(created.simulId)!.log;
    expect(first).toMatchObject({ type: 'simul-created', startFen: KQ, rotation: 'first-ready', studentRematch: true });
    expect(first).not.toHaveProperty('boardFens');
    expect(server.hub.get(created.simulId)!.state.boards.get(3)!.chess.fen()).toBe(KQ);
  });

  it('refuses a position already over or illegal, naming the board, and most-urgent without clocks', async () => {
    expect(await host.send('simul:create', { ...base, boardFens: { '3': '4k3/4Q3/4K3/8/8/8/8/8 b - - 0 1' } })).toEqual({
      ok: false,
      error: { code: 'position-invalid', params: { problem: { kind: 'over', reason: 'checkmate' }, board: 3 } },
    });
    expect(await host.send('simul:create', { ...base, startFen: 'not a fen' })).toEqual({
      ok: false,
      error: { code: 'position-invalid', params: { problem: { kind: 'format', field: 'fields' } } },
    });
    expect(await host.send('simul:create', { ...base, rotation: 'most-urgent' })).toEqual({ ok: false, error: { code: 'rotation-needs-clocks' } });
    expect(await host.send('simul:create', { ...base, rotation: 'fastest' })).toMatchObject({ ok: false, error: { code: 'bad-payload' } });
  });
});
