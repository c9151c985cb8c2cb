// A session: one connection's place in one room. The room holds its sessions (who each
// presented what, what it listens to, where it stands in the log) and speaks to them through
// a SessionLink, which knows nothing of the room and the room nothing of the transport: send a
// frame, close. The Socket.IO side (server/transport/) is one such transport; a test or another
// transport can give its own.
import type { ServerToClientEvents } from '../../lib/protocol/events';

export type ServerEvent = keyof ServerToClientEvents;
export type ServerPayload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

/**
 * Why a room closes a connection. 'elsewhere': the room left this node (its lease was lost,
 * its commit failed): the client reconnects by itself and finds the simul wherever it runs now.
 */
export type CloseReason = 'elsewhere';

/** What a room needs of one connection. */
export interface SessionLink {
  /** Unique among the transport's open connections. */
  readonly id: string;
  send<E extends ServerEvent>(event: E, payload: ServerPayload<E>): void;
  close(reason: CloseReason): void;
}

/**
 * One frame to many connections. A transport that can encode a frame once for all (Socket.IO
 * can) gives its own; the default sends it to each.
 */
export type SendMany = <E extends ServerEvent>(links: readonly SessionLink[], event: E, payload: ServerPayload<E>) => void;

export const sendToEach: SendMany = (links, event, payload) => {
  for (const link of links) link.send(event, payload);
};

/** Parts of frames that the room sends again and again, never changed once sent (see sentUnchanged). */
const unchanged = new WeakSet<object>();

/**
 * Marks `part` (a payload, or a value of a payload's field) as sent in many frames and never
 * changed afterwards: the latest summary, riding on every board's frame; a watchers' pass's
 * events, slice after slice. A transport may encode it once and reuse its encoding.
 */
export function sentUnchanged<T extends object>(part: T): T {
  unchanged.add(part);
  return part;
}

/** Whether `part` was marked by sentUnchanged. */
export function isSentUnchanged(part: unknown): part is object {
  return typeof part === 'object' && part !== null && unchanged.has(part);
}

/**
 * What a session presented at hello, kept as the secret's hash. It is checked against the
 * room's current credentials on every command: a freed or re-issued seat's old token grants
 * nothing from the moment the event that changes the seat is decided.
 */
export type Credential = { kind: 'host'; hash: string } | { kind: 'seat'; hash: string } | { kind: 'none' };

/** What a session hears: the whole simul, or (a seated student's phone) its own board. */
export type Listening = { to: 'simul' } | { to: 'board'; board: number };

export class RoomSession {
  /** The seat it held when it said hello or joined: told if that seat is freed or re-issued. */
  seat: number | null = null;
  /** The seq up to which a paged hello was served: asking from there is the same hello, not a new one. */
  pagedUpTo: number | null = null;

  constructor(
    readonly link: SessionLink,
    /** The connection's network, the key of the budgets it shares with its neighbours. */
    readonly network: string,
    public credential: Credential,
    public listening: Listening,
  ) {}

  /** Whether a hello asking from `lastSeq` only fetches the next page of the one this session is being served. */
  continuesFrom(lastSeq: number): boolean {
    return lastSeq > 0 && this.pagedUpTo === lastSeq;
  }
}
