// A client that keeps its own copy of a simul, the way the browser does: it folds the events
// it receives with the shared evolve(), and after losing the server it reconnects and catches
// up with hello { lastSeq, credential }. Used by tests that kill and restart the server.
import type { HelloReply } from '../../lib/protocol/events';
import { evolve, initialState, replay } from '../../lib/simul/evolve';
import type { BoardState, SimulEvent, SimulState } from '../../lib/simul/types';
import { TestClient } from './test-client';
import type { Credential, Reply } from './simul-fixture';

/** The request could not be answered: the server went away before or while it was sent. */
export class Disconnected extends Error {}

interface Waiter {
  ready: () => boolean;
  resolve: () => void;
}

export class SimulPlayer {
  state: SimulState = initialState();
  /** The events folded into `state`, in order: this client's copy of the log. */
  log: SimulEvent[] = [];
  /** Hellos whose reply said the copy was unusable: after the first, a sign of lost events. */
  resets = 0;
  private client: TestClient | null = null;
  private waiters: Waiter[] = [];
  /** Events received ahead of a gap, by seq, until the gap is filled. */
  private early = new Map<number, SimulEvent>();

  constructor(
    readonly name: string,
    readonly simulId: string,
    readonly credential: Credential,
  ) {}

  board(number: number): BoardState {
    const board = this.state.boards.get(number);
    if (!board) throw new Error(`${this.name} has no board ${number}`);
    return board;
  }

  /** Opens a fresh socket to `url` and catches up from the last event this copy holds. */
  async connect(url: string): Promise<HelloReply> {
    this.client?.close();
    const client = new TestClient(url);
    this.client = client;
    this.early.clear();
    client.socket.on('simul:events', (events) => this.fold(events));
    await client.connected();
    const reply = await client.send('simul:hello', { v: 2, simulId: this.simulId, lastSeq: this.state.seq, ...this.credential });
    if (!reply.ok) throw new Error(`${this.name}: hello refused: ${JSON.stringify(reply.error)}`);
    const hello = reply as unknown as HelloReply;
    if (hello.kind !== 'reset' && hello.kind !== 'delta') throw new Error(`${this.name}: a ${hello.kind} hello`);
    if (hello.kind === 'reset') {
      if (this.state.seq > 0) this.resets++;
      this.state = replay(hello.events);
      this.log = [...hello.events];
      this.fold([]);
    } else {
      this.fold(hello.events);
    }
    return hello;
  }

  /** Sends a command; throws Disconnected when the server is not there to answer it. */
  async send(payload: object): Promise<Reply> {
    const client = this.client;
    if (!client?.socket.connected) throw new Disconnected(`${this.name} is not connected`);
    try {
      return await client.send('simul:command', payload);
    } catch (err) {
      throw new Disconnected(`${this.name}: ${(err as Error).message}`);
    }
  }

  /** Resolves when `ready()` holds for this copy, checked after every event folded in. */
  waitUntil(ready: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`${this.name}: timed out waiting for ${what} (at seq ${this.state.seq})`));
      }, timeoutMs);
      const waiter: Waiter = {
        ready,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  close(): void {
    this.client?.close();
    this.client = null;
  }

  /**
   * Folds events in seq order. A broadcast may arrive ahead of the hello reply that fills the gap
   * before it (the reply is read after the packets decoded with it): such events wait here.
   */
  private fold(events: SimulEvent[]): void {
    for (const e of events) if (e.seq > this.state.seq) this.early.set(e.seq, e);
    for (let next = this.early.get(this.state.seq + 1); next; next = this.early.get(this.state.seq + 1)) {
      this.early.delete(next.seq);
      evolve(this.state, next);
      this.log.push(next);
    }
    for (const seq of this.early.keys()) if (seq <= this.state.seq) this.early.delete(seq);
    this.notify();
  }

  private notify(): void {
    const done = this.waiters.filter((w) => w.ready());
    this.waiters = this.waiters.filter((w) => !done.includes(w));
    for (const w of done) w.resolve();
  }
}
