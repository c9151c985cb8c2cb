// Who hears what, once events are durable. The whole stream goes to the simul's listeners; each
// board's events, numbered per board, to that board's listeners; and a summary of the rest to
// every student, coalesced. The simul's summary goes out at most once per SUMMARY_EVERY_MS; a
// student whose board changes place (the host arrives, it joins or leaves the queue) hears it at
// once; and no student hears two summaries within QUIET_MS, whatever the load (a change of
// place that comes sooner is heard when that time is up).
import type { Server } from 'socket.io';
import type { BoardEvents, ClientToServerEvents, ServerToClientEvents } from '../../lib/protocol/events';
import { placesOf, summarize, type SimulSummary } from '../../lib/simul/summary';
import type { SimulEvent, SimulState } from '../../lib/simul/types';
import { boardRoom, simulRoom, studentsRoom } from '../transport/room-names';

export const SUMMARY_EVERY_MS = 1000;
export const QUIET_MS = 250;

type Io = Server<ClientToServerEvents, ServerToClientEvents>;

interface Summaries {
  /** The summary of the durable state: what the next emission sends. */
  latest: SimulSummary;
  places: Map<number, string>;
  /** When each board last heard a summary. */
  heardAt: Map<number, number>;
  /** Boards that are to hear the latest summary as soon as their quiet time is up. */
  owed: Set<number>;
  lastSentAt: number;
  /** The next summary to every student, and the next to the boards owed one. */
  timer: NodeJS.Timeout | null;
  owedTimer: NodeJS.Timeout | null;
}

/** What one turn published for one simul, waiting for the turn's end. */
interface Pending {
  state: SimulState;
  events: SimulEvent[];
  boards: Map<number, BoardEvents>;
}

export class FanOut {
  private simuls = new Map<string, Summaries>();
  private pending = new Map<string, Pending>();
  private flushing: NodeJS.Immediate | null = null;

  constructor(
    private io: Io,
    /** Real time: pacing is about the network, whatever clock the simuls run on. */
    private now: () => number = () => performance.now(),
  ) {}

  /**
   * `state` is the durable state after `events`; `boards`, the same events per board. Sent at
   * the end of the turn, after the commands' acknowledgements (a mover never waits for the fan-out
   * to every spectator), and coalesced: each listener gets one frame per turn, however many
   * commits the turn made.
   */
  publish(simulId: string, state: SimulState, events: SimulEvent[], boards: BoardEvents[]): void {
    let p = this.pending.get(simulId);
    if (!p) this.pending.set(simulId, (p = { state, events: [], boards: new Map() }));
    p.state = state;
    p.events.push(...events);
    for (const batch of boards) {
      const held = p.boards.get(batch.board);
      if (held) held.events.push(...batch.events);
      else p.boards.set(batch.board, { board: batch.board, from: batch.from, events: [...batch.events] });
    }
    this.flushing ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushing = null;
    const pending = this.pending;
    this.pending = new Map();
    for (const [simulId, p] of pending) {
      this.io.to(simulRoom(simulId)).emit('simul:events', p.events);
      for (const batch of p.boards.values()) this.io.to(boardRoom(simulId, batch.board)).emit('board:events', batch);
      this.summaryChanged(simulId, p.state);
    }
  }

  private summaryChanged(simulId: string, state: SimulState): void {
    const latest = summarize(state);
    let s = this.simuls.get(simulId);
    if (!s) {
      s = { latest, places: new Map(), heardAt: new Map(), owed: new Set(), lastSentAt: -Infinity, timer: null, owedTimer: null };
      this.simuls.set(simulId, s);
    }
    const phaseChanged = s.latest.phase !== latest.phase;
    s.latest = latest;
    for (const [board, place] of placesOf(latest)) {
      if (s.places.get(board) === place) continue;
      if (s.places.has(board)) s.owed.add(board);
      s.places.set(board, place);
    }
    if (phaseChanged || latest.phase === 'finished') return this.send(simulId, s);
    this.deliverOwed(simulId, s);
    if (!s.timer) {
      const wait = Math.max(0, s.lastSentAt + SUMMARY_EVERY_MS - this.now());
      s.timer = setTimeout(() => this.send(simulId, s), wait);
    }
  }

  private quiet(s: Summaries, board: number, t: number): boolean {
    return t - (s.heardAt.get(board) ?? -Infinity) < QUIET_MS;
  }

  /** The latest summary to every student, but those that heard one too recently: they are owed it. */
  private send(simulId: string, s: Summaries): void {
    if (s.timer) clearTimeout(s.timer);
    s.timer = null;
    const t = this.now();
    const finished = s.latest.phase === 'finished';
    const quiet = finished ? [] : s.latest.boards.map((b) => b.board).filter((b) => this.quiet(s, b, t));
    this.io
      .to(studentsRoom(simulId))
      .except(quiet.map((b) => boardRoom(simulId, b)))
      .emit('simul:summary', s.latest);
    s.lastSentAt = t;
    for (const { board } of s.latest.boards) {
      if (quiet.includes(board)) s.owed.add(board);
      else {
        s.heardAt.set(board, t);
        s.owed.delete(board);
      }
    }
    if (finished) {
      if (s.owedTimer) clearTimeout(s.owedTimer);
      this.simuls.delete(simulId);
      return;
    }
    this.deliverOwed(simulId, s);
  }

  /** A board owed the summary hears it now if it may, or when its quiet time is up. */
  private deliverOwed(simulId: string, s: Summaries): void {
    if (s.owedTimer) clearTimeout(s.owedTimer);
    s.owedTimer = null;
    const t = this.now();
    for (const board of s.owed) {
      if (this.quiet(s, board, t)) continue;
      this.io.to(boardRoom(simulId, board)).emit('simul:summary', s.latest);
      s.heardAt.set(board, t);
      s.owed.delete(board);
    }
    if (s.owed.size === 0) return;
    const next = Math.min(...[...s.owed].map((b) => s.heardAt.get(b)! + QUIET_MS));
    s.owedTimer = setTimeout(() => this.deliverOwed(simulId, s), Math.max(0, next - t));
  }

  close(): void {
    if (this.flushing) clearImmediate(this.flushing);
    this.flushing = null;
    this.pending.clear();
    for (const s of this.simuls.values()) {
      if (s.timer) clearTimeout(s.timer);
      if (s.owedTimer) clearTimeout(s.owedTimer);
    }
    this.simuls.clear();
  }
}
