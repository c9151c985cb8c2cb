// Who of a room's sessions hears what, once events are durable. The whole stream goes to the
// simul's listeners; each board's events, numbered per board, to that board's listeners; and a
// summary of the rest to every student, coalesced. A summary says where the host is; the boards'
// lines (their status and result) ride along only to a board that has not heard them as they
// are, since they change seldom and are most of a summary's bytes. A board's frame carries the
// latest summary when the board has not heard it (no write of its own: a write costs the server
// alike however small the frame). Otherwise the summary is a frame of its own: at most once per
// SUMMARY_EVERY_MS to the boards that have not heard the latest and whose phone follows the host
// (while the games run, a phone whose student is to move, or at whose board the host is, shows
// nothing the rest changes: its board's next frame or a change of its place brings the summary
// when it matters again); to a board whose place changes (the host arrives, it joins or leaves
// the queue) once the new place has held for QUIET_MS, if it still differs from what the phone
// shows (a host that arrives and leaves at once, as a fast host answering every board does, is
// never told); and never two such frames to one board within QUIET_MS, whatever the load (what
// comes sooner is heard when that time is up, or with the board's next frame).
//
// Frames are sent at the end of the turn, after the commands' acknowledgements, and coalesced:
// each session gets one frame per turn of each kind, however many commits the turn made. The host
// and the boards hear at once; the watchers (projectors, spectators, a review: whoever hears the
// whole simul without the host's key) hear in slices of WATCHER_SLICE, a turn each, so that the
// next command is decided between two slices and never waits for two thousand writes. What
// comes while a pass over the watchers is under way goes to all of them in the next pass; and
// when there are more watchers than one slice, a pass starts at most every watcherEveryMs(crowd):
// each write costs the server alike however small the frame, so a crowd hears the moves a few at
// a time, a fifth of a second late; a bigger crowd, less often, so that it is sent at most
// WATCHER_WRITES_PER_SECOND frames in all (10,000 watchers: a frame each every 0.8 s, never
// rarer than WATCHER_LONGEST_MS) and costs the players the same whatever its size.
import type { BoardEvents } from '../../lib/protocol/events';
import {
  boardsFollowingTheHost,
  boardSummaries,
  placeOf,
  linesUpToDate,
  sameWhere,
  whereTheHostIs,
  type BoardSummary,
  type Place,
  type SimulSummary,
} from '../../lib/simul/summary';
import type { SimulEvent, SimulState } from '../../lib/simul/types';
import { sentUnchanged, type RoomSession, type SendMany, type SessionLink } from './room-session';

export const SUMMARY_EVERY_MS = 1000;
export const QUIET_MS = 250;
/** How many watchers hear a frame in one turn of the event loop. */
export const WATCHER_SLICE = 100;
/** A crowd of watchers (more than a slice) hears at most one frame this often. */
export const WATCHER_EVERY_MS = 200;
/** A crowd's frames, all watchers together, a second at most (until WATCHER_LONGEST_MS). */
export const WATCHER_WRITES_PER_SECOND = 12_500;
/** However big the crowd, each watcher hears the simul's new events at least this often. */
export const WATCHER_LONGEST_MS = 800;

/** How long a crowd of `watchers` waits between two passes (0: one slice, no wait). */
export function watcherEveryMs(watchers: number): number {
  if (watchers <= WATCHER_SLICE) return 0;
  return Math.min(WATCHER_LONGEST_MS, Math.max(WATCHER_EVERY_MS, (1000 * watchers) / WATCHER_WRITES_PER_SECOND));
}

/**
 * A big crowd's slices are spread over most of the wait between its passes, not written turn after
 * turn: ten thousand frames in one burst kept both cores busy for a fifth of a second (the
 * server writing, the watchers' side reading), and a player's move waited behind it.
 */
export function sliceSpacingMs(watchers: number): number {
  const slices = Math.ceil(watchers / WATCHER_SLICE);
  return slices <= SLICES_AT_ONCE ? 0 : Math.floor((SPREAD * watcherEveryMs(watchers)) / slices);
}

/** A crowd of up to this many slices hears its pass turn after turn. */
const SLICES_AT_ONCE = 10;
/** The share of the wait between a crowd's passes that a pass is spread over. */
const SPREAD = 0.75;


/** A frame on its way to the watchers, slice by slice. */
interface WatcherPass {
  events: SimulEvent[];
  links: SessionLink[];
  next: number;
  startedAt: number;
  /** Milliseconds between two slices: 0, a turn each (one slice or a few); a crowd's, spread over most of its wait. */
  spacing: number;
}

/** What one turn published, waiting for the turn's end. */
interface Pending {
  state: SimulState;
  events: SimulEvent[];
  boards: Map<number, BoardEvents>;
}

export class RoomListeners {
  /** Sessions that hear the whole simul with the host's credential: they hear first. */
  private hosts = new Set<RoomSession>();
  /** Sessions that hear the whole simul without it (projectors, spectators): in slices. */
  private watchers = new Set<RoomSession>();
  /** The pass over the watchers under way, and the events waiting for the next. */
  private pass: WatcherPass | null = null;
  private forWatchers: SimulEvent[] = [];
  /** Sessions that hear one board (and the summary), by board. */
  private boards = new Map<number, Set<RoomSession>>();
  /** Sessions holding a seat, whatever they hear, by board: told when it is revoked. */
  private seats = new Map<number, Set<RoomSession>>();

  private pending: Pending | null = null;
  private flushing: NodeJS.Immediate | null = null;
  /** Cancels the pass's next slice (a turn away, or a crowd's spacing away). */
  private cancelSlice: (() => void) | null = null;
  /** A crowd's next pass, waiting for its time; and when the last pass started. */
  private passTimer: NodeJS.Timeout | null = null;
  private lastPassAt = -Infinity;

  /**
   * The summary of the durable state, what the next emission sends: where the host is, and the
   * boards' lines, which go only to a board that has not heard them as they are (`whole`: both).
   */
  private latest: SimulSummary | null = null;
  private lines: BoardSummary[] = [];
  private whole: SimulSummary | null = null;
  /** When each board last heard a summary. */
  private heardAt = new Map<number, number>();
  /** Each emission of the summary is a version; which version each board heard last. */
  private version = 0;
  private heardVersion = new Map<number, number>();
  /** The boards' lines change seldom: each change is a version; which version each board heard last. */
  private linesVersion = 0;
  private heardLines = new Map<number, number>();
  /**
   * Boards whose place changed, and when (-Infinity: the phase changed): they hear the latest
   * summary once the place has held for QUIET_MS and their quiet time is up, if it still differs
   * from the place they last heard.
   */
  private owed = new Map<number, number>();
  private heardPlace = new Map<number, Place>();
  private lastSentAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private owedTimer: NodeJS.Timeout | null = null;
  /** When the owed timer fires. */
  private owedAt = Infinity;

  constructor(
    private sendMany: SendMany,
    /** Real time: pacing is about the network, whatever clock the simul runs on. */
    private now: () => number = () => performance.now(),
  ) {}

  /** Whether any session listens to the room or holds one of its seats. */
  get any(): boolean {
    return this.hosts.size > 0 || this.watchers.size > 0 || this.boards.size > 0 || this.seats.size > 0;
  }

  add(session: RoomSession): void {
    const l = session.listening;
    if (l.to === 'simul') (session.credential.kind === 'host' ? this.hosts : this.watchers).add(session);
    else setOf(this.boards, l.board).add(session);
    if (session.seat !== null) setOf(this.seats, session.seat).add(session);
  }

  remove(session: RoomSession): void {
    this.hosts.delete(session);
    this.watchers.delete(session);
    for (const map of [this.boards, this.seats]) {
      for (const [board, set] of map) if (set.delete(session) && set.size === 0) map.delete(board);
    }
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
    if (this.hosts.size) this.sendMany(links(this.hosts), 'simul:events', p.events);
    const due = this.summaryChanged(p.state);
    const t = this.now();
    for (const batch of p.boards.values()) {
      const listeners = this.boards.get(batch.board);
      if (!listeners) continue;
      // The board's frame carries the latest summary: the board hears it without a write of its own.
      const summary = this.heardLatest(batch.board) ? null : this.summaryFor(batch.board);
      if (summary) {
        this.markHeard(batch.board, t);
        due.delete(batch.board);
      }
      this.sendMany(links(listeners), 'board:events', summary ? { ...batch, summary } : batch);
    }
    this.sendSummary(due, t);
    this.forWatchers.push(...p.events);
    if (!this.pass && !this.passTimer) this.nextPass();
  }

  /** The events waiting for the watchers go to every watcher there is now, a slice a turn. */
  private nextPass(): void {
    if (this.forWatchers.length === 0 || this.watchers.size === 0) {
      // A watcher that says hello later gets these in its hello's page of the log.
      this.forWatchers = [];
      this.pass = null;
      return;
    }
    const wait = this.lastPassAt + watcherEveryMs(this.watchers.size) - this.now();
    if (wait > 0) {
      this.pass = null;
      this.passTimer = setTimeout(() => {
        this.passTimer = null;
        this.nextPass();
      }, wait);
      return;
    }
    this.lastPassAt = this.now();
    // Sent slice after slice, unchanged: a transport encodes it once.
    const crowd = links(this.watchers);
    this.pass = { events: sentUnchanged(this.forWatchers), links: crowd, next: 0, startedAt: this.lastPassAt, spacing: sliceSpacingMs(crowd.length) };
    this.forWatchers = [];
    this.sendSlice();
  }

  private sendSlice = (): void => {
    const pass = this.pass;
    if (!pass) return;
    const slice = pass.links.slice(pass.next, pass.next + WATCHER_SLICE);
    pass.next += slice.length;
    this.sendMany(slice, 'simul:events', pass.events);
    if (pass.next < pass.links.length) {
      // Each slice at its own time from the pass's start, so that a late timer does not make the
      // slices after it late too: every watcher hears the crowd's passes as far apart as they start.
      const wait = pass.startedAt + (pass.next / WATCHER_SLICE) * pass.spacing - this.now();
      if (pass.spacing > 0) {
        const timer = setTimeout(this.sendSlice, Math.max(0, wait));
        this.cancelSlice = () => clearTimeout(timer);
      } else {
        const immediate = setImmediate(this.sendSlice);
        this.cancelSlice = () => clearImmediate(immediate);
      }
    }
    else {
      this.cancelSlice = null;
      this.nextPass();
    }
  };

  /**
   * The summary after `state`: returns the boards that are to hear it at once (the phase changed,
   * or their place did and their quiet time is up). Starts the interval's timer.
   */
  private summaryChanged(state: SimulState): Set<number> {
    const latest = whereTheHostIs(state);
    const before = this.latest;
    const linesChanged = before === null || !linesUpToDate(this.lines, state);
    // Nothing new to say (a commit that moved no board's status and not the host): no new version.
    if (!linesChanged && sameWhere(before, latest)) return new Set();
    const phaseChanged = before !== null && before.phase !== latest.phase;
    // Rides on the boards' frames and goes to many at once: a transport encodes it once.
    this.latest = sentUnchanged(latest);
    this.whole = null;
    if (linesChanged) {
      this.lines = boardSummaries(state);
      this.linesVersion++;
    }
    this.version++;
    // A board whose place changed (the host came or left, it joined or left the queue) is owed the
    // summary once the new place has held for the quiet time (owedNow).
    if (before !== null) {
      for (const board of new Set([...before.queue, ...latest.queue, before.focus, latest.focus])) {
        if (board !== null && placeOf(before, board) !== placeOf(latest, board) && !this.owed.has(board)) this.owed.set(board, this.now());
      }
    }
    if (phaseChanged || latest.phase === 'finished') {
      for (const board of this.boards.keys()) this.owed.set(board, -Infinity);
      if (latest.phase === 'finished') return this.everyBoard();
    }
    if (!this.timer) {
      const wait = Math.max(0, this.lastSentAt + SUMMARY_EVERY_MS - this.now());
      this.timer = setTimeout(() => this.tick(), wait);
    }
    return this.owedNow();
  }

  private quiet(board: number, t: number): boolean {
    return t - (this.heardAt.get(board) ?? -Infinity) < QUIET_MS;
  }

  private heardLatest(board: number): boolean {
    return this.heardVersion.get(board) === this.version;
  }

  /** The simul is over: every board hears the final summary now, and no timer is left. */
  private everyBoard(): Set<number> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.cancelOwedTimer();
    this.owed.clear();
    return new Set(this.boards.keys());
  }

  /**
   * The interval's summary: every board that has not heard the latest hears it, but those that
   * heard one within their quiet time: they hear it at the next interval, or with their board's
   * next frame, whichever comes first.
   */
  private tick(): void {
    this.timer = null;
    const t = this.now();
    const due = new Set<number>();
    let behind = false;
    // While the games run, only the phones of boards in the host's queue show where it is.
    const showing = this.latest!.phase === 'playing' ? boardsFollowingTheHost(this.latest!, this.lines) : null;
    for (const board of this.boards.keys()) {
      if (this.heardLatest(board) || (showing && !showing.has(board))) continue;
      if (this.quiet(board, t)) behind = true;
      else due.add(board);
    }
    this.sendSummary(due, t);
    this.lastSentAt = t;
    if (behind) this.timer = setTimeout(() => this.tick(), SUMMARY_EVERY_MS);
  }

  /** Boards owed the summary that may hear it now; a timer for those still in their quiet time. */
  private owedNow(): Set<number> {
    const t = this.now();
    const due = new Set<number>();
    let next = Infinity;
    for (const [board, changedAt] of this.owed) {
      // A place that went back to what the phone shows (the host came and left at once) is not told.
      const changed = changedAt === -Infinity || placeOf(this.latest!, board) !== this.heardPlace.get(board);
      if (!this.boards.has(board) || this.heardLatest(board) || !changed) this.owed.delete(board);
      else {
        const at = Math.max((this.heardAt.get(board) ?? -Infinity) + QUIET_MS, changedAt + QUIET_MS);
        if (t >= at) due.add(board);
        else next = Math.min(next, at);
      }
    }
    // A timer already due no later is kept (when it fires, this is asked again): no timer is
    // cancelled and made again at every commit.
    if (next === Infinity) this.cancelOwedTimer();
    else if (!this.owedTimer || this.owedAt > next) {
      this.cancelOwedTimer();
      this.owedAt = next;
      this.owedTimer = setTimeout(() => {
        this.owedTimer = null;
        this.owedAt = Infinity;
        this.sendSummary(this.owedNow(), this.now());
      }, Math.max(0, next - t));
    }
    return due;
  }

  private cancelOwedTimer(): void {
    if (this.owedTimer) clearTimeout(this.owedTimer);
    this.owedTimer = null;
    this.owedAt = Infinity;
  }

  /** The latest summary as `board` is to hear it: with the boards' lines when it has not heard them as they are. */
  private summaryFor(board: number): SimulSummary {
    if (this.heardLines.get(board) === this.linesVersion) return this.latest!;
    return (this.whole ??= sentUnchanged({ ...this.latest!, boards: this.lines }));
  }

  private markHeard(board: number, t: number): void {
    this.heardAt.set(board, t);
    this.heardVersion.set(board, this.version);
    this.heardLines.set(board, this.linesVersion);
    this.heardPlace.set(board, placeOf(this.latest!, board));
    this.owed.delete(board);
  }

  /** The latest summary, as a frame of its own, to the listeners of `due`. */
  private sendSummary(due: Set<number>, t: number): void {
    // Two frames at most, each encoded once: with the boards' lines, and without.
    const to = new Map<SimulSummary, SessionLink[]>();
    for (const board of due) {
      const summary = this.summaryFor(board);
      for (const s of this.boards.get(board) ?? []) setOfLinks(to, summary).push(s.link);
      this.markHeard(board, t);
    }
    for (const [summary, links] of to) this.sendMany(links, 'simul:summary', summary);
  }

  /** Stops every timer (the room leaves memory). */
  close(): void {
    if (this.flushing) clearImmediate(this.flushing);
    this.cancelSlice?.();
    if (this.passTimer) clearTimeout(this.passTimer);
    this.cancelSlice = null;
    this.passTimer = null;
    this.pass = null;
    this.forWatchers = [];
    if (this.timer) clearTimeout(this.timer);
    this.cancelOwedTimer();
    this.flushing = this.timer = null;
    this.pending = null;
  }
}

function setOf(map: Map<number, Set<RoomSession>>, board: number): Set<RoomSession> {
  let set = map.get(board);
  if (!set) map.set(board, (set = new Set()));
  return set;
}

function setOfLinks(map: Map<SimulSummary, SessionLink[]>, summary: SimulSummary): SessionLink[] {
  let list = map.get(summary);
  if (!list) map.set(summary, (list = []));
  return list;
}

function links(sessions: Iterable<RoomSession>): SessionLink[] {
  const out: SessionLink[] = [];
  for (const s of sessions) out.push(s.link);
  return out;
}
