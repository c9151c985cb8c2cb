// A room's log as it is served: in pages of at most LOG_PAGE_BYTES (a hello's), and per board,
// numbered from 1 (what a seated phone hears and catches up from, hello-replies.ts). Only
// durable events are served: those up to `committedSeq`.
import type { BoardEvents } from '../../lib/protocol/events';
import type { SimulEvent } from '../../lib/simul/types';

/** A hello's page of the log: at most about this many bytes of events. */
const LOG_PAGE_BYTES = 128 * 1024;

export class LogPages {
  /** JSON size of each log event, filled in as hellos need them. */
  private eventBytes: number[] = [];
  /** Each board's durable events, in order: what its listeners hear and catch up from. */
  private boardLogs = new Map<number, SimulEvent[]>();

  constructor(
    /** The room's whole log, durable or not (the room appends to it). */
    private readonly log: readonly SimulEvent[],
    /** Seq of the last durable event: only these are served to clients. */
    public committedSeq: number,
  ) {}

  /** Events up to `seq` are durable. */
  committedUpTo(seq: number): void {
    this.committedSeq = Math.max(this.committedSeq, seq);
  }

  /** Files durable events under the boards they concerned (`boards`, one list per event); returns them per board, numbered. */
  file(events: readonly SimulEvent[], boards: number[][]): BoardEvents[] {
    const batches = new Map<number, BoardEvents>();
    for (const [i, e] of events.entries()) {
      for (const board of boards[i]) {
        let log = this.boardLogs.get(board);
        if (!log) this.boardLogs.set(board, (log = []));
        log.push(e);
        let batch = batches.get(board);
        if (!batch) batches.set(board, (batch = { board, from: log.length, events: [] }));
        batch.events.push(e);
      }
    }
    return [...batches.values()];
  }

  /** How many durable events board `board` has had. */
  boardSeq(board: number): number {
    return this.boardLogs.get(board)?.length ?? 0;
  }

  /** Board `board`'s durable events after its `boardSeq`-th, or null when that is not one of them. */
  boardEventsAfter(board: number, boardSeq: number): SimulEvent[] | null {
    const log = this.boardLogs.get(board) ?? [];
    return boardSeq > log.length ? null : log.slice(boardSeq);
  }

  /**
   * A page of the durable events after `seq`: as many as fit in `maxBytes` (at least one),
   * with their size and whether more follow. Null when `seq` does not belong to this log.
   */
  pageAfter(seq: number, maxBytes = LOG_PAGE_BYTES): { events: SimulEvent[]; bytes: number; more: boolean } | null {
    if (seq > this.committedSeq) return null;
    for (let i = this.eventBytes.length; i < this.committedSeq; i++) this.eventBytes.push(JSON.stringify(this.log[i]).length);
    let end = seq;
    let bytes = 0;
    while (end < this.committedSeq && (end === seq || bytes + this.eventBytes[end] <= maxBytes)) bytes += this.eventBytes[end++];
    return { events: this.log.slice(seq, end), bytes, more: end < this.committedSeq };
  }
}
