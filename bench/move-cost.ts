// Where a move's server CPU goes, without sockets: `npx tsx bench/move-cost.ts [moves]`.
// One process, no network, so it is far less sensitive to a busy machine than the load run.
//
// It plays random games on 25 boards of one simul (a fixed seed), records the moves, then
// replays the same move commands through each layer of the server's move path, timing each
// on its own:
//   parse    commandSchema.safeParse (zod)                        socket-handlers.ts
//   decide   decide(state, actor, command, now)                    lib/simul/decide.ts
//   append   EventStore.append, memory / SQLite NORMAL / SQLite FULL  server/store/*
//            (awaited: for SQLite, the wall time until the database's worker has committed)
//   evolve   evolve(state, event)                                  lib/simul/evolve.ts
// and, for comparison, the baseline relay's chess work: chess.move({from, to}) + isGameOver().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Chess } from 'chess.js';
import { commandSchema } from '../lib/protocol/schemas';
import { decide } from '../lib/simul/decide';
import { evolve, initialState } from '../lib/simul/evolve';
import type { Actor, Command, SimulEvent, SimulState } from '../lib/simul/types';
import { MemoryEventStore } from '../server/store/memory-store';
import { SqliteEventStore } from '../server/store/sqlite-store';
import type { EventStore } from '../server/store/event-store';
import { Prng } from '../lib/random';

/** CPU time of this process's main thread (the room's thread), µs, from Linux's schedstat. */
function mainThreadCpuUs(): number {
  return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1000;
}

const MOVES = Number(process.argv[2] ?? 3000);
const BOARDS = 25;

interface Step {
  actor: Actor;
  input: Record<string, unknown>;
}

/** A simul's setup events and a list of legal move commands played in turn over its boards. */
function record(): { setup: SimulEvent[]; steps: Step[] } {
  const prng = new Prng(42);
  const random = () => prng.next();
  const state = initialState();
  const setup: SimulEvent[] = [];
  let seq = 0;
  const push = (body: object) => {
    const e = { seq: ++seq, at: 1_000 + seq, ...body } as SimulEvent;
    evolve(state, e);
    setup.push(e);
  };
  push({ type: 'simul-created', simulId: 'benchsimul', title: 'bench', boardCount: BOARDS, hostColor: 'alternate', mode: 'async', joinCode: '123456' });
  for (let n = 1; n <= BOARDS; n++) push({ type: 'seat-taken', board: n, name: `p${n}`, playerId: `id${n}` });
  const boards = Array.from({ length: BOARDS }, (_, i) => i + 1);
  push({ type: 'simul-started', boards });
  for (const n of boards) push({ type: 'game-started', board: n });

  const steps: Step[] = [];
  const games = new Map(boards.map((n) => [n, new Chess()]));
  let live = [...boards];
  let id = 0;
  while (steps.length < MOVES && live.length > 0) {
    const n = live[Math.floor(random() * live.length)];
    const chess = games.get(n)!;
    const moves = chess.moves({ verbose: true });
    if (moves.length === 0 || chess.isGameOver() || chess.history().length > 160) {
      live = live.filter((b) => b !== n);
      continue;
    }
    const m = moves[Math.floor(random() * moves.length)];
    chess.move(m);
    if (chess.isGameOver()) live = live.filter((b) => b !== n);
    const hostColor = n % 2 === 1 ? 'w' : 'b';
    const actor: Actor = m.color === hostColor ? { role: 'host' } : { role: 'opponent', board: n };
    const input: Record<string, unknown> = { type: 'move', board: n, from: m.from, to: m.to, clientMoveId: `m${id++}` };
    if (m.promotion) input.promotion = m.promotion;
    steps.push({ actor, input });
  }
  return { setup, steps };
}

function time(f: () => void): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1000;
}

async function timeAsync(f: () => Promise<void>): Promise<number> {
  const t = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t) / 1000;
}

function stats(us: number[]): string {
  const s = [...us].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  const p = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `mean ${mean.toFixed(1).padStart(6)} µs  p50 ${p(0.5).toFixed(1).padStart(6)}  p99 ${p(0.99).toFixed(1).padStart(7)}`;
}

async function run(label: string, store: EventStore, setup: SimulEvent[], steps: Step[], warm: boolean) {
  const state: SimulState = initialState();
  await store.createSimul('benchsimul', 'h'.repeat(64), setup[0]);
  for (const e of setup.slice(1)) await store.append('benchsimul', [e]);
  for (const e of setup) evolve(state, e);
  const t = { parse: [] as number[], decide: [] as number[], append: [] as number[], evolve: [] as number[], total: [] as number[] };
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpuUs();
  let at = 10_000;
  for (const step of steps) {
    let command!: Command;
    const tp = time(() => {
      const r = commandSchema.safeParse(step.input);
      if (!r.success) throw new Error('bad payload');
      command = r.data as Command;
    });
    let events: SimulEvent[] = [];
    const td = time(() => {
      const d = decide(state, step.actor, command, at);
      if (!d.ok) throw new Error(`rejected: ${d.error.code} ${JSON.stringify(step.input)}`);
      const first = state.seq + 1;
      events = d.events.map((body, i) => ({ seq: first + i, at, ...body }) as SimulEvent);
    });
    const ta = await timeAsync(() => store.append('benchsimul', events));
    const te = time(() => {
      for (const e of events) evolve(state, e);
    });
    at++;
    t.parse.push(tp);
    t.decide.push(td);
    t.append.push(ta);
    t.evolve.push(te);
    t.total.push(tp + td + ta + te);
  }
  const cpu = process.cpuUsage(cpu0);
  const main = mainThreadCpuUs() - main0;
  await store.close();
  if (!warm) return;
  console.log(
    `\n${label}: ${steps.length} moves, process CPU ${((cpu.user + cpu.system) / steps.length).toFixed(0)} µs/move ` +
      `(system ${(cpu.system / steps.length).toFixed(0)}), main thread ${(main / steps.length).toFixed(0)} µs/move`,
  );
  for (const [k, v] of Object.entries(t)) console.log(`  ${k.padEnd(7)} ${stats(v)}`);
}

/**
 * What group commit would cost: the same events appended to a FULL store `batch` moves per
 * transaction (one fsync per batch), as a server that commits once per event-loop turn would.
 */
async function groupCommit(file: string, setup: SimulEvent[], steps: Step[], batch: number, warm: boolean) {
  const store = new SqliteEventStore(file);
  const state: SimulState = initialState();
  await store.createSimul('benchsimul', 'h'.repeat(64), setup[0]);
  for (const e of setup.slice(1)) await store.append('benchsimul', [e]);
  for (const e of setup) evolve(state, e);
  let pendingEvents: SimulEvent[] = [];
  let appendUs = 0;
  let cpuAppend = 0;
  let mainAppend = 0;
  for (const step of steps) {
    const d = decide(state, step.actor, commandSchema.parse(step.input) as Command, 1);
    if (!d.ok) throw new Error('rejected');
    const first = state.seq + 1;
    const events = d.events.map((body, i) => ({ seq: first + i, at: 1, ...body }) as SimulEvent);
    for (const e of events) evolve(state, e);
    pendingEvents.push(...events);
    if (pendingEvents.length >= batch) {
      const c = process.cpuUsage();
      const m = mainThreadCpuUs();
      appendUs += await timeAsync(() => store.append('benchsimul', pendingEvents));
      const cd = process.cpuUsage(c);
      cpuAppend += cd.user + cd.system;
      mainAppend += mainThreadCpuUs() - m;
      pendingEvents = [];
    }
  }
  await store.close();
  if (warm) {
    console.log(
      `  FULL, ${String(batch).padStart(2)} moves per commit: append wall ${(appendUs / steps.length).toFixed(1).padStart(6)} µs/move, ` +
        `CPU ${(cpuAppend / steps.length).toFixed(1).padStart(6)} µs/move, main thread ${(mainAppend / steps.length).toFixed(1).padStart(6)} µs/move`,
    );
  }
}

function baseline(steps: Step[], warm: boolean) {
  const games = new Map<number, Chess>();
  const us: number[] = [];
  const cpu0 = process.cpuUsage();
  for (const s of steps) {
    const n = s.input.board as number;
    let chess = games.get(n);
    if (!chess) games.set(n, (chess = new Chess()));
    const c = chess;
    us.push(
      time(() => {
        c.move({ from: s.input.from as string, to: s.input.to as string, promotion: s.input.promotion as string | undefined });
        c.isGameOver();
      }),
    );
  }
  const cpu = process.cpuUsage(cpu0);
  if (!warm) return;
  console.log(`\nbaseline relay's chess work (chess.move + isGameOver): CPU ${((cpu.user + cpu.system) / steps.length).toFixed(0)} µs/move`);
  console.log(`  chess   ${stats(us)}`);
}

async function main(): Promise<void> {
  const { setup, steps } = record();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-move-cost-'));
  try {
    console.log(`${os.cpus()[0]?.model}, ${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}`);
    for (const warm of [false, true]) {
      baseline(steps, warm);
      await run('memory store', new MemoryEventStore(), setup, steps, warm);
      await run('SQLite synchronous=NORMAL', new SqliteEventStore(path.join(dir, `normal-${warm}.db`), { synchronous: 'NORMAL' }), setup, steps, warm);
      await run('SQLite synchronous=FULL (the default)', new SqliteEventStore(path.join(dir, `full-${warm}.db`)), setup, steps, warm);
      if (warm) console.log('\ngroup commit (one transaction, one fsync, per batch of moves):');
      for (const batch of [1, 5, 20]) await groupCommit(path.join(dir, `group-${batch}-${warm}.db`), setup, steps, batch, warm);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
