// Storage behind one interface: the room code never knows whether events live in memory,
// in SQLite or in Postgres. Every method returns a promise (Postgres answers over the
// network); the room decides and folds a command synchronously all the same, and only its
// acknowledgement and broadcast wait for the store (commit-queue.ts).
import type { SimulEvent } from '../../lib/simul/types';

/** Server-only secrets of one simul, never in the event log. */
export interface SimulCredentials {
  /** SHA-256 of the host key. */
  hostKeyHash: string;
  /** SHA-256 of each seat's token, by board number. */
  seatTokenHashes: Map<number, string>;
  /**
   * The room's other secrets by name (see server/room/room-credentials.ts: each bot's seed, each seat's
   * network and the networks the host blocked, as hashes): opaque text to the store.
   */
  secrets: Map<string, string>;
}

/** A secret set (or, with value null, deleted), committed together with the events that cause it. */
export interface SecretChange {
  name: string;
  value: string | null;
}

export interface LoadedSimul {
  events: SimulEvent[];
  credentials: SimulCredentials;
}

/** A change to one seat's credential, committed together with the events that cause it. */
export interface SeatCredentialChange {
  board: number;
  /** The new token's hash, or null when the seat is freed. */
  tokenHash: string | null;
}

/** One simul's part of a group commit. */
export interface AppendEntry {
  simulId: string;
  events: readonly SimulEvent[];
  seat?: SeatCredentialChange;
  secrets?: readonly SecretChange[];
  /**
   * The writer's lease epoch on this simul (see leases.ts): a store shared by several nodes
   * refuses the append when the simul's lease has moved on to a later epoch. A store that one
   * process owns alone (memory, SQLite) has no leases and ignores it.
   */
  epoch?: number;
}

/** Raised by a shared store when an append's epoch is no longer the simul's: another node owns it now. */
export class StaleEpochError extends Error {
  constructor(simulId: string, epoch: number | undefined) {
    super(`append to ${simulId} refused by the database: epoch ${epoch ?? 0} is no longer the owner's`);
    this.name = 'StaleEpochError';
  }
}

/**
 * Whether a store's error is a full disk: SQLite's SQLITE_FULL, Postgres's disk_full (53100), the
 * system's ENOSPC. Nothing was written; the same write succeeds once space is freed (a refusal of
 * its own, `storage-full`, not a fault of the server).
 */
export function isStorageFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC';
}

export interface EventStore {
  /** Records a new simul: its first event (simul-created, seq 1), its host key hash and its first secrets. */
  createSimul(simulId: string, hostKeyHash: string, created: SimulEvent, secrets?: readonly SecretChange[]): Promise<void>;
  /**
   * Appends events (seq-consecutive) and an optional seat credential change atomically.
   * When it returns, the events are durable: only then are they acknowledged and broadcast.
   */
  append(simulId: string, events: readonly SimulEvent[], seat?: SeatCredentialChange): Promise<void>;
  /** Appends several simuls' events in one transaction (one disk flush): all or none. */
  appendMany(entries: readonly AppendEntry[]): Promise<void>;
  /** The whole log and the credentials of a simul, or null if it is unknown. */
  load(simulId: string): Promise<LoadedSimul | null>;
  /** Ids of simuls whose log has no simul-finished event, oldest first. */
  unfinishedSimulIds(): Promise<string[]>;
  /** An unfinished simul whose simul-created event has this join code, or null. */
  simulWithCode(joinCode: string): Promise<string | null>;
  /**
   * Deletes simuls whose simul-finished event is older than `now - olderThanMs` (by its
   * `at`), with their events and credentials. Returns how many were deleted. Nothing is
   * ever pruned unless this is called.
   */
  pruneFinished(olderThanMs: number, now: number): Promise<number>;
  close(): Promise<void>;
}
