// Who of a room's sessions hears what, once events are durable. The whole stream goes to the
// simul's listeners; each board's events, numbered per board, to that board's listeners; and a
// summary of the rest to every student, coalesced. The summary goes out at most once per
// SUMMARY_EVERY_MS; a student whose board changes place (the host arrives, it joins or leaves the
// queue) hears it at once; and no student hears two summaries within QUIET_MS, whatever the load
// (a change of place that comes sooner is heard when that time is up).
//
// Frames are sent at the end of the turn, after the commands' acknowledgements (a mover never
// waits for the fan-out to every spectator), and coalesced: each session gets one frame per turn
// of each kind, however many commits the turn made.
import type { BoardEvents } from '../../lib/protocol/events';
import { placesOf, summarize, type SimulSummary } from '../../lib/simul/summary';
import type { SimulEvent, SimulState } from '../../lib/simul/types';
import type { RoomSession, SendMany, SessionLink } from './room-session';

export const SUMMARY_EVERY_MS = 1000;
export const QUIET_MS = 250;

/** What one turn published, waiting for the turn's end. */
interface Pending {
  state: SimulState;
  events: SimulEvent[];
  boards: Map<number, BoardEvents>;
}

export class RoomListeners {
  /** Sessions that hear the whole simul. */
  private simul = new Set<RoomSession>();
  /** Sessions that hear one board (and the summary), by board. */
  private boards = new Map<number, Set<RoomSession>>();
  /** Sessions holding a seat, whatever they hear, by board: told when it is revoked. */
  private seats = new Map<number, Set<RoomSession>>();

  private pending: Pending | null = null;
  private flushing: NodeJS.Immediate | null = null;

  /** The summary of the durable state: what the next emission sends. */
  private latest: SimulSummary | null = null;
  private places = new Map<number, string>();
  /** When each board last heard a summary. */
  private heardAt = new Map<number, number>();
  /** Boards that are to hear the latest summary as soon as their quiet time is up. */
  private owed = new Set<number>();
  private lastSentAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private owedTimer: NodeJS.Timeout | null = null;

  constructor(
    private sendMany: SendMany,
    /** Real time: pacing is about the network, whatever clock the simul runs on. */
    private now: () => number = () => performance.now(),
  ) {}

  /** Whether any session listens to the room or holds one of its seats. */
  get size(): number {
    return this.simul.size + count(this.boards) + count(this.seats);
  }

  add(session: RoomSession): void {
    const l = session.listening;
    if (l.to === 'simul') this.simul.add(session);
    else setOf(this.boards, l.board).add(session);
    if (session.seat !== null) setOf(this.seats, session.seat).add(session);
  }

  remove(session: RoomSession): void {
    this.simul.delete(session);
    for (const map of [this.boards, this.seats]) {
      for (const [board, set] of map) if (set.delete(session) && set.size === 0) map.delete(board);
    }
  }

  /** Every session, for closing them all. */
  all(): RoomSession[] {
    return [...new Set([...this.simul, ...[...this.boards.values()].flatMap((s) => [...s]), ...[...this.seats.values()].flatMap((s) => [...s])])];
  }

  /**
   * A seat's holders are told it was freed or re-issued: they stop hearing its board and the
   * summary (the room already refuses their credential); one that hears the whole simul goes on.
   */
  revoke(board: number, reason: 'freed' | 'reissued'): void {
    const holders = [...(this.seats.get(board) ?? [])];
    this.sendMany(links(holders), 'simul:revoked', { board, reason });
    for (const s of holders) {
      s.seat = null;
      if (s.listening.to === 'board') this.remove(s);
      else this.seats.get(board)?.delete(s);
    }
    if (this.seats.get(board)?.size === 0) this.seats.delete(board);
  }

  /** `state` is the durable state after `events`; `boards`, the same events per board. */
  publish(state: SimulState, events: SimulEvent[], boards: BoardEvents[]): void {
    const p: Pending = (this.pending ??= { state, events: [], boards: new Map() });
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
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    if (this.simul.size) this.sendMany(links(this.simul), 'simul:events', p.events);
    for (const batch of p.boards.values()) {
      const listeners = this.boards.get(batch.board);
      if (listeners) this.sendMany(links(listeners), 'board:events', batch);
    }
    this.summaryChanged(p.state);
  }

  private summaryChanged(state: SimulState): void {
    const latest = summarize(state);
    const phaseChanged = this.latest !== null && this.latest.phase !== latest.phase;
    this.latest = latest;
    for (const [board, place] of placesOf(latest)) {
      if (this.places.get(board) === place) continue;
      if (this.places.has(board)) this.owed.add(board);
      this.places.set(board, place);
    }
    if (phaseChanged || latest.phase === 'finished') return this.send();
    this.deliverOwed();
    if (!this.timer) {
      const wait = Math.max(0, this.lastSentAt + SUMMARY_EVERY_MS - this.now());
      this.timer = setTimeout(() => this.send(), wait);
    }
  }

  private quiet(board: number, t: number): boolean {
    return t - (this.heardAt.get(board) ?? -Infinity) < QUIET_MS;
  }

  /** The latest summary to every student, but those that heard one too recently: they are owed it. */
  private send(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const latest = this.latest!;
    const t = this.now();
    const finished = latest.phase === 'finished';
    const to: SessionLink[] = [];
    for (const { board } of latest.boards) {
      if (!finished && this.quiet(board, t)) {
        this.owed.add(board);
        continue;
      }
      for (const s of this.boards.get(board) ?? []) to.push(s.link);
      this.heardAt.set(board, t);
      this.owed.delete(board);
    }
    if (to.length) this.sendMany(to, 'simul:summary', latest);
    this.lastSentAt = t;
    if (finished) {
      if (this.owedTimer) clearTimeout(this.owedTimer);
      this.owedTimer = null;
      this.owed.clear();
      return;
    }
    this.deliverOwed();
  }

  /** A board owed the summary hears it now if it may, or when its quiet time is up. */
  private deliverOwed(): void {
    if (this.owedTimer) clearTimeout(this.owedTimer);
    this.owedTimer = null;
    const t = this.now();
    const to: SessionLink[] = [];
    for (const board of this.owed) {
      if (this.quiet(board, t)) continue;
      for (const s of this.boards.get(board) ?? []) to.push(s.link);
      this.heardAt.set(board, t);
      this.owed.delete(board);
    }
    if (to.length) this.sendMany(to, 'simul:summary', this.latest!);
    if (this.owed.size === 0) return;
    const next = Math.min(...[...this.owed].map((b) => this.heardAt.get(b)! + QUIET_MS));
    this.owedTimer = setTimeout(() => this.deliverOwed(), Math.max(0, next - t));
  }

  /** Stops every timer (the room leaves memory). */
  close(): void {
    if (this.flushing) clearImmediate(this.flushing);
    if (this.timer) clearTimeout(this.timer);
    if (this.owedTimer) clearTimeout(this.owedTimer);
    this.flushing = this.timer = this.owedTimer = null;
    this.pending = null;
  }
}

function setOf(map: Map<number, Set<RoomSession>>, board: number): Set<RoomSession> {
  let set = map.get(board);
  if (!set) map.set(board, (set = new Set()));
  return set;
}

function count(map: Map<number, Set<RoomSession>>): number {
  let n = 0;
  for (const set of map.values()) n += set.size;
  return n;
}

function links(sessions: Iterable<RoomSession>): SessionLink[] {
  const out: SessionLink[] = [];
  for (const s of sessions) out.push(s.link);
  return out;
}
