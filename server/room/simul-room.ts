// One simul on the server: its folded state, its log, its sessions, and its parts beside it:
// the log's pages and per-board numbering (log-pages.ts), its credentials and who an actor is
// (room-credentials.ts), its flag timers (flag-timers.ts), and its companions (its bots,
// bot-runner.ts, and its exhibition run, exhibition-run.ts), which see it through a narrow port
// (room-port.ts). It speaks the protocol: it answers a hello, seats a join, runs a command for the
// session that sent it as whoever the session's credential makes it now (asked of the credentials
// on every command, never kept on a connection), revokes a seat's sessions, and tells each session
// what it listens to (room-listeners.ts), through links that know no Socket.IO (room-session.ts).
// dispatch() decides and folds synchronously, so commands on one simul are handled strictly
// one after another (a serial queue by construction: nothing awaits between decide and
// evolve). Acknowledgement and broadcast wait for the group commit (store/commit-queue.ts).
import { decide } from '../../lib/simul/decide';
import { boardsOf, evolve, initialState } from '../../lib/simul/evolve';
import { toSnapshot, type SimulSnapshot } from '../../lib/simul/snapshot';
import { rejection } from '../../lib/simul/rejection';
import type { Actor, ClientActor, Command, Rejection, SimulEvent, SimulState } from '../../lib/simul/types';
import type { Ack, BoardEvents, HelloReply } from '../../lib/protocol/events';
import type { HelloInput, JoinInput } from '../../lib/protocol/schemas';
import type { BotSeed } from '../../lib/bots/spec';
import type { CommitQueue } from '../store/commit-queue';
import type { SeatCredentialChange, SecretChange, SimulCredentials } from '../store/event-store';
import { hashSecret, newPlayerId } from '../guards/secrets';
import { BotRunner } from './bot-runner';
import { ExhibitionPacer, ExhibitionRun } from './exhibition-run';
import { FlagTimers } from './flag-timers';
import { boardHelloReply, helloReply, type HelloBody } from './hello-replies';
import { LogPages } from './log-pages';
import { RoomCredentials, type BotSlot } from './room-credentials';
import { RoomListeners } from './room-listeners';
import type { DispatchContext, DispatchResult, RoomPort } from './room-port';
import { RoomSession, sendToEach, type CloseReason, type Credential, type SendMany, type SessionLink } from './room-session';
import { isStorageFull } from '../store/event-store';
import { ManualClock, type Clock } from './simul-time';
import { PresenceWatch } from './presence-watch';

/** What a room is given by whoever runs it (the hub). */
interface RoomOptions {
  id: string;
  log: SimulEvent[];
  credentials: SimulCredentials;
  commits: CommitQueue;
  /** The simul's time, and timers on it (an exhibition's is simulated: a ManualClock). */
  clock: Clock;
  /** The server's time: when an exhibition's events happened in it (its own clock is simulated). */
  serverClock?: Clock;
  /** How a frame reaches many sessions at once (the transport's; one by one without). */
  sendMany?: SendMany;
  /** Told once events are durable, after the room's sessions and companions (the hub keeps its index). */
  onEvents?: (room: SimulRoom, events: SimulEvent[]) => void;
  /** Called when a commit failed: the folded state is ahead of the store and must be dropped. */
  onLost: (room: SimulRoom) => void;
  /** The share of the thread every exhibition together may take. */
  exhibitionPacer?: ExhibitionPacer;
  /** Whether anyone listens to another simul (an exhibition is watched while either of its pair is). */
  listenedElsewhere?: (simulId: string) => boolean;
}

/** Who started an exhibition, and when it should have ended at its speed (real time). */
export interface ExhibitionStart {
  network: string;
  /** When it started, on the hub's real time (its wallNow). */
  startedAt: number;
  endsBy: number;
}

type Refusal = { ok: false; error: Rejection };

const NOT_SAVED: DispatchResult = {
  ok: false,
  error: rejection('internal', { during: 'save' }),
};

/** The disk is full: nothing was saved; the room is loaded again from the store when asked. */
const STORAGE_FULL: DispatchResult = { ok: false, error: rejection('storage-full') };

export class SimulRoom implements RoomPort {
  readonly id: string;
  readonly log: SimulEvent[];
  readonly state: SimulState;
  /** The simul's time, and timers on it. */
  readonly clock: Clock;
  /** The log's pages, and each board's events numbered (what hellos are served). */
  readonly pages: LogPages;
  private credentials: RoomCredentials;
  private commits: CommitQueue;
  private options: RoomOptions;
  /** Each connection's session here, by its link's id. */
  private sessions = new Map<string, RoomSession>();
  private listeners: RoomListeners;
  /** The connections whose join is being saved: a second would seat one connection twice. */
  private joining = new Set<string>();
  /** Its bots, while it runs (see bot-runner.ts). */
  bots: BotRunner | null = null;
  /** An exhibition's run: its simulated clock being advanced. */
  private run: ExhibitionRun | null = null;
  /** Whether its companions run (start() was called, stop() not since). */
  private started = false;
  /** Set by whoever started this exhibition: the network's one slot, and the real time it should end by. */
  exhibitionStart: ExhibitionStart | null = null;
  /** When the room last had an event, on the server's time (an exhibition's events carry simulated time). */
  private activeAt: number;
  private flags: FlagTimers;
  /** In a cluster, this node's lease epoch on the simul: every append carries it (see store/leases.ts). */
  epoch?: number;
  /** Who is there: each seat's sessions, reported away and back in the log (presence-watch.ts), while it runs. */
  private presence: PresenceWatch | null = null;

  constructor(options: RoomOptions) {
    const { id, log, credentials } = options;
    this.options = options;
    this.id = id;
    this.log = log;
    this.credentials = new RoomCredentials(credentials, log);
    this.commits = options.commits;
    this.clock = options.clock;
    this.listeners = new RoomListeners(options.sendMany ?? sendToEach);
    this.flags = new FlagTimers(this.clock, (board) => void this.dispatch({ role: 'server' }, { type: 'time-out', board }));
    // Each event is filed under the boards it concerned when it happened, not at the end: a
    // restart recorded before a late joiner's board existed is not that board's.
    this.state = initialState();
    const boards = log.map((e) => boardsOf(evolve(this.state, e), e));
    this.pages = new LogPages(log, this.state.seq);
    this.pages.file(log, boards);
    this.activeAt = this.serverNow();
    if (this.state.clock) this.flags.arm(this.state, this.state.order);
  }

  private serverNow(): number {
    return (this.options.serverClock ?? this.clock).now();
  }

  /** Starts its companions: its bots, and an exhibition's run once it plays. */
  start(): void {
    this.started = true;
    if (this.state.phase === 'finished') return;
    this.bots = new BotRunner(this, (slot) => this.credentials.botSeed(slot));
    this.bots.start();
    this.runExhibition();
    // An exhibition's seats are its bots', on simulated time: nobody's presence to follow.
    if (!this.state.exhibition) {
      this.presence = new PresenceWatch(this);
      this.presence.checkAll();
    }
  }

  /** Stops its timers and companions: the room leaves memory (its sessions are the caller's to close). */
  stop(): void {
    this.started = false;
    this.presence?.stop();
    this.presence = null;
    this.flags.cancel();
    this.stopBots();
    this.run?.stop();
    this.listeners.close();
  }

  private stopBots(): void {
    this.bots?.stop();
    this.bots = null;
  }

  /** An exhibition's simulated clock starts moving once it plays (at its start, or loaded again). */
  private runExhibition(): void {
    const exhibition = this.state.exhibition;
    if (!this.started || !exhibition || this.state.phase !== 'playing' || this.run || !(this.clock instanceof ManualClock)) return;
    // Watched while anyone listens to either simul of the pair (the race page opens both).
    const watched = () => this.listened || (this.options.listenedElsewhere?.(exhibition.pair) ?? false);
    this.run = new ExhibitionRun(this, this.clock, exhibition.speed, () => (this.run = null), undefined, watched, this.options.exhibitionPacer);
    this.run.start();
  }

  /** Whether an exhibition's clock is being advanced. */
  get exhibitionRunning(): boolean {
    return this.run !== null;
  }

  /** Stops an exhibition's clock (the server closes); it goes on when the simul is loaded again. */
  stopExhibition(): void {
    this.run?.stop();
  }

  /** When the room last had an event, on the server's time. */
  get lastActiveAt(): number {
    return this.state.exhibition ? this.activeAt : this.lastEventAt;
  }

  /** Whether any session listens to the room or holds one of its seats. */
  get listened(): boolean {
    return this.listeners.any;
  }

  // ---- The protocol: hello, join, command, leave ----

  /**
   * Answers a hello from `link`: the credential it presents, what it listens to, and the log or
   * state it lacks. `admit(bytes)` spends the reply's size of the transport's budgets, or refuses
   * it. On success the link's session here is replaced whole (what it presented and hears).
   */
  hello(link: SessionLink, network: string, input: HelloInput, admit: (bytes: number) => Refusal | null): { ack: Ack<HelloReply>; session?: RoomSession } {
    const credential = this.credentialFor(input.hostKey, input.seatToken);
    if (!credential) return { ack: { ok: false, error: rejection('bad-credentials') } };
    const actor = this.actorFor(credential);
    const listen = input.listen ?? 'simul';
    if (listen === 'board' && actor.role !== 'opponent') return { ack: { ok: false, error: rejection('not-seated', { listen: 'board' }) } };
    const reply =
      actor.role === 'opponent' && listen === 'board'
        ? boardHelloReply(this, actor.board, input.boardSeq ?? 0)
        : helloReply(this, input.lastSeq, input.want ?? 'log');
    if (!reply) return { ack: { ok: false, error: rejection('try-again') } };
    const refused = admit(reply.bytes);
    if (refused) return { ack: refused };

    const body = reply.body;
    const more = (body.kind === 'reset' || body.kind === 'delta') && body.more;
    this.leave(link);
    const session = new RoomSession(link, network, credential, actor.role === 'opponent' && listen === 'board' ? { to: 'board', board: actor.board } : { to: 'simul' });
    session.seat = actor.role === 'opponent' ? actor.board : null;
    session.pagedUpTo = more ? lastSeqOf(body, input.lastSeq) : null;
    this.sessions.set(link.id, session);
    this.listeners.add(session, this.state);
    if (session.seat !== null) this.presence?.check(session.seat);
    const answer: HelloReply = {
      ...body,
      role: actor.role,
      board: actor.role === 'opponent' ? actor.board : null,
      // The simul's own time: an exhibition's is simulated.
      serverNow: this.clock.now(),
    };
    return { ack: { ok: true, ...answer }, session };
  }

  /** The link's session here, while it is one. */
  sessionOf(link: SessionLink): RoomSession | null {
    return this.sessions.get(link.id) ?? null;
  }

  /** The link goes (it closed, or said hello to another simul). */
  leave(link: SessionLink): void {
    const session = this.sessions.get(link.id);
    if (!session) return;
    this.sessions.delete(link.id);
    this.listeners.remove(session);
    const actor = this.actorFor(session.credential);
    if (actor.role === 'opponent') this.presence?.check(actor.board);
  }

  /** How many sessions hold board `board`'s seat with its current credential. */
  sessionsAt(board: number): number {
    let count = 0;
    for (const session of this.sessions.values()) {
      const actor = this.actorFor(session.credential);
      if (actor.role === 'opponent' && actor.board === board) count++;
    }
    return count;
  }

  /** Closes every session's connection (the room leaves this node). */
  closeSessions(reason: CloseReason): void {
    for (const session of [...this.sessions.values()]) {
      this.leave(session.link);
      session.link.close(reason);
    }
  }

  /**
   * A session takes a seat. While it still watches with no credential, the seat's token becomes
   * its credential (a hello meanwhile, to another simul or with another credential, wins).
   */
  async join(session: RoomSession, input: JoinInput): Promise<Ack<{ board: number; seatToken: string; playerId: string }>> {
    // By connection, not by session: a hello while the join is saved does not make room for a second.
    const linkId = session.link.id;
    if (this.joining.has(linkId)) return { ok: false, error: rejection('already-seated', { who: 'joining' }) };
    const playerId = newPlayerId();
    this.joining.add(linkId);
    let result;
    try {
      result = await this.dispatch(this.actorFor(session.credential), { type: 'join', ...input, playerId }, { network: session.network });
    } finally {
      this.joining.delete(linkId);
    }
    if (!result.ok) return result;
    const seated = result.events.find((e) => e.type === 'seat-taken');
    if (!seated || seated.type !== 'seat-taken' || !result.seatToken) return { ok: false, error: rejection('internal', { during: 'join' }) };
    if (this.sessions.get(session.link.id) === session && session.credential.kind === 'none') {
      this.listeners.remove(session);
      session.credential = { kind: 'seat', hash: hashSecret(result.seatToken) };
      session.seat = seated.board;
      this.listeners.add(session, this.state);
      this.presence?.check(seated.board);
    }
    return { ok: true, board: seated.board, seatToken: result.seatToken, playerId };
  }

  /** A session's command, as whoever its credential makes it now. */
  async command(session: RoomSession, command: Command): Promise<Ack<{ seatToken?: string }>> {
    const result = await this.dispatch(this.actorFor(session.credential), command);
    if (!result.ok) return result;
    return result.seatToken ? { ok: true, seatToken: result.seatToken } : { ok: true };
  }

  /** The credential a hello's secret is, while it is current; null when it grants nothing. */
  credentialFor(hostKey?: string, seatToken?: string): Credential | null {
    return this.credentials.credentialFor(hostKey, seatToken);
  }

  /** Who a credential makes its session now: a seat token no longer current only watches. */
  actorFor(credential: Credential): ClientActor {
    return this.credentials.actorFor(credential);
  }

  /** Whether some game's clock runs: the room's timers must stay, so it must stay in memory. */
  get runsClocks(): boolean {
    return this.flags.running;
  }

  /** Whether every event is durable and broadcast: no commit is pending. */
  get settled(): boolean {
    return this.pages.committedSeq === this.state.seq;
  }

  /** When the last event happened. */
  get lastEventAt(): number {
    return this.log[this.log.length - 1].at;
  }

  /** The secret of the bot at `slot` (its board, or the host's side): never sent to anyone. */
  botSeed(slot: BotSlot): BotSeed {
    return this.credentials.botSeed(slot);
  }

  /** The durable state as plain data, or null while some events still wait for their commit. */
  snapshot(): SimulSnapshot | null {
    return this.settled ? toSnapshot(this.state) : null;
  }

  /** Decides and folds a command at once; `context` is what the server knows of where it comes from. */
  dispatch(actor: Actor, command: Command, context: DispatchContext = {}): Promise<DispatchResult> {
    const { network } = context;
    if (command.type === 'join' && network && this.credentials.blocks(network)) {
      return Promise.resolve({ ok: false, error: rejection('blocked') });
    }
    const at = this.clock.now();
    const decision = decide(this.state, actor, command, at);
    if (!decision.ok) return Promise.resolve(decision);
    // Nothing new (a resent move): acknowledged once what it repeats is durable.
    if (decision.events.length === 0) return this.afterCommit([], []);

    const first = this.state.seq + 1;
    const events = decision.events.map((body, i): SimulEvent => ({ seq: first + i, at, ...body }));

    const { seat, seatToken, secrets } = this.credentials.change(events, context);
    const boards = events.map((e) => {
      this.log.push(e);
      return boardsOf(evolve(this.state, e), e);
    });
    if (this.state.clock) this.flags.arm(this.state, new Set(boards.flat()));

    return this.afterCommit(events, boards, seat, seatToken, secrets);
  }

  /**
   * Durable events reach the room's sessions (at the end of the turn), its revoked seats' holders,
   * its companions, and whoever runs the room, in that order: a bot's move planned now never
   * overtakes the events it answers.
   */
  private afterDurable(events: SimulEvent[], boards: BoardEvents[]): void {
    this.activeAt = this.serverNow();
    this.listeners.publish(this.state, events, boards);
    for (const e of events) {
      if (e.type === 'seat-freed') this.listeners.revoke(e.board, 'freed');
      else if (e.type === 'seat-reissued') this.listeners.revoke(e.board, 'reissued');
    }
    // Ended (by its host, or the server): an exhibition's run stops at once and frees its slot.
    if (events.some((e) => e.type === 'simul-finished')) this.run?.stop();
    if (events.some((e) => e.type === 'simul-started')) this.runExhibition();
    this.bots?.afterCommit(events);
    if (this.state.phase === 'finished') this.stopBots();
    // A seat taken, freed or re-issued (its old device's sessions count no more): who is there changed.
    for (const e of events) {
      if (e.type === 'seat-taken' || e.type === 'seat-freed' || e.type === 'seat-reissued') this.presence?.check(e.board);
    }
    this.options.onEvents?.(this, events);
  }

  /** Commits the events (in this turn's batch), then broadcasts and acknowledges them. */
  private afterCommit(
    events: SimulEvent[],
    boards: number[][],
    seat?: SeatCredentialChange,
    seatToken?: string,
    secrets: SecretChange[] = [],
  ): Promise<DispatchResult> {
    const done: DispatchResult = seatToken ? { ok: true, events, seatToken } : { ok: true, events };
    if (events.length === 0 && this.settled) return Promise.resolve(done);
    const upTo = this.state.seq;
    return new Promise((resolve) => {
      this.commits.add({ simulId: this.id, events, seat, epoch: this.epoch, ...(secrets.length ? { secrets } : {}) }, (committed, cause) => {
        if (!committed) {
          this.stop();
          this.options.onLost(this);
          return resolve(isStorageFull(cause) ? STORAGE_FULL : NOT_SAVED);
        }
        this.pages.committedUpTo(upTo);
        if (events.length > 0) this.afterDurable(events, this.pages.file(events, boards));
        resolve(done);
      });
    });
  }
}

function lastSeqOf(body: HelloBody, lastSeq: number): number {
  const events = 'events' in body ? body.events : [];
  return events.length ? events[events.length - 1].seq : lastSeq;
}
