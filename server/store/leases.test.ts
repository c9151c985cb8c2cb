// Ownership in a cluster: one node at a time runs a simul, by its lease in Postgres; the
// database itself refuses the appends of a node whose lease has moved on.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SimulHub, OwnedElsewhere } from '../room/simul-hub';
import { realClock } from '../room/simul-time';
import { StaleEpochError } from './event-store';
import { PostgresEventStore, PostgresLeases } from './postgres-store';
import { created, move } from './test-events';
import { servicesSkipReason, startPostgres, type Service } from '../testing/services';

const skip = servicesSkipReason();
let postgres: Service;
const opened: PostgresEventStore[] = [];

beforeAll(async () => {
  if (!skip) postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  for (const store of opened) await store.close();
  await postgres?.stop();
});

/** A node: its own connection pool to the shared database, its leases, its hub. */
async function node(name: string, ttlMs = 60_000) {
  const store = await PostgresEventStore.open(postgres.url);
  opened.push(store);
  const leases = new PostgresLeases(store.pool, { node: name, ttlMs });
  const hub = new SimulHub(store, realClock(), { leases });
  return { store, leases, hub };
}

const expireLeases = (store: PostgresEventStore, simulId: string) =>
  store.pool.query(`UPDATE simuls SET lease_until = now() - interval '1 second' WHERE simul_id = $1`, [simulId]);

/** Opens a simul as a client's retries would: a node that was just told another holds it asks again a moment later. */
async function openWhenFree(hub: SimulHub, simulId: string) {
  for (;;) {
    try {
      return (await hub.open(simulId))!;
    } catch (err) {
      if (!(err instanceof OwnedElsewhere)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe.skipIf(skip)('leases on Postgres', () => {
  it('refuses, in the database, an append whose epoch is not the current one', async () => {
    const { store, leases } = await node('fence');
    await store.createSimul('fenced', 'h', created('fenced'));
    const first = await leases.claim('fenced');
    expect(first).toBe(1);
    await store.appendMany([{ simulId: 'fenced', events: [move(2)], epoch: 1 }]);
    await expireLeases(store, 'fenced');
    expect(await new PostgresLeases(store.pool, { node: 'other' }).claim('fenced')).toBe(2);

    // The fence is a trigger: a plain INSERT with the old epoch is refused as well.
    await expect(store.appendMany([{ simulId: 'fenced', events: [move(3)], epoch: 1 }])).rejects.toBeInstanceOf(StaleEpochError);
    await expect(
      store.pool.query(`INSERT INTO events (simul_id, seq, at, type, body, epoch) VALUES ('fenced', 3, 0, 'move-made', '{}', 1)`),
    ).rejects.toThrow(/stale epoch/);
    await store.appendMany([{ simulId: 'fenced', events: [move(3)], epoch: 2 }]);
    expect((await store.load('fenced'))!.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await leases.claim('nothing-here')).toBe('unknown');
  });

  it('two nodes claiming one simul: the second cannot append, refused by the database, and says so in the log', async () => {
    const a = await node('node-a');
    const b = await node('node-b');
    const { simulId } = await a.hub.create({ title: 'Contested', boards: 2, hostColor: 'white', mode: 'async' });
    const roomA = (await a.hub.open(simulId))!;
    expect(roomA.epoch).toBe(1);
    for (const name of ['Ada', 'Bo']) expect(await roomA.dispatch({ role: 'spectator' }, { type: 'join', name, playerId: name })).toMatchObject({ ok: true });
    expect(await roomA.dispatch({ role: 'host' }, { type: 'start' })).toMatchObject({ ok: true });

    // While A holds the lease, B does not run the simul beside it.
    await expect(b.hub.open(simulId)).rejects.toBeInstanceOf(OwnedElsewhere);
    expect(b.hub.get(simulId)).toBeNull();

    // A stalls past its lease (it has not renewed): B takes the simul over from the store.
    await expireLeases(a.store, simulId);
    const roomB = await openWhenFree(b.hub, simulId);
    expect(roomB.epoch).toBe(2);
    expect(roomB.state.seq).toBe(roomA.state.seq);

    // A, still believing it runs the simul, plays a move: the database refuses it.
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stale = await roomA.dispatch({ role: 'host' }, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'a1' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(errors.mock.calls.flat().join('\n')).toMatch(new RegExp(`append to ${simulId} refused by the database: epoch 1 is no longer the owner's`));
    errors.mockRestore();
    expect(a.hub.get(simulId)).toBeNull();

    // B goes on; the log holds B's move only.
    expect(await roomB.dispatch({ role: 'host' }, { type: 'move', board: 1, from: 'd2', to: 'd4', clientMoveId: 'b1' })).toMatchObject({ ok: true });
    const log = (await b.store.load(simulId))!.events;
    expect(log.filter((e) => e.type === 'move-made').map((e) => e.type === 'move-made' && e.san)).toEqual(['d4']);
    await a.hub.releaseAll();
    await b.hub.releaseAll();
  });

  it('gives a simul back at its next renewal when another node asks for it, and that node takes it', async () => {
    const a = await node('holder', 600);
    const b = await node('asker', 600);
    const { simulId } = await a.hub.create({ title: 'Moving', boards: 1, hostColor: 'white', mode: 'async' });
    await a.hub.open(simulId);
    // A keeps renewing: its lease never expires, but B's request makes it give the simul back.
    await expect(b.hub.open(simulId)).rejects.toBeInstanceOf(OwnedElsewhere);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await vi.waitFor(() => expect(a.hub.get(simulId)).toBeNull(), { timeout: 20_000, interval: 50 });
    vi.restoreAllMocks();
    const room = await openWhenFree(b.hub, simulId);
    expect(room.epoch).toBe(2);
    await a.hub.releaseAll();
    await b.hub.releaseAll();
  });

  it('shares one load between concurrent opens of the same simul, and resolves join codes from any node', async () => {
    const a = await node('opener');
    const b = await node('other-node');
    const { simulId, joinCode } = await a.hub.create({ title: 'Twice', boards: 1, hostColor: 'white', mode: 'async' });
    const [one, two] = await Promise.all([a.hub.open(simulId), a.hub.open(simulId)]);
    expect(one).toBe(two);
    expect(one!.epoch).toBe(1);
    expect(await b.hub.resolveCode(joinCode)).toBe(simulId);
    await a.hub.releaseAll();
  });
});
