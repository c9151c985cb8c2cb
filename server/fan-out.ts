// Who hears what, once events are durable. The whole stream goes to the simul's listeners; each
// board's events, numbered per board, to that board's listeners; and a summary of the rest to
// every student, coalesced: at most one per simul per SUMMARY_EVERY_MS, except that a student
// whose board changes place (the host arrives, it joins or leaves the queue) hears it at once.
import type { Server } from 'socket.io';
import type { BoardEvents, ClientToServerEvents, ServerToClientEvents } from '../lib/protocol/events';
import { placeOf, summarize, type SimulSummary } from '../lib/simul/summary';
import type { SimulEvent, SimulState } from '../lib/simul/types';
import { boardRoom, simulRoom, studentsRoom } from './room-names';

export const SUMMARY_EVERY_MS = 250;

type Io = Server<ClientToServerEvents, ServerToClientEvents>;

interface Pending {
  /** The summary of the durable state: what the next coalesced emission sends. */
  latest: SimulSummary;
  places: Map<number, string>;
  lastSentAt: number;
  timer: NodeJS.Timeout | null;
}

export class FanOut {
  private summaries = new Map<string, Pending>();

  constructor(
    private io: Io,
    /** Real time: pacing is about the network, whatever clock the simuls run on. */
    private now: () => number = () => performance.now(),
  ) {}

  /** `state` is the durable state after `events`; `boards`, the same events per board. */
  publish(simulId: string, state: SimulState, events: SimulEvent[], boards: BoardEvents[]): void {
    this.io.to(simulRoom(simulId)).emit('simul:events', events);
    for (const batch of boards) this.io.to(boardRoom(simulId, batch.board)).emit('board:events', batch);
    this.summaryChanged(simulId, state);
  }

  /** The summary a board listener's hello carries, as the coalesced one would. */
  private summaryChanged(simulId: string, state: SimulState): void {
    const latest = summarize(state);
    let pending = this.summaries.get(simulId);
    if (!pending) {
      pending = { latest, places: new Map(), lastSentAt: -Infinity, timer: null };
      this.summaries.set(simulId, pending);
    }
    const phaseChanged = pending.latest.phase !== latest.phase;
    pending.latest = latest;
    for (const { board } of latest.boards) {
      const place = placeOf(latest, board);
      if (pending.places.get(board) !== place) {
        if (pending.places.has(board)) this.io.to(boardRoom(simulId, board)).emit('simul:summary', latest);
        pending.places.set(board, place);
      }
    }
    if (phaseChanged || latest.phase === 'finished') return this.send(simulId, pending);
    if (!pending.timer) {
      const wait = Math.max(0, pending.lastSentAt + SUMMARY_EVERY_MS - this.now());
      pending.timer = setTimeout(() => this.send(simulId, pending), wait);
    }
  }

  private send(simulId: string, pending: Pending): void {
    if (pending.timer) clearTimeout(pending.timer);
    pending.timer = null;
    pending.lastSentAt = this.now();
    this.io.to(studentsRoom(simulId)).emit('simul:summary', pending.latest);
    if (pending.latest.phase === 'finished') this.summaries.delete(simulId);
  }

  close(): void {
    for (const p of this.summaries.values()) if (p.timer) clearTimeout(p.timer);
    this.summaries.clear();
  }
}
