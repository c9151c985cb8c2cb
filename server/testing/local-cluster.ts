// A whole cluster on loopback: Postgres, Redis, N nodes (server/index.ts, each its own process)
// and HAProxy in front with the repository's configuration. For `npm run cluster`, the cluster
// tests and `npm run bench -- --cluster`; everything lives in temporary folders and goes on stop().
import { ServerProcess, freePort } from './server-process';
import { startHaproxy, startPostgres, startRedis, type Service } from './services';

interface ClusterOptions {
  nodes?: number;
  /** HAProxy's port (a free one by default). */
  port?: number;
  /** Serve Next's pages too (needs `next build` first); off for tests and the benchmark. */
  pages?: boolean;
  /** Durable Postgres (fsync on): on for `npm run cluster`, off for tests. */
  durable?: boolean;
  /** More environment for every node. */
  env?: Record<string, string>;
}

export interface LocalCluster {
  /** HAProxy's address: the one address clients use. */
  url: string;
  nodes: ServerProcess[];
  postgres: Service;
  redis: Service;
  haproxy: Service;
  /** Node ports, in HAProxy's order (node1, node2, ...). */
  nodePorts: number[];
  stop(): Promise<void>;
}

export async function startCluster(options: ClusterOptions = {}): Promise<LocalCluster> {
  const started: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    for (const s of started.reverse()) await s.stop().catch(() => {});
  };
  try {
    const postgres = await startPostgres({ durable: options.durable });
    started.push(postgres);
    const redis = await startRedis();
    started.push(redis);
    const nodePorts = await Promise.all(Array.from({ length: options.nodes ?? 3 }, () => freePort()));
    // The address pages are opened at: the nodes take it as their own origin (and join address).
    const proxyPort = options.port || (await freePort());
    const nodes = nodePorts.map(
      (port, i) =>
        new ServerProcess(port, '', {
          SIMUL_DATABASE_URL: postgres.url,
          SIMUL_REDIS_URL: redis.url,
          SIMUL_NODE: `node${i + 1}`,
          SIMUL_TRUST_PROXY: '127.0.0.1',
          SIMUL_PUBLIC_URL: `http://127.0.0.1:${proxyPort}`,
          SIMUL_PAGES: options.pages ? '1' : '0',
          ...options.env,
        }),
    );
    const stopNodes = { stop: async () => void (await Promise.all(nodes.map((n) => n.stop('SIGTERM')))) };
    started.push(stopNodes);
    // One at a time: the first creates the schema, and the machine is not loaded with three starts at once.
    for (const node of nodes) await node.start(120_000);
    const haproxy = await startHaproxy(nodePorts, proxyPort);
    started.push(haproxy);
    return { url: haproxy.url, nodes, postgres, redis, haproxy, nodePorts, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
