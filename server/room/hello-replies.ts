// What a hello is answered with: a page of the log, the state, or a board's events.
import type { HelloReply } from '../../lib/protocol/events';
import type { SimulSnapshot } from '../../lib/simul/snapshot';
import { summarize } from '../../lib/simul/summary';
import type { SimulState } from '../../lib/simul/types';
import type { LogPages } from './log-pages';

/** What a hello is answered from: the room's state, its log's pages, and its durable snapshot. */
interface HelloSource {
  readonly state: SimulState;
  readonly pages: LogPages;
  /** The durable state as plain data, or null while some events still wait for their commit. */
  snapshot(): SimulSnapshot | null;
}

/** A client this many events behind gets a snapshot, if it asked for the state. */
export const SNAPSHOT_AFTER_EVENTS = 200;

/** A hello's answer without who the session is (the room adds that). */
export type HelloBody = HelloReply extends infer R ? (R extends HelloReply ? Omit<R, 'role' | 'board' | 'serverNow'> : never) : never;

/** What a simul listener is sent: a page of the log, or a snapshot for a client that needs only the state. */
export function helloReply(room: HelloSource, lastSeq: number, want: 'log' | 'state'): { body: HelloBody; bytes: number } {
  const missing = room.pages.pageAfter(lastSeq);
  const reset = lastSeq === 0 || missing === null;
  const behind = room.state.seq - (missing ? lastSeq : 0);
  // A client that needs only the position, new or far behind, gets the state, not the log.
  if (want === 'state' && (reset || behind > SNAPSHOT_AFTER_EVENTS)) {
    const snapshot = room.snapshot();
    if (snapshot) {
      return { body: { kind: 'snapshot', snapshot, boardSeq: null }, bytes: JSON.stringify(snapshot).length };
    }
  }
  if (!reset) return { body: { kind: 'delta', events: missing!.events, more: missing!.more }, bytes: missing!.bytes };
  // A new copy: the state as it stands, so that the client replays no chess, and the log from
  // its start, in pages, for the history. While an event waits for its commit the state is ahead
  // of the log: then no snapshot, and the client folds the pages as they come.
  const snapshot = room.snapshot();
  const page = room.pages.pageAfter(0)!;
  return {
    body: { kind: 'reset', snapshot, events: page.events, more: page.more },
    bytes: page.bytes + (snapshot ? JSON.stringify(snapshot).length : 0),
  };
}

/**
 * What a board listener is sent: its board's events after its `boardSeq` and the summary, or,
 * new or far behind, the state. Null while an event waits for its commit (say hello again).
 */
export function boardHelloReply(room: HelloSource, board: number, boardSeq: number): { body: HelloBody; bytes: number } | null {
  const snapshot = room.snapshot();
  if (!snapshot) return null;
  const missing = boardSeq > 0 ? room.pages.boardEventsAfter(board, boardSeq) : null;
  const body: HelloBody =
    missing && missing.length <= SNAPSHOT_AFTER_EVENTS
      ? { kind: 'board-delta', from: boardSeq + 1, events: missing, summary: summarize(room.state) }
      : { kind: 'snapshot', snapshot, boardSeq: room.pages.boardSeq(board) };
  return { body, bytes: JSON.stringify(body).length };
}
