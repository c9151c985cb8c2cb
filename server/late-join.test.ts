// A late joiner over the wire: after the start, while the host keeps joining open, a student
// who says hello and joins gets a new board whose game begins at once (async), and plays it
// with the seat token the join returned; once the host closes joining the next one is refused.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Clients, command, hello, join, outcomeOf, seatedSimul } from './testing/simul-fixture';
import { startTestServer } from './testing/test-client';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server;
let clients: Clients;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  clients = new Clients(server.url);
});
afterEach(() => clients.closeAll());

describe('a late joiner', () => {
  it('gets a new board whose game begins at once, the host hears it, and the student plays it', async () => {
    const a = await seatedSimul(clients, { boards: 3, seated: 1, hostColor: 'white', mode: 'async', start: true });
    const late = await clients.connect();
    await hello(late, a.simulId);
    const seat = await join(late, 'Dee');
    expect(seat.board).toBe(2);
    const started = await a.host.waitFor((e) => e.type === 'game-started' && e.board === 2);
    expect(started).toMatchObject({ type: 'game-started', board: 2 });
    expect(server.hub.get(a.simulId)!.state.order).toEqual([1, 2]);

    // The host moves first on board 2; then the late joiner answers with its seat token.
    await command(a.host, { type: 'move', board: 2, from: 'e2', to: 'e4', clientMoveId: 'h1' });
    const phone = await clients.connect();
    await hello(phone, a.simulId, { seatToken: seat.seatToken });
    await command(phone, { type: 'move', board: 2, from: 'e7', to: 'e5', clientMoveId: 'o1' });
    expect(server.hub.get(a.simulId)!.state.boards.get(2)!.moveCount).toBe(2);
    // Its seat is its own board only.
    const other = await phone.send('simul:command', { type: 'resign', board: 1 });
    expect(outcomeOf(other)).toBe('not-your-board');
  });

  it('is refused once the host closes joining, and seated again when the host reopens it', async () => {
    const a = await seatedSimul(clients, { boards: 3, seated: 1, start: true });
    await command(a.host, { type: 'close-joining' });
    const late = await clients.connect();
    await hello(late, a.simulId);
    expect(outcomeOf(await late.send('simul:join', { name: 'Dee' }))).toBe('already-started');
    await command(a.host, { type: 'open-joining' });
    expect((await join(late, 'Dee')).board).toBe(2);
  });
});
