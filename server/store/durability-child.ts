// Child process of the durability test in sqlite-store.test.ts: appends events to the
// database at argv[2] forever and prints each seq only after its append has returned.
// The test SIGKILLs it and checks that every printed seq is in the database.
// backup-database.test.ts also uses it as a writer that never pauses during a backup.
import { SqliteEventStore } from './sqlite-store';
import { created, move } from './test-events';

async function main(): Promise<void> {
  const store = new SqliteEventStore(process.argv[2]);
  await store.createSimul('s1', 'host-hash', created('s1'));
  for (let seq = 2; seq < 1_000_000; seq++) {
    await store.append('s1', [move(seq, 1, Date.now())], { board: 1, tokenHash: `t${seq}` });
    process.stdout.write(`${seq}\n`);
  }
}

void main();
