// The typed Socket.IO event maps: the whole wire protocol in one place.
//
// Version 2. A client says hello with the version it speaks and what it listens to:
// - 'simul': every event of the simul (host console, projector, review, a phone before it sits).
// - 'board': a seated student's own board's events, numbered per board so that a gap is seen,
//   and a coalesced summary of the rest (where the host is, the queue, the phase, results).
// A client that speaks another version is told to reload, never refused as a bad payload.
import type { CommandInput } from './schemas';
import type { SimulSnapshot } from '../simul/snapshot';
import type { SimulSummary } from '../simul/summary';
import type { Rejection, SimulEvent } from '../simul/types';

export const PROTOCOL_VERSION = 2;

/** A simul's id as the server makes them (schemas.ts checks every id a client sends with it; a page writes no other into a script). */
export const SIMUL_ID_PATTERN = /^[a-z0-9]{6,20}$/;

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: Rejection };

export type Role = 'host' | 'opponent' | 'spectator';
export type Listen = 'simul' | 'board';

interface HelloCommon {
  role: Role;
  board: number | null;
  /** The server's clock when it replied, so a browser can show waits in server time. */
  serverNow: number;
}

export type HelloReply = HelloCommon &
  (
    | {
        /**
         * The client's copy is unusable (new, or ahead of the server): replace it. `snapshot` is
         * the state as it stands, so that no position is replayed, or null while an event waits
         * for its commit (then the client folds the log); `events` are the log's first page, for
         * the history (the figures, the downloads).
         */
        kind: 'reset';
        snapshot: SimulSnapshot | null;
        events: SimulEvent[];
        /** A long log comes in pages: say hello again with the last seq for the next. */
        more: boolean;
      }
    | { kind: 'delta'; events: SimulEvent[]; more: boolean }
    | {
        /** The state at `snapshot.seq`, for a client that needs the position, not the history. */
        kind: 'snapshot';
        snapshot: SimulSnapshot;
        /** For a board listener: how many of its board's events the snapshot holds. */
        boardSeq: number | null;
      }
    | {
        /** A board listener's catch-up: its board's events numbered from `from`, and the summary. */
        kind: 'board-delta';
        from: number;
        events: SimulEvent[];
        summary: SimulSummary;
      }
  );

/** One board's events for its listeners: the first is the board's event number `from`. */
export interface BoardEvents {
  board: number;
  from: number;
  events: SimulEvent[];
  /** The simul's summary after these events, when the board had not heard it: one frame, not two. */
  summary?: SimulSummary;
}

/** What each command is acknowledged with. */
interface CommandAcks {
  'reissue-seat': { seatToken: string };
}
export type CommandAck<T extends CommandInput['type']> = T extends keyof CommandAcks ? CommandAcks[T] : object;

export interface ClientToServerEvents {
  'simul:create': (
    input: unknown,
    ack: (res: Ack<{ simulId: string; hostKey: string; joinCode: string }>) => void,
  ) => void;
  /** Two simuls, sync and async, played by bots on simulated clocks, racing (see EXHIBITION_LIMITS). */
  'exhibition:start': (input: unknown, ack: (res: Ack<{ sync: string; async: string; hostKey: string }>) => void) => void;
  /** Ends both simuls of an exhibition: `hostKey` is the one its start answered with (kept by that page). */
  'exhibition:stop': (input: unknown, ack: (res: Ack) => void) => void;
  'simul:hello': (input: unknown, ack: (res: Ack<HelloReply>) => void) => void;
  'simul:join': (
    input: unknown,
    ack: (res: Ack<{ board: number; seatToken: string; playerId: string }>) => void,
  ) => void;
  'simul:command': (input: unknown, ack: (res: Ack<Partial<CommandAcks[keyof CommandAcks]>>) => void) => void;
}

export interface ServerToClientEvents {
  'simul:events': (events: SimulEvent[]) => void;
  'board:events': (batch: BoardEvents) => void;
  'simul:summary': (summary: SimulSummary) => void;
  /** This socket's seat was freed or re-issued to another device: it now only watches. */
  'simul:revoked': (info: { board: number; reason: 'freed' | 'reissued' }) => void;
}

/** Larger payloads are refused by the transport. */
export const MAX_PAYLOAD_BYTES = 8 * 1024;
