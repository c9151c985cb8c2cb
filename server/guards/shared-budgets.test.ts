// A network's budgets counted across the nodes of a cluster, in a real Redis.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AddressBudgets } from './address-budgets';
import { DEFAULT_LIMITS } from './limits';
import { OPEN_COUNTS_TTL_MS } from './shared-budgets';
import { servicesSkipReason, startRedis, type Service } from '../testing/services';

const skip = servicesSkipReason();
let redis: Service;
const clients: Redis[] = [];
const budgets: AddressBudgets[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!skip) redis = await startRedis();
}, 60_000);
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const b of budgets) await b.close();
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

  it('counts the connections a network holds open over all nodes, and releases them as they close', async () => {
    const limits = { ...DEFAULT_LIMITS, connectionsPerAddress: 4 };
    const a = node(limits, await client());
    const b = node(limits, await client());
    // Two open on each node: the network has its four, on whichever node it asks next.
    for (const n of [a, a, b, b]) {
      expect(await n.admitConnection('net-open')).toBe(true);
      await opened(n, 'net-open');
    }
    expect(await a.admitConnection('net-open')).toBe(false);
    expect(await b.admitConnection('net-open')).toBe(false);
    // Another network is not touched.
    expect(await a.admitConnection('net-other')).toBe(true);
    // One closes on b: a may admit one more, and then no more.
    b.closed('net-open');
    await written(b);
    expect(await a.admitConnection('net-open')).toBe(true);
    await opened(a, 'net-open');
    expect(await b.admitConnection('net-open')).toBe(false);
    // A node that shuts down takes its counts out at once.
    await b.close();
    expect(await a.admitConnection('net-open')).toBe(true);
  });

  it("never holds a network back by a dead node's counts: a SIGKILLed node's counts lapse within a lease's time", async () => {
    const limits = { ...DEFAULT_LIMITS, connectionsPerAddress: 5 };
    const a = node(limits, await client());
    await opened(a, 'net-class');
    // Another node holds four open for the class, and dies with them.
    const other = await countsNode('net-class', 4);
    expect(await a.admitConnection('net-class')).toBe(false);
    const killedAt = Date.now();
    other.kill('SIGKILL');
    // The class's phones come back to this node: admitted once the dead node's hash lapses.
    await vi.waitFor(async () => expect(await a.admitConnection('net-class')).toBe(true), { timeout: 30_000, interval: 100 });
    expect(Date.now() - killedAt).toBeLessThan(OPEN_COUNTS_TTL_MS + 20_000);
    // And this node's own count still counts, renewed past the time a hash lasts.
    const c = node(limits, await client());
    for (let i = 0; i < 3; i++) await opened(a, 'net-class');
    await new Promise((r) => setTimeout(r, OPEN_COUNTS_TTL_MS + 500));
    expect(await c.admitConnection('net-class')).toBe(true); // 4 open on a
    await opened(c, 'net-class');
    expect(await c.admitConnection('net-class')).toBe(false);
  }, 60_000);
});

const redisOf = new Map<AddressBudgets, Redis>();

/** A node's budgets, closed when the tests end. */
function node(limits: typeof DEFAULT_LIMITS, redisClient: Redis): AddressBudgets {
  const b = new AddressBudgets(limits, () => performance.now(), redisClient);
  budgets.push(b);
  redisOf.set(b, redisClient);
  return b;
}

/** Once the node's writes so far are in Redis (one connection answers in order). */
async function written(n: AddressBudgets): Promise<void> {
  await redisOf.get(n)!.ping();
}

/** A connection opened on node `n`, and its count written. */
async function opened(n: AddressBudgets, network: string): Promise<void> {
  n.opened(network);
  await written(n);
}

/** A node in a process of its own holding `count` connections open for `network` (server/testing/open-counts-node.ts). */
function countsNode(network: string, count: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/testing/open-counts-node.ts', redis.url, network, String(count)], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the counts node exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
  });
}
