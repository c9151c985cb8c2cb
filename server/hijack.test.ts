// The seat hijack: a socket takes a seat in a simul of its own and, in the same breath, says
// hello to a victim's simul. Whatever the order and interleaving of the two, the join's outcome
// must never grant anything on the victim's simul: the attacker stays a spectator there.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SimulEvent } from '../lib/simul/types';
import { Clients, command, createSimul, hello, outcomeOf, seatedSimul, type Reply } from './testing/simul-fixture';
import { startTestServer } from './testing/test-client';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server;
let clients: Clients;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  clients = new Clients(server.url);
});
afterEach(() => clients.closeAll());

const logOf = (simulId: string): SimulEvent[] => structuredClone(server.hub.get(simulId)!.log);

/** Lets `turns` event-loop turns pass (0: the two emits leave in the same write). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

const ORDERS = ['join then hello', 'hello then join'] as const;
const GAPS = [0, 1, 2, 3, 5, 8];

describe('a join in one simul and a hello to another, interleaved', () => {
  it.each(ORDERS.flatMap((order) => GAPS.map((gap) => ({ order, gap }))))(
    '$order, $gap turns apart: nothing on the victim',
    async ({ order, gap }) => {
      // The victim: started, board 1's opponent (black) to move, so a seated socket could move.
      const victim = await seatedSimul(clients, { boards: 2, seated: 1, hostColor: 'white', start: true });
      await command(victim.host, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'v1' });
      const attacker = await clients.connect();
      const own = await createSimul(attacker, { boards: 2 });
      await hello(attacker, own.simulId);
      const before = logOf(victim.simulId);

      const join = () => attacker.send('simul:join', { name: 'Mallory', board: 1 });
      const greet = () => attacker.send('simul:hello', { v: 2, simulId: victim.simulId, lastSeq: 0 });
      const replies: Promise<Reply>[] = [];
      replies.push(order === 'join then hello' ? join() : greet());
      await turns(gap);
      replies.push(order === 'join then hello' ? greet() : join());
      await Promise.all(replies);

      const attempts = [
        { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'x1' },
        { type: 'offer-draw', board: 1 },
        { type: 'resign', board: 1 },
      ];
      for (const attempt of attempts) {
        const reply = await attacker.send('simul:command', attempt);
        expect(outcomeOf(reply), JSON.stringify(attempt)).not.toBe('ok');
      }
      expect(logOf(victim.simulId)).toEqual(before);
      // The real opponent still plays.
      await command(victim.opponents[0].client, { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'o1' });
    },
  );
});
