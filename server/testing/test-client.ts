// Test support: a real server on a free port and real socket.io-client sockets.
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../lib/protocol/events';
import type { SimulEvent } from '../../lib/simul/types';
import { startServer, type RunningServer, type ServerOptions } from '../app';
import { DEFAULT_LIMITS, type ServerLimits } from '../guards/limits';
import { MemoryEventStore } from '../store/memory-store';
import type { EventStore } from '../store/event-store';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A clock the test moves by hand. */
class TestClock {
  constructor(public t = Date.UTC(2026, 10, 25, 9, 0, 0)) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

/**
 * Tests create many simuls, open many sockets and say hello often, all from this one machine:
 * only the tests of a limit set it low.
 */
export const RAISED_LIMITS: ServerLimits = {
  ...DEFAULT_LIMITS,
  hellosPerSecond: 1000,
  helloBurst: 1000,
  helloByteBurst: 1e9,
  addressHelloByteBurst: 1e9,
  addressCommandBurst: 1e6,
  addressCommandsPerSecond: 1e6,
  connectionsPerAddress: 10_000,
  newConnectionsPerMinute: 100_000,
  missedLookupsPerMinute: 10_000,
  joinsPerAddressPerMinute: 10_000,
  simulsPerAddressPerHour: 10_000,
};

export async function startTestServer(
  opts: Partial<Pick<ServerOptions, 'store' | 'limits' | 'budgetClock' | 'trustedProxies' | 'allowedOrigins'>> & { clock?: TestClock } = {},
): Promise<RunningServer & { clock: TestClock; store: EventStore }> {
  const clock = opts.clock ?? new TestClock();
  const store = opts.store ?? new MemoryEventStore();
  const server = await startServer({ limits: RAISED_LIMITS, ...opts, port: 0, host: '127.0.0.1', store, now: clock.now });
  return { ...server, clock, store };
}

/** A connected client that records every broadcast event it receives. */
export class TestClient {
  readonly received: SimulEvent[] = [];
  readonly socket: ClientSocket;

  /** `headers`: sent with the handshake (an Origin, an X-Forwarded-For behind a trusted proxy). */
  constructor(url: string, headers?: Record<string, string>) {
    this.socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
    this.socket.on('simul:events', (events) => this.received.push(...events));
  }

  async connected(): Promise<this> {
    if (!this.socket.connected) await new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
    return this;
  }

  /** Resolves with the handshake's refusal, or null when the connection was accepted. */
  refusal(): Promise<string | null> {
    if (this.socket.connected) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.socket.once('connect', () => resolve(null));
      this.socket.once('connect_error', (err) => resolve(err.message));
    });
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
