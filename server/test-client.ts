// Test support: a real server on a free port and real socket.io-client sockets.
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../lib/protocol/events';
import type { SimulEvent } from '../lib/simul/types';
import { startServer, type RunningServer } from './app';
import { DEFAULT_LIMITS, type HandlerLimits } from './socket-handlers';
import { MemoryEventStore } from './store/memory-store';
import type { EventStore } from './store/event-store';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public t = Date.UTC(2026, 10, 25, 9, 0, 0)) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export async function startTestServer(
  opts: { store?: EventStore; clock?: TestClock; limits?: HandlerLimits } = {},
): Promise<RunningServer & { clock: TestClock; store: EventStore }> {
  const clock = opts.clock ?? new TestClock();
  const store = opts.store ?? new MemoryEventStore();
  // Tests create many simuls and say hello often from one address: only the tests of those
  // limits set them low.
  const limits = opts.limits ?? { ...DEFAULT_LIMITS, hellosPerSecond: 1000, helloBurst: 1000, simulsPerAddressPerHour: 10_000 };
  const server = await startServer({ port: 0, host: '127.0.0.1', store, now: clock.now, limits });
  return { ...server, clock, store };
}

/** A connected client that records every broadcast event it receives. */
export class TestClient {
  readonly received: SimulEvent[] = [];
  readonly socket: ClientSocket;

  constructor(url: string) {
    this.socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    this.socket.on('simul:events', (events) => this.received.push(...events));
  }

  async connected(): Promise<this> {
    if (!this.socket.connected) await new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
    return this;
  }

  /** Sends an event and waits for its acknowledgement. */
  send<E extends keyof ClientToServerEvents>(event: E, payload: unknown): Promise<Ack<Record<string, unknown>>> {
    return (this.socket.timeout(5000) as unknown as { emitWithAck: (e: string, p: unknown) => Promise<never> }).emitWithAck(
      event,
      payload,
    );
  }

  /** Resolves with the first broadcast event that matches, already received or still to come. */
  waitFor(match: (e: SimulEvent) => boolean, timeoutMs = 5000): Promise<SimulEvent> {
    const found = this.received.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onEvents = (events: SimulEvent[]) => {
        const hit = events.find(match);
        if (!hit) return;
        clearTimeout(timer);
        this.socket.off('simul:events', onEvents);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        this.socket.off('simul:events', onEvents);
        reject(new Error('timed out waiting for an event'));
      }, timeoutMs);
      this.socket.on('simul:events', onEvents);
    });
  }

  close(): void {
    this.socket.close();
  }
}
