// The typed Socket.IO event maps: the whole wire protocol in one place.
import type { SimulSnapshot } from '../simul/snapshot';
import type { Rejection, SimulEvent } from '../simul/types';

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: Rejection };

export type Role = 'host' | 'opponent' | 'spectator';

export interface HelloReply {
  role: Role;
  board: number | null;
  /** Events after the client's lastSeq; the whole log when `reset` is true. */
  events: SimulEvent[];
  /** The client's copy is unusable (new, or ahead of the server): replace it with `events`. */
  reset: boolean;
  /** A long log comes in pages: more events follow; say hello again with the new last seq. */
  more: boolean;
  /**
   * Instead of the events, for a client that asked for the state and is new or far behind:
   * the state at `snapshot.seq`. `events` is then empty.
   */
  snapshot?: SimulSnapshot;
  /** The server's clock when it replied, so a browser can show waits in server time. */
  serverNow: number;
}

export interface ClientToServerEvents {
  'simul:create': (
    input: unknown,
    ack: (res: Ack<{ simulId: string; hostKey: string; joinCode: string }>) => void,
  ) => void;
  'simul:hello': (input: unknown, ack: (res: Ack<HelloReply>) => void) => void;
  'simul:join': (
    input: unknown,
    ack: (res: Ack<{ board: number; seatToken: string; playerId: string }>) => void,
  ) => void;
  'simul:command': (input: unknown, ack: (res: Ack<{ seatToken?: string }>) => void) => void;
}

export interface ServerToClientEvents {
  'simul:events': (events: SimulEvent[]) => void;
  /** This socket's seat was freed or re-issued to another device: it now only watches. */
  'simul:revoked': (info: { board: number; reason: 'freed' | 'reissued' }) => void;
}

/** Larger payloads are refused by the transport. */
export const MAX_PAYLOAD_BYTES = 8 * 1024;
