// How long a restart takes with many games: fills a SQLite database through the server's
// own rooms (K unfinished simuls of N boards, M moves per board), then starts the real
// server on it and reads how long it took to replay and serve them again.
// Usage: npx tsx bench/restart.ts [simuls=40] [boards=25] [moves=40]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SimulHub } from '../server/room/simul-hub';
import { realClock } from '../server/room/simul-time';
import { playSimul } from '../server/testing/played-simul';
import { SqliteEventStore } from '../server/store/sqlite-store';

const [simuls = 40, boards = 25, moves = 40] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(path.join(tmpdir(), 'simul-restart-'));
const dbFile = path.join(dir, 'simul.db');

async function fill(): Promise<number> {
  const store = new SqliteEventStore(dbFile, { synchronous: 'NORMAL' });
  let clock = Date.UTC(2026, 10, 25, 9);
  const hub = new SimulHub(store, realClock(() => (clock += 1000)));
  let events = 0;
  for (let k = 0; k < simuls; k++) {
    const { simulId } = await playSimul(hub, { boards, plies: moves, title: `Restart ${k}` });
    const room = hub.get(simulId)!;
    events += room.log.length;
    if (room.state.phase === 'finished') throw new Error('a simul finished while filling; use fewer moves');
  }
  store.close();
  return events;
}

async function restart(): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, SIMUL_PAGES: '0', HOST: '127.0.0.1', PORT: '0', SIMUL_DB: dbFile, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  try {
    for await (const chunk of child.stdout) {
      const line = String(chunk);
      if (line.includes('ready')) return line.trim();
    }
    throw new Error('the server exited before it was ready');
  } finally {
    clearTimeout(timer);
    child.kill('SIGKILL');
  }
}

async function main(): Promise<void> {
  const events = await fill();
  const mb = (statSync(dbFile).size / 1e6).toFixed(1);
  console.log(`filled: ${simuls} unfinished simuls x ${boards} boards, ${events} events, ${mb} MB`);
  console.log(await restart());
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
