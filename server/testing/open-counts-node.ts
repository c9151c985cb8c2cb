// A cluster node's open-connection counts, alone in a process of its own, for the test that
// SIGKILLs it (server/guards/shared-budgets.test.ts): it opens `count` connections for
// `network` in the shared counts, says "ready" once Redis has them, and lives until killed.
// Run: node --import tsx server/testing/open-counts-node.ts <redis-url> <network> <count>
import { Redis } from 'ioredis';
import { AddressBudgets } from '../guards/address-budgets';
import { DEFAULT_LIMITS } from '../guards/limits';

async function main(): Promise<void> {
  const [url, network, count] = process.argv.slice(2);
  const redis = new Redis(url);
  await redis.ping();
  const budgets = new AddressBudgets(DEFAULT_LIMITS, () => performance.now(), redis);
  for (let i = 0; i < Number(count); i++) budgets.opened(network);
  // Commands on one connection are answered in order: once this one is, the counts are written.
  await redis.ping();
  console.log(`ready ${budgets.openElsewhere!.node}`);
  setInterval(() => {}, 60_000);
}

void main();
