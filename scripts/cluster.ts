// `npm run cluster`: a local cluster on loopback (3 nodes, HAProxy, Redis and Postgres from the
// Debian packages), data in temporary folders, all stopped on Ctrl-C. Once ready it prints one
// line: `cluster ready: http://127.0.0.1:<port> nodes: <pid>,<pid>,<pid>`.
// PORT (default 3000) is HAProxy's; CLUSTER_NODES (default 3) how many nodes; --no-pages serves
// only Socket.IO and the join-code redirect (no `next build` needed).
import { startCluster } from '../server/testing/local-cluster';
import { missingServices } from '../server/testing/services';

async function main(): Promise<void> {
  const missing = missingServices();
  if (missing.length) {
    console.error(`npm run cluster needs postgresql, redis-server and haproxy (apt-get install): missing ${missing.join(', ')}`);
    process.exit(1);
  }
  const cluster = await startCluster({
    port: Number(process.env.PORT ?? 3000),
    nodes: Number(process.env.CLUSTER_NODES ?? 3),
    pages: !process.argv.includes('--no-pages'),
    durable: true,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping the cluster');
    await cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  console.log(`cluster ready: ${cluster.url} nodes: ${cluster.nodes.map((n) => n.pid).join(',')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
