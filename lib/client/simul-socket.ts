// The socket a simul's screen talks through: what the sync and the outbox need of it, and the
// one place the app opens a real one (the Socket.IO protocol over a WebSocket: wire-socket.ts).
// Tests hand the parts a fake (testing/fake-socket.ts) with the same shape.
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events';
import { WireSocket } from './wire-socket';

/** What a client hears: the server's events, and its own link coming and going. */
export type Heard = ServerToClientEvents & { connect: () => void; disconnect: () => void };

/** The answer the server gives to `event` (what its acknowledgement callback receives). */
export type AnswerOf<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

export interface SimulSocket {
  readonly connected: boolean;
  on<E extends keyof Heard>(event: E, listener: Heard[E]): unknown;
  /** Sends `event` and waits for its answer; rejects after `ms` without one. */
  timeout(ms: number): {
    emitWithAck<E extends keyof ClientToServerEvents>(event: E, input: Parameters<ClientToServerEvents[E]>[0]): Promise<AnswerOf<E>>;
  };
  close(): unknown;
  /** Opens the link now when it is down, instead of at the next retry (nothing when it is up). */
  reconnectNow(): void;
}

/** A real socket to this page's server (or to `url`), reconnecting by itself; its handshake names the simul, for the load balancer. */
export function openSimulSocket(url?: string, simulId?: string): SimulSocket {
  const socket = new WireSocket({ url, reconnectionDelay: 500, reconnectionDelayMax: 2000, ...(simulId ? { query: { simul: simulId } } : {}) });
  return socket as unknown as SimulSocket;
}
