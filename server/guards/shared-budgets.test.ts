// A network's budgets counted across the nodes of a cluster, in a real Redis.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AddressBudgets } from './address-budgets';
import { DEFAULT_LIMITS } from './limits';
import { servicesSkipReason, startRedis, type Service } from '../testing/services';

const skip = servicesSkipReason();
let redis: Service;
const clients: Redis[] = [];

beforeAll(async () => {
  if (!skip) redis = await startRedis();
}, 60_000);
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis?.stop();
});

/** A node's connection, once ready (before, the shared budgets let everything through). */
async function client(): Promise<Redis> {
  const c = new Redis(redis.url);
  clients.push(c);
  await c.ping();
  return c;
}

describe.skipIf(skip)('budgets shared by the nodes, in Redis', () => {
  it('refuses on every node a network that spent its budget spread over them', async () => {
    // Two nodes, each with its own buckets, on a time that does not move: no refill.
    const limits = { ...DEFAULT_LIMITS, simulsPerAddressPerHour: 6 };
    const a = new AddressBudgets(limits, () => 0, await client());
    const b = new AddressBudgets(limits, () => 0, await client());
    for (let i = 0; i < 3; i++) {
      expect(a.creations.take('net-1')).toBe(true);
      expect(b.creations.take('net-1')).toBe(true);
    }
    // Each node alone would allow three more; the cluster has counted six.
    expect(a.creations.take('net-1')).toBe(true); // the seventh, spent in the background, is refused by Redis
    await vi.waitFor(() => expect(a.creations.get('net-1').has()).toBe(false), { timeout: 30_000 });
    expect(b.creations.take('net-1')).toBe(true);
    await vi.waitFor(() => expect(b.creations.get('net-1').has()).toBe(false), { timeout: 30_000 });
    expect(a.creations.take('net-1')).toBe(false);
    expect(b.creations.take('net-1')).toBe(false);
    expect(a.creations.get('net-1').msUntil()).toBeGreaterThan(0);
    // Another network is not touched.
    expect(a.creations.take('net-2')).toBe(true);
  });

  it('gives one exhibition slot per network and as many as the cluster runs at once', async () => {
    const a = new AddressBudgets(DEFAULT_LIMITS, () => 0, await client());
    const b = new AddressBudgets(DEFAULT_LIMITS, () => 0, await client());
    expect(await a.exhibitions!.take('net-x', 1, 2)).toBeNull();
    expect(await b.exhibitions!.take('net-x', 1, 2)).toMatchObject({ scope: 'network' });
    expect(await b.exhibitions!.take('net-y', 1, 2)).toBeNull();
    expect(await a.exhibitions!.take('net-z', 1, 2)).toMatchObject({ scope: 'server' });
    // The refused one took nothing: its network may try again once a slot is free.
    expect(await a.exhibitions!.take('net-z', 1, 3)).toBeNull();
  });
});
