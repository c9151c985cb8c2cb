// How long the lesson's exhibition takes in real time with a projector open. The real server
// (production, SQLite) runs in a child process; this process is the projector: it starts the
// exhibition, says hello to both simuls as the exhibition page does, folds every event it is
// sent with the page's own code (evolve, MetricsFold) and reads the figures four times a second.
// It prints the real time from the start to both simuls' end, the server's CPU time, and the
// simulated totals against the lesson's closed form. With --page (after `npx next build`) the
// server serves its pages too, and Chromium opens the exhibition's race page, which follows
// both simuls to the review's comparison, on this same machine.
// Usage: npx tsx bench/exhibition.ts [speed=600|max] [n=24] [h=5] [o=55] [m=30] [--page]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type Ack, type ClientToServerEvents, type HelloReply, type ServerToClientEvents } from '../lib/protocol/events';
import { evolve, initialState } from '../lib/simul/evolve';
import type { SimulEvent, SimulState } from '../lib/simul/types';
import { MetricsFold, lessonFigures, type SimulMetrics } from '../lib/metrics';
import { freePort, ServerProcess } from '../server/testing/server-process';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser';

const withPage = process.argv.includes('--page');
const [speedArg = '600', ...rest] = process.argv.slice(2).filter((a) => a !== '--page');
const speed = speedArg === 'max' ? 'max' : Number(speedArg);
const [n = 24, h = 5, o = 55, m = 30] = rest.map(Number);
const READ_MS = 250;

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One simul as the projector holds it: the folded state and the figures' fold. */
class Watched {
  state: SimulState = initialState();
  fold = new MetricsFold();
  reads = 0;
  /** Hellos answered "try again" (a commit in flight). */
  retries = 0;

  add(events: SimulEvent[]): void {
    for (const e of events) {
      if (e.seq <= this.state.seq) continue;
      evolve(this.state, e);
      this.fold.add(e);
    }
  }

  read(): SimulMetrics | null {
    this.reads++;
    return this.fold.at();
  }
}

async function watch(socket: Client, simulId: string): Promise<Watched> {
  const watched = new Watched();
  // Each socket hears one simul. Events broadcast before the hello's reply arrives wait for it
  // (those it already holds are skipped by their seq).
  let early: SimulEvent[] | null = [];
  socket.on('simul:events', (events) => (early ? early.push(...events) : watched.add(events)));
  let lastSeq = 0;
  for (;;) {
    const reply: Ack<HelloReply> = await socket.emitWithAck('simul:hello', { simulId, lastSeq, v: PROTOCOL_VERSION });
    // A commit in flight: say hello again soon, as the page does.
    if (!reply.ok && reply.error.code === 'try-again') {
      watched.retries++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    if (!reply.ok) throw new Error(`hello refused: ${reply.error.code}`);
    if (reply.kind !== 'reset' && reply.kind !== 'delta') throw new Error(`unexpected hello reply ${reply.kind}`);
    watched.add(reply.events);
    lastSeq = watched.state.seq;
    if (!reply.more) break;
  }
  watched.add(early);
  early = null;
  return watched;
}

function cpuSeconds(pid: number): number {
  // /proc/<pid>/stat: utime and stime, fields 14 and 15, in clock ticks (100 a second on Linux).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'simul-exhibition-'));
  const server = new ServerProcess(await freePort(), path.join(dir, 'simul.db'), withPage ? { SIMUL_PAGES: '1' } : {});
  await server.start(withPage ? 120_000 : 30_000);
  const browser = withPage ? await chromium.launch(chromiumLaunchOptions()) : null;
  // Two sockets, one per simul, as the page opens two connections.
  const sockets: Client[] = [0, 1].map(() => io(server.url, { transports: ['websocket'] }));
  try {
    await Promise.all(sockets.map((s) => new Promise((resolve) => s.once('connect', () => resolve(null)))));
    const cpuBefore = cpuSeconds(server.pid);
    const began = performance.now();
    const started: Ack<{ sync: string; async: string }> = await sockets[0]
      .timeout(30_000)
      .emitWithAck('exhibition:start', { n, h, o, m, speed });
    if (!started.ok) throw new Error(`exhibition:start refused: ${JSON.stringify(started.error)}`);
    const page = browser ? await browser.newPage({ viewport: { width: 1600, height: 1000 } }) : null;
    // The page loads while the race runs: its load does not hold up this projector's readings.
    const opened = page?.goto(`${server.url}/exhibition/${started.sync}`);
    const [sync, async] = await Promise.all([watch(sockets[0], started.sync), watch(sockets[1], started.async)]);
    const ended: Record<string, number> = {};
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        for (const [name, w] of [['sync', sync], ['async', async]] as const) {
          w.read();
          if (w.state.phase === 'finished' && ended[name] === undefined) ended[name] = performance.now() - began;
        }
        if (ended.sync !== undefined && ended.async !== undefined) {
          clearInterval(timer);
          resolve();
        }
      }, READ_MS);
    });
    const cpu = cpuSeconds(server.pid) - cpuBefore;
    if (page) {
      await opened;
      await page.waitForURL(/\/review\/[a-z0-9]+\?with=/, { timeout: 60_000 });
      console.log(`the race page opened the comparison ${((performance.now() - began) / 1000).toFixed(1)} s after the start`);
    }
    const expected = lessonFigures({ n, h, o, m });
    const ms = sync.read()!;
    const ma = async.read()!;
    const moves = (w: Watched) => [...w.state.boards.values()].reduce((t, b) => t + b.moveCount, 0);
    console.log(`exhibition n=${n} h=${h} s o=${o} s m=${m} at ${speed === 'max' ? 'max speed' : `${speed}x`}, a projector on both simuls`);
    console.log(`  async: over after ${(ended.async / 1000).toFixed(1)} s real; ${moves(async)} moves; simulated ${ma.elapsed / 1000} s (closed form ${expected.A} s)`);
    console.log(`  sync:  over after ${(ended.sync / 1000).toFixed(1)} s real; ${moves(sync)} moves; simulated ${ms.elapsed / 1000} s (closed form ${expected.S} s)`);
    console.log(
      `  server CPU ${cpu.toFixed(1)} s over ${(Math.max(ended.sync, ended.async) / 1000).toFixed(1)} s; ` +
        `projector reads ${sync.reads + async.reads}, hellos said again ${sync.retries + async.retries}`,
    );
    console.log(`  host busy ${ms.busy / 1000} s / ${ma.busy / 1000} s (closed form ${expected.busy} s)`);
  } finally {
    for (const s of sockets) s.close();
    await browser?.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
