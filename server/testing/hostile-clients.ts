// Hostile clients against a real server, and a bystander who plays a game through them and times
// every move. Used by the hostile-client test (which asserts) and bench/hostile-clients.ts (which
// prints the figures, also against an older checkout).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import { Chess } from 'chess.js';
import WebSocket from 'ws';
import { SimulHub } from '../room/simul-hub';
import { realClock } from '../room/simul-time';
import { SqliteEventStore } from '../store/sqlite-store';
import { TestClient } from './test-client';
import { playSimul } from './played-simul';
import { command, createSimul, hello, join } from './simul-fixture';

/** Fills a database with one unfinished simul of `boards` boards and `plies` plies each; returns its id. */
export async function fillBigSimul(dbFile: string, boards: number, plies: number): Promise<string> {
  return (await addBigSimul(dbFile, boards, plies)).simulId;
}

/**
 * Adds to a database one simul of `boards` boards and about `plies` plies each, played through
 * the server's rooms; with `end`, the host then ends it. Returns its id, host key and event count.
 */
export async function addBigSimul(
  dbFile: string,
  boards: number,
  plies: number,
  { end = false }: { end?: boolean } = {},
): Promise<{ simulId: string; hostKey: string; events: number }> {
  const store = new SqliteEventStore(dbFile, { synchronous: 'NORMAL' });
  let clock = Date.UTC(2026, 10, 25, 9);
  const hub = new SimulHub(store, realClock(() => (clock += 1000)));
  const { simulId, hostKey } = await playSimul(hub, { boards, plies, title: 'Big simul' });
  const room = hub.get(simulId)!;
  if (end) {
    const res = await room.dispatch({ role: 'host' }, { type: 'end-simul' });
    if (!res.ok) throw new Error(`end-simul refused: ${res.error.code}`);
  }
  const events = room.log.length;
  store.close();
  return { simulId, hostKey, events };
}

/** Resident memory of a process, in bytes (Linux). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Hosts and students in simuls of their own, `games` at once, each side moving every `paceMs`
 * (a brisk but honest client, within its budget); every acknowledgement's round trip is
 * recorded. A finished game starts over in a new simul.
 */
export class Bystander {
  readonly roundTrips: number[] = [];
  private running = true;
  private clients: TestClient[] = [];
  private done: Promise<void> | null = null;

  constructor(
    private url: string,
    private games = 6,
    private paceMs = 50,
  ) {}

  start(): void {
    this.done = Promise.all(Array.from({ length: this.games }, () => this.play())).then(() => {});
  }

  /** The round trips recorded since the last call. */
  take(): number[] {
    return this.roundTrips.splice(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
    for (const c of this.clients) c.close();
  }

  /** Games that could not be set up or broke off (a refusal, a lost connection), and why. */
  failures: string[] = [];

  private async play(): Promise<void> {
    while (this.running) {
      try {
        await this.game();
      } catch (err) {
        this.failures.push((err as Error).message);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  private async game(): Promise<void> {
    const host = await new TestClient(this.url).connected();
    const student = await new TestClient(this.url).connected();
    this.clients.push(host, student);
    const simul = await createSimul(host, { boards: 1, hostColor: 'white' });
    await hello(host, simul.simulId, { hostKey: simul.hostKey });
    await hello(student, simul.simulId);
    await join(student, 'Bystander', 1);
    await command(host, { type: 'start' });
    const chess = new Chess();
    let ply = 0;
    while (this.running && !chess.isGameOver() && ply < 200) {
      const legal = chess.moves({ verbose: true });
      const move = legal[(ply * 13) % legal.length];
      const mover = chess.turn() === 'w' ? host : student;
      const started = performance.now();
      const reply = await mover.send('simul:command', {
        type: 'move',
        board: 1,
        from: move.from,
        to: move.to,
        ...(move.promotion ? { promotion: move.promotion } : {}),
        clientMoveId: `b${ply}`,
      });
      this.roundTrips.push(performance.now() - started);
      if (!reply.ok) throw new Error(`move refused: ${reply.error.code}`);
      chess.move(move);
      ply++;
      await new Promise((r) => setTimeout(r, this.paceMs));
    }
    host.close();
    student.close();
  }
}

/** Sockets that send frames as fast as they can, and reconnect when the server closes them. */
export function flood(url: string, sockets: number, network = '198.51.100.1'): { stop(): void; frames(): number; closedByServer(): number } {
  let running = true;
  let frames = 0;
  let closed = 0;
  const open = new Set<WebSocket>();
  const one = () => {
    if (!running) return;
    const ws = rawSocket(url, network);
    open.add(ws);
    joined(ws).then(() => {
      const burst = () => {
        if (!running || ws.readyState !== WebSocket.OPEN) return;
        // As fast as the socket drains: keep about a megabyte in flight.
        if (ws.bufferedAmount < 1_000_000) {
          for (let i = 0; i < 500; i++) ws.send(`42${frames++}["simul:command",{"type":"start"}]`);
        }
        setImmediate(burst);
      };
      burst();
    });
    ws.on('error', () => {});
    ws.on('close', () => {
      open.delete(ws);
      if (!running) return;
      closed++;
      setTimeout(one, 10);
    });
  };
  for (let i = 0; i < sockets; i++) one();
  return {
    stop() {
      running = false;
      for (const ws of open) ws.terminate();
    },
    frames: () => frames,
    closedByServer: () => closed,
  };
}

/** Sockets that each ask for a simul's whole log `times` times, as fast as they are let. */
export async function helloStorm(url: string, simulId: string, sockets: number, times: number, network = '198.51.100.2'): Promise<{ bytes: number; refused: number }> {
  let bytes = 0;
  let refused = 0;
  await Promise.all(
    Array.from({ length: sockets }, async () => {
      const ws = rawSocket(url, network);
      ws.on('error', () => {});
      ws.on('message', (data) => {
        const text = String(data);
        bytes += text.length;
        if (text.includes('"rate-limited"')) refused++;
      });
      if (!(await joined(ws))) return;
      for (let i = 0; i < times; i++) ws.send(`42${i}["simul:hello",{"v":2,"simulId":"${simulId}","lastSeq":0}]`);
      await new Promise((r) => setTimeout(r, 2000));
      ws.terminate();
    }),
  );
  return { bytes, refused };
}

/**
 * Sockets that ask for a simul's log over and over and never read what they are sent. (A socket
 * that does not read does not see the server close it either: the server's memory tells.)
 */
export function slowReaders(url: string, simulId: string, sockets: number, network = '198.51.100.3'): { stop(): void } {
  let running = true;
  const open = new Set<WebSocket>();
  for (let s = 0; s < sockets; s++) {
    const ws = rawSocket(url, network);
    open.add(ws);
    ws.on('error', () => {});
    void joined(ws).then(() => {
      // Stop reading: what the server sends piles up on its side.
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      let i = 0;
      const ask = () => {
        if (!running || ws.readyState !== WebSocket.OPEN) return;
        ws.send(`42${i++}["simul:hello",{"v":2,"simulId":"${simulId}","lastSeq":0}]`);
        setTimeout(ask, 100);
      };
      ask();
    });
  }
  return {
    stop() {
      running = false;
      for (const ws of open) ws.terminate();
    },
  };
}

/** Resolves once the raw socket has joined Socket.IO's namespace (true), or was closed first (false). */
export function joined(ws: WebSocket): Promise<boolean> {
  return new Promise((resolve) => {
    ws.once('open', () => ws.send('40'));
    const onMessage = (data: unknown) => {
      if (!String(data).startsWith('40')) return;
      ws.off('message', onMessage);
      resolve(true);
    };
    ws.on('message', onMessage);
    ws.once('close', () => resolve(false));
  });
}

/**
 * A Socket.IO connection spoken by hand, so that it can misbehave as a real client would not.
 * It comes from `network` as a server that trusts 127.0.0.1 as its proxy sees it: each attack
 * from a network of its own, not the bystander's, as on a real network.
 */
export function rawSocket(url: string, network: string): WebSocket {
  return new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
    headers: { 'x-forwarded-for': network },
  });
}

/** Runs an attack of server/testing/attacker.ts in a process of its own; resolves with its figures. */
export function attackFromAnotherProcess<T extends object>(
  kind: 'flood' | 'hello-storm' | 'slow-readers',
  url: string,
  simulId: string,
  sockets: number,
  amount: number,
  /** Called when the attacker has loaded and begins: measure from here. */
  onStart: () => void = () => {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'attacker.ts'), kind, url, simulId, String(sockets), String(amount)], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Another machine in truth: here it shares two cores with the server and the bystander, so
    // it runs at the lowest priority to measure the server's fairness, not this machine's size.
    if (child.pid) setPriority(child.pid, 19);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const started = !out.includes('ready\n');
      out += chunk.toString();
      if (started && out.includes('ready\n')) onStart();
    });
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the ${kind} attacker exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as T);
    });
  });
}
