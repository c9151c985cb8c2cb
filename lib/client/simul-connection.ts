// One browser's live link to one simul: it says hello with its last seq (or, for a seated
// student's phone, its board's last event number) and its secret, folds the server's events
// with the same evolve() as the server, catches up after a drop, and resends unacknowledged
// moves with their ids until the server acknowledges them.
//
// A host console, projector or review listens to the whole simul. A student's phone, once
// seated, listens to its own board and a summary of the rest (lib/protocol/events.ts).
import { io, type Socket } from 'socket.io-client';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  PROTOCOL_VERSION,
  type Ack,
  type BoardEvents,
  type ClientToServerEvents,
  type CommandAck,
  type HelloReply,
  type Listen,
  type Role,
  type ServerToClientEvents,
} from '../protocol/events';
import { boardsOf, evolve, evolveBoard, initialState } from '../simul/evolve';
import { fromSnapshot } from '../simul/snapshot';
import { applySummary, type SimulSummary } from '../simul/summary';
import { retryAfterMs } from '../simul/rejection';
import type { Rejection, SimulEvent, SimulState } from '../simul/types';
import type { CommandInput } from '../protocol/schemas';
import { boardViews, updateBoardViews, type BoardViews } from './board-views';
import { credentials } from './credentials';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting';

/** Problems this page finds without the server refusing: its seat revoked, or no answer in time. */
export type ClientProblem = { code: 'seat-moved' } | { code: 'seat-freed' } | { code: 'no-answer' };

/** Anything that stops a request or a view, as a code; app/words.ts says it in words. */
export type Problem = Rejection | ClientProblem;

/** A server's answer, or the page's own problem when none came. */
export type Reply<T extends object = object> = Ack<T> | { ok: false; error: ClientProblem };

const NO_ANSWER = { ok: false, error: { code: 'no-answer' } } as const;

/** Why this page lost its seat, if it did: that stays shown while it watches, until it joins again. */
function lostSeat(problem: Problem | null): ClientProblem | null {
  return problem?.code === 'seat-moved' || problem?.code === 'seat-freed' ? problem : null;
}

export interface SimulView {
  /** The folded state: mutated in place, so read it for what the board views do not hold. */
  state: SimulState;
  /** Every board as an immutable view, rebuilt only for the boards an event touched: select these. */
  boards: BoardViews;
  /** Bumped on every fold: the state object itself is updated in place. */
  version: number;
  /** The log, for the dashboard's figures and the downloads (from the snapshot on, for a 'state' view). */
  log: SimulEvent[];
  role: Role | null;
  board: number | null;
  /**
   * For a phone that hears only its board: the boards awaiting the host, in the order it reaches
   * them, from the last summary (the other boards' positions are not here to compute it). Null
   * for a view that hears the whole simul.
   */
  queue: number[] | null;
  status: ConnectionStatus;
  /** A problem that stops this view (unknown simul, revoked seat). */
  problem: Problem | null;
  /** The last command's refusal, shown until the next command is accepted (simul-controller.ts). */
  refusal: Problem | null;
  pendingCommands: number;
  /** Server clock minus this browser's clock, in ms. */
  clockOffset: number;
}

/** A command sent and not yet acknowledged, by its id. */
type Pending = { command: CommandInput; resolve: (res: Ack) => void };

const ACK_TIMEOUT_MS = 5000;

export class SimulConnection {
  readonly store: StoreApi<SimulView>;
  private socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private pending = new Map<string, Pending>();
  private helloInFlight = false;
  private helloAgain = false;
  /** What the state in the store was built from: a board listener's copy is partial. */
  private listening: Listen | null = null;
  /** A board listener's count of its board's events folded so far. */
  private boardSeq = 0;
  /** A simul listener's last event in its log (the state, from a snapshot, may be further on). */
  private logSeq = 0;
  /** Whether the log is coming in pages, and more of them are to come. */
  private paging = false;

  constructor(
    readonly simulId: string,
    url?: string,
    /**
     * 'state' for a view that needs the position, not the history (no dashboard, no log): a
     * phone. Seated, it hears only its board.
     */
    private want: 'log' | 'state' = 'log',
    /**
     * 'watcher' for a screen everyone sees (the projector): it never sends this browser's host
     * key or seat token, so it watches as a spectator even in the host's own browser.
     */
    private as: 'self' | 'watcher' = 'self',
  ) {
    this.store = createStore<SimulView>(() => ({
      state: initialState(),
      boards: new Map(),
      version: 0,
      log: [],
      role: null,
      board: null,
      queue: null,
      status: 'connecting',
      problem: null,
      refusal: null,
      pendingCommands: 0,
      clockOffset: 0,
    }));
    const options = { transports: ['websocket'], reconnectionDelayMax: 5000 };
    this.socket = url ? io(url, options) : io(options);
    this.socket.on('connect', () => void this.hello());
    this.socket.on('disconnect', () => this.store.setState({ status: 'reconnecting' }));
    this.socket.on('simul:events', (events) => this.receive(events));
    this.socket.on('board:events', (batch) => this.receiveBoard(batch));
    this.socket.on('simul:summary', (summary) => this.receiveSummary(summary));
    this.socket.on('simul:revoked', ({ reason }) => {
      credentials.forgetSeatToken(this.simulId);
      const problem: ClientProblem = { code: reason === 'reissued' ? 'seat-moved' : 'seat-freed' };
      this.store.setState({ role: 'spectator', board: null, problem });
      // From now on this page watches the whole simul; the notice stays until it sits again.
      void this.hello();
    });
  }

  close(): void {
    this.socket.close();
  }

  /** A phone with a seat hears its board; everything else hears the simul. */
  private listen(seatToken: string | undefined): Listen {
    return this.want === 'state' && seatToken ? 'board' : 'simul';
  }

  private async hello(): Promise<void> {
    if (this.helloInFlight) {
      this.helloAgain = true;
      return;
    }
    this.helloInFlight = true;
    try {
      const watcher = this.as === 'watcher';
      const hostKey = watcher ? undefined : credentials.hostKey(this.simulId);
      const seatToken = watcher || hostKey ? undefined : credentials.seatToken(this.simulId);
      const listen = this.listen(seatToken);
      // A copy built for the other way of listening is of no use: start again.
      const same = this.listening === listen;
      const res = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('simul:hello', {
        v: PROTOCOL_VERSION,
        simulId: this.simulId,
        lastSeq: same && listen === 'simul' ? this.logSeq : 0,
        hostKey,
        seatToken,
        want: this.want,
        listen,
        ...(listen === 'board' ? { boardSeq: same ? this.boardSeq : 0 } : {}),
      });
      if (!res.ok) return this.helloRefused(res.error, hostKey ? 'host' : seatToken ? 'seat' : null);
      this.listening = listen;
      this.applyHello(res);
      // A long log comes in pages: ask for the next one at once.
      const more = (res.kind === 'reset' || res.kind === 'delta') && res.more;
      if (more) this.helloAgain = true;
      else this.resendPending();
      if (this.paging && !more) this.store.setState({ version: this.store.getState().version + 1 });
      this.paging = more;
    } catch {
      // No answer in time: try again while the socket is up.
      if (this.socket.connected) setTimeout(() => void this.hello(), 1000);
    } finally {
      this.helloInFlight = false;
      if (this.helloAgain) {
        this.helloAgain = false;
        void this.hello();
      }
    }
  }

  private helloRefused(error: Rejection, sent: 'host' | 'seat' | null): void {
    // A hello sent with a seat token just revoked is refused: the revocation already said why.
    const problem = error.code === 'bad-credentials' ? (lostSeat(this.store.getState().problem) ?? error) : error;
    this.store.setState({ problem, status: 'online' });
    if (error.code === 'bad-credentials') {
      // A stale secret (the seat was freed or moved): forget the one that was sent, and watch
      // instead. Nothing else makes a page forget a secret: not a payload the server could not
      // read, not an outdated page (which is told to reload).
      if (sent === 'host') credentials.forgetHostKey(this.simulId);
      if (sent === 'seat') credentials.forgetSeatToken(this.simulId);
      if (sent) setTimeout(() => void this.hello(), 0);
    } else if (error.code === 'rate-limited' || error.code === 'internal' || error.code === 'try-again') {
      setTimeout(() => void this.hello(), retryAfterMs(error) ?? (error.code === 'try-again' ? 50 : 2000));
    }
  }

  private applyHello(reply: HelloReply): void {
    const view = this.store.getState();
    const who = { role: reply.role, board: reply.board, status: 'online' as const, problem: lostSeat(view.problem) };
    this.store.setState({ clockOffset: reply.serverNow - Date.now() });
    switch (reply.kind) {
      case 'snapshot':
        this.boardSeq = reply.boardSeq ?? 0;
        this.restore(fromSnapshot(reply.snapshot), who, reply.snapshot.seq);
        return;
      case 'reset':
        // The positions from the snapshot; the log from its start, folding none of it again
        // (without a snapshot, from the start: the log is folded as it comes).
        this.restore(reply.snapshot ? fromSnapshot(reply.snapshot) : initialState(), who, 0);
        this.receive(reply.events);
        return;
      case 'delta':
        this.store.setState(who);
        this.receive(reply.events);
        return;
      case 'board-delta':
        this.store.setState(who);
        this.receiveBoard({ board: reply.board!, from: reply.from, events: reply.events });
        this.receiveSummary(reply.summary);
        return;
    }
  }

  /** Takes `state` as the state; the log starts empty, as if it held the events up to `logSeq`. */
  private restore(state: SimulState, who: Partial<SimulView>, logSeq: number): void {
    this.logSeq = logSeq;
    const version = this.store.getState().version + 1;
    this.store.setState({ ...who, state, boards: boardViews(state), log: [], queue: null, version });
    // A pending move the snapshot already holds was applied: its acknowledgement was lost.
    for (const board of state.boards.values()) {
      for (const id of [board.lastClientMoveId.host, board.lastClientMoveId.opponent]) {
        if (id && this.pending.has(id)) this.settle(id, { ok: true });
      }
    }
  }

  /**
   * Events of the simul, in order: each is added to the log, and folded into the state unless
   * the state (from a snapshot) already holds it, as it holds a long log's history.
   */
  private receive(events: SimulEvent[]): void {
    const view = this.store.getState();
    const touched = new Set<number>();
    const focusBefore = view.state.focus;
    let added = 0;
    for (const e of events) {
      if (e.seq <= this.logSeq) continue; // already had (a catch-up overlapping a broadcast)
      if (e.seq !== this.logSeq + 1) {
        // A gap: something was missed; ask for everything after what we have.
        void this.hello();
        break;
      }
      if (e.seq > view.state.seq) {
        evolve(view.state, e);
        for (const n of boardsOf(view.state, e)) touched.add(n);
      }
      view.log.push(e);
      this.logSeq = e.seq;
      added++;
    }
    // History alone, while more of it is on the way, redraws nothing: the last page will.
    if (added === 0 || (touched.size === 0 && this.paging)) return;
    // Where the host was and is: those boards' looks changed too.
    if (touched.size > 0) for (const n of [focusBefore, view.state.focus]) if (n !== null) touched.add(n);
    const boards = touched.size > 0 ? updateBoardViews(view.boards, view.state, touched) : view.boards;
    this.store.setState({ version: view.version + 1, boards, clockOffset: offsetAfter(view.clockOffset, events) });
    this.settleSeen(events);
  }

  /** A board listener's own board's events: numbered per board, so that a gap is seen. */
  private receiveBoard(batch: BoardEvents): void {
    const view = this.store.getState();
    const board = view.board === batch.board ? view.state.boards.get(batch.board) : undefined;
    if (!board || this.listening !== 'board') return;
    if (batch.from > this.boardSeq + 1) {
      void this.hello(); // a gap: catch up from the last one folded
      return;
    }
    let folded = 0;
    batch.events.forEach((e, i) => {
      if (batch.from + i <= this.boardSeq) return; // already folded
      evolveBoard(board, e);
      view.state.seq = Math.max(view.state.seq, e.seq);
      this.boardSeq = batch.from + i;
      folded++;
    });
    if (folded > 0) {
      this.store.setState({
        version: view.version + 1,
        boards: updateBoardViews(view.boards, view.state, [batch.board]),
        clockOffset: offsetAfter(view.clockOffset, batch.events),
      });
      this.settleSeen(batch.events);
    }
  }

  private receiveSummary(summary: SimulSummary): void {
    const view = this.store.getState();
    if (this.listening !== 'board') return;
    applySummary(view.state, summary, view.board);
    const boards = updateBoardViews(view.boards, view.state, view.state.order);
    this.store.setState({ queue: summary.queue, boards, version: view.version + 1 });
  }

  /** A pending command seen in the log was applied: its acknowledgement may have been lost. */
  private settleSeen(events: SimulEvent[]): void {
    if (this.pending.size === 0) return;
    for (const e of events) {
      // A command is remembered on its first event by a record: sender#id#fingerprint.
      const id = e.type === 'move-made' ? e.clientMoveId : e.command?.split('#')[1];
      if (id && this.pending.has(id)) this.settle(id, { ok: true });
    }
  }

  private settle(id: string, res: Ack): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    this.store.setState({ pendingCommands: this.pending.size });
    entry.resolve(res);
  }

  /**
   * Sends a command with an id of its own (a move's clientMoveId), and keeps resending it with
   * that id, after every reconnect, until it is acknowledged or seen in the log: the server
   * applies it once. A seat's re-issue is sent once: its answer is a new secret.
   */
  command<C extends CommandInput>(command: C): Promise<Reply<CommandAck<C['type']>>> {
    if (command.type === 'reissue-seat') return this.send(command);
    const sent = (idOf(command) ? command : { ...command, commandId: newCommandId() }) as CommandInput;
    const id = idOf(sent);
    return new Promise((resolve) => {
      this.pending.set(id, { command: sent, resolve: resolve as (res: Ack) => void });
      this.store.setState({ pendingCommands: this.pending.size });
      if (this.socket.connected) void this.sendPending(id);
    });
  }

  private async send<C extends CommandInput>(command: C): Promise<Reply<CommandAck<C['type']>>> {
    try {
      return (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('simul:command', command)) as Ack<CommandAck<C['type']>>;
    } catch {
      return NO_ANSWER;
    }
  }

  private async sendPending(id: string): Promise<void> {
    const entry = this.pending.get(id);
    if (!entry) return;
    try {
      this.settle(id, await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('simul:command', entry.command));
    } catch {
      // Unacknowledged: it stays pending and goes again after the next hello.
    }
  }

  private resendPending(): void {
    for (const id of this.pending.keys()) void this.sendPending(id);
  }

  async join(name: string, board?: number): Promise<Reply<{ board: number }>> {
    try {
      const res = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('simul:join', board ? { name, board } : { name });
      if (!res.ok) return res;
      credentials.saveSeatToken(this.simulId, res.seatToken);
      this.store.setState({ role: 'opponent', board: res.board, problem: null });
      // A phone, now seated, listens to its board from here on.
      if (this.want === 'state') void this.hello();
      return { ok: true, board: res.board };
    } catch {
      return NO_ANSWER;
    }
  }
}

/**
 * The server's time is at least that of the last event heard: a browser whose estimate (its own
 * clock plus the offset the hello gave) fell behind, because its clock or the server's moved
 * unevenly, catches up, so that the clocks it shows never run slow of the server's.
 */
function offsetAfter(offset: number, events: readonly SimulEvent[]): number {
  const last = events[events.length - 1];
  return last ? Math.max(offset, last.at - Date.now()) : offset;
}

let counter = 0;
/** An id unique to this page: random prefix, then a counter. */
function newId(): string {
  counter += 1;
  return `${Math.random().toString(36).slice(2, 10)}${counter}`;
}
export const newClientMoveId = newId;
const newCommandId = newId;

function idOf(command: CommandInput): string {
  if (command.type === 'move') return command.clientMoveId;
  return 'commandId' in command && command.commandId ? command.commandId : '';
}
