// Who of a room's sessions hears what, once events are durable. The whole stream goes to the
// simul's listeners; each board's events, numbered per board, to that board's listeners; and a
// summary of the rest to every student, coalesced. A summary says where the host is; the boards'
// lines (their status and result) ride along only to a board that has not heard them as they
// are, since they change seldom and are most of a summary's bytes.
//
// While the games run, a phone hears the summary only when it would change what the phone shows
// (phone-status.ts, the banner's one answer: "the host is at board 7, 3 boards before yours",
// "the host is at your board", which sync game is played): a phone whose student is to move, or
// whose game is over, shows nothing of the rest, and one that would show the same hears nothing.
// It hears it with its board's frame when it has one (no write of its own: a write costs the
// server alike however small the frame); otherwise in a frame of its own, found by a check every
// QUIET_MS while something may be owed: when its place changes (the host arrives, or leaves it
// waiting) once two checks in a row have seen the new place, so a host that arrives and leaves at
// once (a fast host answering every board) is never told; when only the count or the host's board
// changes, at most once per SUMMARY_EVERY_MS. Before the start, every phone hears every change at
// most once per SUMMARY_EVERY_MS; a change of phase at once (the end: every phone at once).
// Never two frames of the summary to one board within QUIET_MS, whatever the load (what comes
// sooner is heard when that time is up, or with the board's next frame).
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
import { hostWhere, phoneStatus, readsWhereTheHostIs, samePhoneStatus, type HostWhere, type PhoneStatus } from '../../lib/simul/phone-status';
import { boardSummaries, linesUpToDate, sameWhere, whereTheHostIs, type BoardSummary, type SimulSummary } from '../../lib/simul/summary';
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

/** What a board's phones last heard of the summary: when, which versions, and where the host was. */
interface Heard {
  at: number;
  version: number;
  lines: number;
  where: HostWhere;
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

  /** The durable state the latest summary is made from, when asked: most commits change nothing a phone shows. */
  private state: SimulState | null = null;
  private stale = false;
  /**
   * The latest summary: where the host is (and as a phone reads it), and the boards' lines, which
   * go only to a board that has not heard them as they are (`whole`: both).
   */
  private latest: SimulSummary | null = null;
  private latestWhere: HostWhere | null = null;
  private lines: BoardSummary[] = [];
  private whole: SimulSummary | null = null;
  /** Each change of the summary is a version; each change of the boards' lines too. */
  private version = 0;
  private linesVersion = 0;
  /** What each board's phones last heard. */
  private heard = new Map<number, Heard>();
  /** Boards to hear the latest whatever their phones show: the phase changed. */
  private owedAll = new Set<number>();
  /** Boards whose phones are to be told a change of place, seen by the last check: whether the host is at the board. */
  private seen = new Map<number, boolean>();
  private checkTimer: NodeJS.Timeout | null = null;

  constructor(
    private sendMany: SendMany,
    /** Real time: pacing is about the network, whatever clock the simul runs on. */
    private now: () => number = () => performance.now(),
  ) {}

  /** Whether any session listens to the room or holds one of its seats. */
  get any(): boolean {
    return this.hosts.size > 0 || this.watchers.size > 0 || this.boards.size > 0 || this.seats.size > 0;
  }

  /**
   * `state`: the durable state the session's hello was answered from. A board's first listener
   * heard the summary of it in that answer.
   */
  add(session: RoomSession, state: SimulState): void {
    const l = session.listening;
    if (l.to === 'simul') (session.credential.kind === 'host' ? this.hosts : this.watchers).add(session);
    else {
      const first = !this.boards.has(l.board);
      setOf(this.boards, l.board).add(session);
      if (first && !this.pending) {
        this.state = state;
        this.stale = true;
        this.current();
        this.markHeard(l.board, this.now());
      }
    }
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
    this.state = p.state;
    this.stale = true;
    // A change of phase is told at once (below): it is looked for at every commit.
    if (this.latest === null || this.latest.phase !== p.state.phase) this.current();
    const t = this.now();
    const due = this.latest!.phase === 'finished' ? this.everyBoard() : this.owedAtOnce(t);
    for (const batch of p.boards.values()) {
      const listeners = this.boards.get(batch.board);
      if (!listeners) continue;
      // The board's frame carries the latest summary: the board hears it without a write of its own.
      const summary = due.has(batch.board) || this.owes(batch.board) ? this.summaryFor(batch.board) : null;
      if (summary) {
        this.markHeard(batch.board, t);
        due.delete(batch.board);
      }
      this.sendMany(links(listeners), 'board:events', summary ? { ...batch, summary } : batch);
    }
    this.sendSummary(due, t);
    if (this.latest!.phase !== 'finished') this.armCheck();
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

  /** The latest summary, made anew from the durable state if it changed: a new version only when it says something new. */
  private current(): SimulSummary {
    if (!this.stale && this.latest) return this.latest;
    this.stale = false;
    const state = this.state!;
    const latest = whereTheHostIs(state);
    const before = this.latest;
    const linesChanged = before === null || !linesUpToDate(this.lines, state);
    if (!linesChanged && sameWhere(before, latest)) return before;
    // Rides on the boards' frames and goes to many at once: a transport encodes it once.
    this.latest = sentUnchanged(latest);
    this.latestWhere = hostWhere(state, latest.queue);
    this.whole = null;
    if (linesChanged) {
      this.lines = boardSummaries(state);
      this.linesVersion++;
    }
    this.version++;
    if (before !== null && before.phase !== latest.phase) for (const board of this.boards.keys()) this.owedAll.add(board);
    return this.latest;
  }

  /** Whether `board`'s phones are to hear the latest summary with their board's frame. */
  private owes(board: number): boolean {
    const heard = this.heard.get(board);
    if (!heard || this.owedAll.has(board)) return true;
    if (this.latest!.phase !== 'playing') {
      this.current();
      return heard.version !== this.version;
    }
    return this.bannerChange(board, heard) !== null;
  }

  /**
   * How the banner of `board`'s phone would change with the latest summary: what it shows as it
   * last heard (`heard`), and what it would show. Null when it would show the same, or shows
   * nothing of where the host is (its student is to move, its game is over).
   */
  private bannerChange(board: number, heard: Heard): { shown: PhoneStatus; now: PhoneStatus } | null {
    const own = this.state!.boards.get(board);
    if (!own) return null;
    const shown = phoneStatus(own, heard.where);
    if (!readsWhereTheHostIs(shown)) return null;
    this.current();
    if (heard.version === this.version) return null;
    const now = phoneStatus(own, this.latestWhere!);
    return samePhoneStatus(shown, now) ? null : { shown, now };
  }

  /** Boards owed the summary whatever their phones show (the phase changed) whose quiet time is up. */
  private owedAtOnce(t: number): Set<number> {
    const due = new Set<number>();
    for (const board of this.owedAll) {
      if (!this.boards.has(board)) this.owedAll.delete(board);
      else if (!this.quiet(board, t)) due.add(board);
    }
    return due;
  }

  private quiet(board: number, t: number): boolean {
    return t - (this.heard.get(board)?.at ?? -Infinity) < QUIET_MS;
  }

  /** The simul is over: every board hears the final summary now, and no timer is left. */
  private everyBoard(): Set<number> {
    if (this.checkTimer) clearTimeout(this.checkTimer);
    this.checkTimer = null;
    this.owedAll.clear();
    this.seen.clear();
    return new Set(this.boards.keys());
  }

  private armCheck(): void {
    if (!this.checkTimer && this.boards.size > 0) this.checkTimer = setTimeout(this.check, QUIET_MS);
  }

  /**
   * The boards whose phones are owed the latest summary in a frame of their own: a change of phase
   * once their quiet time is up; a change of place once two checks in a row have seen it; any
   * other change of what they show (before the start: any change) once SUMMARY_EVERY_MS has
   * passed since they last heard. Checks again while something is owed.
   */
  private check = (): void => {
    this.checkTimer = null;
    const t = this.now();
    const latest = this.current();
    const due = new Set<number>();
    let again = false;
    for (const board of this.boards.keys()) {
      const heard = this.heard.get(board);
      if (heard?.version === this.version) continue;
      let wait: number;
      if (!heard || this.owedAll.has(board)) wait = QUIET_MS;
      else if (latest.phase !== 'playing') wait = SUMMARY_EVERY_MS;
      else {
        const change = this.bannerChange(board, heard);
        if (!change) {
          this.seen.delete(board);
          continue;
        }
        const { shown, now } = change;
        const here = now.kind === 'host-here';
        if (here !== (shown.kind === 'host-here')) {
          // A change of place: told if the check before this one saw it too.
          if (this.seen.get(board) !== here) {
            this.seen.set(board, here);
            again = true;
            continue;
          }
          wait = QUIET_MS;
        } else wait = SUMMARY_EVERY_MS;
      }
      if (t - (heard?.at ?? -Infinity) >= wait) due.add(board);
      else again = true;
    }
    this.sendSummary(due, t);
    if (again) this.armCheck();
  };

  /** The latest summary as `board` is to hear it: with the boards' lines when it has not heard them as they are. */
  private summaryFor(board: number): SimulSummary {
    const latest = this.current();
    if (this.heard.get(board)?.lines === this.linesVersion) return latest;
    return (this.whole ??= sentUnchanged({ ...latest, boards: this.lines }));
  }

  private markHeard(board: number, t: number): void {
    this.heard.set(board, { at: t, version: this.version, lines: this.linesVersion, where: this.latestWhere! });
    this.owedAll.delete(board);
    this.seen.delete(board);
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
    if (this.checkTimer) clearTimeout(this.checkTimer);
    this.flushing = this.checkTimer = null;
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
