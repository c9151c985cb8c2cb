// One hostile client against the real server: a bystander's move round trips with no attack,
// then under a flood, a hello storm and slow readers (each from a network of its own), and the
// server's memory. Prints the figures. Run it against this checkout, or against another one to
// compare (its server must accept the same protocol):
//   npx tsx bench/hostile-clients.ts [path-to-checkout]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { attackFromAnotherProcess, Bystander, fillBigSimul, percentile, rssOf } from '../server/testing/hostile-clients';
import { freePort, ServerProcess } from '../server/testing/server-process';
import { io as connect } from 'socket.io-client';

const root = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Four networks each start the largest exhibition the server allows, as fast as it goes, and
 * watch it (so that it is not ended as unwatched): the slots and the thread they may take.
 */
async function exhibitionsAttack(url: string, report: (detail: string) => void): Promise<void> {
  const spec = { n: 50, h: 1, o: 1, m: 30, speed: 'max' as const };
  const sockets = ['198.51.100.21', '198.51.100.22', '198.51.100.23', '198.51.100.24', '198.51.100.25'].map((address) =>
    connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { 'x-forwarded-for': address } }),
  );
  const outcomes: string[] = [];
  const started = performance.now();
  try {
    for (const socket of sockets) {
      const res = (await socket.timeout(15_000).emitWithAck('exhibition:start', spec)) as { ok: boolean; sync?: string; error?: { code: string } };
      outcomes.push(res.ok ? 'ok' : res.error!.code);
      if (res.ok) await socket.timeout(15_000).emitWithAck('simul:hello', { v: 2, simulId: res.sync, lastSeq: 0, want: 'state' });
    }
    await sleep(15_000);
    report(`5 networks asked for ${spec.n} boards x ${spec.m} move pairs at max: ${outcomes.join(', ')}; measured over ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    for (const socket of sockets) socket.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'simul-hostile-bench-'));
  const dbFile = path.join(dir, 'simul.db');
  const simulId = await fillBigSimul(dbFile, 100, 70);
  const server = new ServerProcess(await freePort(), dbFile, { SIMUL_TRUST_PROXY: '127.0.0.1', SIMUL_CREATE_PER_HOUR: '100000' }, root);
  await server.start(60_000);
  const bystander = new Bystander(server.url);
  // The round trips before an attacker's process has loaded are not the attack's.
  const discard = () => void bystander.take();
  const rows: string[] = [];
  let quietP99 = 0;
  /** `goal`: the bystander's p99 under this attack at most that many times its p99 with none. */
  const row = (what: string, detail: string, goal?: number) => {
    const rtts = bystander.take();
    const p99 = percentile(rtts, 99);
    if (what === 'quiet') quietP99 = p99;
    const ratio = goal === undefined ? '' : ` (${(p99 / quietP99).toFixed(2)}x quiet: goal at most ${goal}x, ${p99 <= goal * quietP99 ? 'met' : 'missed'})`;
    const line = `${what.padEnd(14)} bystander p50 ${percentile(rtts, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms${ratio}, max ${Math.max(...rtts).toFixed(1)} ms over ${rtts.length} moves; ${detail}`;
    rows.push(line);
    console.log(line);
  };
  try {
    bystander.start();
    await sleep(1000);
    bystander.take();
    await sleep(5000);
    row('quiet', `RSS ${(rssOf(server.pid) / 1e6).toFixed(0)} MB`);

    // Each attack runs in a process of its own, as an attacker is another machine.
    const attack = await attackFromAnotherProcess<{ frames: number; closedByServer: number }>('flood', server.url, simulId, 10, 5000, discard);
    row('flood', `${attack.frames} frames sent by 10 sockets, ${attack.closedByServer} connections closed or refused`, 3);
    await sleep(1000);
    bystander.take();

    const storm = await attackFromAnotherProcess<{ bytes: number; refused: number }>('hello-storm', server.url, simulId, 100, 5, discard);
    row('hello storm', `100 sockets x 5 hellos: ${(storm.bytes / 1e6).toFixed(1)} MB sent, ${storm.refused} refused`, 3);
    await sleep(1000);
    bystander.take();

    const before = rssOf(server.pid);
    let peak = before;
    let done = false;
    const readers = attackFromAnotherProcess('slow-readers', server.url, simulId, 30, 10_000, discard).finally(() => (done = true));
    while (!done) {
      await sleep(100);
      peak = Math.max(peak, rssOf(server.pid));
    }
    await readers;
    row('slow readers', `30 sockets for 10 s: RSS ${(before / 1e6).toFixed(0)} MB before, peak ${(peak / 1e6).toFixed(0)} MB`, 3);
    await sleep(1000);
    bystander.take();
    await exhibitionsAttack(server.url, (detail) => row('exhibitions', detail, 1.5));
    // Join-code guessing from one network, 50 requests in flight, for 3 s.
    const guesses = { tried: 0, answered: 0, refused: 0 };
    const until = performance.now() + 3000;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (performance.now() < until) {
          const code = String(100000 + Math.floor(Math.random() * 900000));
          const res = await fetch(`${server.url}/j/${code}`, { redirect: 'manual', headers: { 'x-forwarded-for': '198.51.100.4' } });
          await res.arrayBuffer();
          guesses.tried++;
          if (res.status === 429) guesses.refused++;
          else guesses.answered++;
        }
      }),
    );
    row('code guessing', `${(guesses.tried / 3).toFixed(0)} guesses/s: ${guesses.answered} answered, ${(guesses.refused / 3).toFixed(0)}/s refused`);
    console.log(`bystander failures: ${bystander.failures.length}${bystander.failures.length ? ` (${bystander.failures[0]})` : ''}`);
  } finally {
    await bystander.stop();
    await server.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
