// This screen's copy of one simul, kept in step with the server's: it says hello with its last
// seq (or, for a seated student's phone, its board's last event number) and its secret, folds
// the server's events with the same evolve() as the server into the state and the per-board
// views, sees a gap and catches up, and takes the log in pages after a drop. Every frame that
// arrives makes one store update. What this screen sent is the outbox's (outbox.ts).
//
// A host console, projector or review listens to the whole simul. A student's phone, once
// seated, listens to its own board and a summary of the rest (lib/protocol/events.ts).
import { PROTOCOL_VERSION, type BoardEvents, type HelloReply, type Listen } from '../protocol/events';
import { boardsOf, evolve, evolveBoard, foldMessage, initialState } from '../simul/evolve';
import { fromSnapshot } from '../simul/snapshot';
import { applySummary, type SimulSummary } from '../simul/summary';
import { retryAfterMs } from '../simul/rejection';
import type { Rejection, SimulEvent, SimulState } from '../simul/types';
import { boardViews, updateBoardViews } from './board-views';
import { credentials } from './saved-credentials';
import { ACK_TIMEOUT_MS, type Outbox } from './outbox';
import type { SimulSocket } from './simul-socket';
import type { ClientProblem, Problem, SimulStore, SimulView } from './simul-view';

/** Why this page lost its seat, if it did: that stays shown while it watches, until it joins again. */
function lostSeat(problem: Problem | null): ClientProblem | null {
  return problem?.code === 'seat-moved' || problem?.code === 'seat-freed' ? problem : null;
}

export interface SyncOptions {
  /**
   * 'state' for a view that needs the position, not the history (no dashboard, no log): a
   * phone. Seated, it hears only its board.
   */
  want?: 'log' | 'state';
  /**
   * 'watcher' for a screen everyone sees (the projector): it never sends this browser's host
   * key or seat token, so it watches as a spectator even in the host's own browser.
   */
  as?: 'self' | 'watcher';
}

export class SimulSync {
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
  readonly want: 'log' | 'state';
  private readonly as: 'self' | 'watcher';

  constructor(
    readonly simulId: string,
    private readonly socket: SimulSocket,
    private readonly store: SimulStore,
    private readonly outbox: Outbox,
    options: SyncOptions = {},
  ) {
    this.want = options.want ?? 'log';
    this.as = options.as ?? 'self';
    socket.on('connect', () => void this.hello());
    socket.on('disconnect', () => this.store.setState({ status: 'reconnecting' }));
    socket.on('simul:events', (events) => this.commit(this.receive(events, this.store.getState())));
    socket.on('board:events', (batch) => this.commit(this.receiveBoard(batch, this.store.getState())));
    socket.on('simul:summary', (summary) => this.commit(this.receiveSummary(summary, this.store.getState())));
    socket.on('simul:revoked', ({ reason }) => {
      credentials.forgetSeatToken(this.simulId);
      const problem: ClientProblem = { code: reason === 'reissued' ? 'seat-moved' : 'seat-freed' };
      this.store.setState({ role: 'spectator', board: null, problem });
      // From now on this page watches the whole simul; the notice stays until it sits again.
      void this.hello();
    });
  }

  /** A phone with a seat hears its board; everything else hears the simul. */
  private listen(seatToken: string | undefined): Listen {
    return this.want === 'state' && seatToken ? 'board' : 'simul';
  }

  /** Says hello (again): the server answers with what this copy lacks. */
  async hello(): Promise<void> {
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
      // A long log comes in pages: ask for the next one at once.
      const more = (res.kind === 'reset' || res.kind === 'delta') && res.more;
      const patch = this.applyHello(res);
      if (this.paging && !more) patch.version = (patch.version ?? this.store.getState().version) + 1;
      this.paging = more;
      this.commit(patch);
      if (more) this.helloAgain = true;
      else this.outbox.resend();
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
    } else if (error.code === 'rate-limited' || error.code === 'internal' || error.code === 'try-again' || error.code === 'storage-full') {
      setTimeout(() => void this.hello(), retryAfterMs(error) ?? (error.code === 'try-again' ? 50 : error.code === 'storage-full' ? 5000 : 2000));
    }
  }

  /** The store's fields after a hello's reply, as one update. */
  private applyHello(reply: HelloReply): Partial<SimulView> {
    const who: Partial<SimulView> = {
      role: reply.role,
      board: reply.board,
      status: 'online',
      problem: lostSeat(this.store.getState().problem),
      clockOffset: reply.serverNow - Date.now(),
    };
    const view = { ...this.store.getState(), ...who } as SimulView;
    switch (reply.kind) {
      case 'snapshot':
        this.boardSeq = reply.boardSeq ?? 0;
        return { ...who, ...this.restore(fromSnapshot(reply.snapshot), view, reply.snapshot.seq) };
      case 'reset': {
        // The positions from the snapshot; the log from its start, folding none of it again
        // (without a snapshot, from the start: the log is folded as it comes).
        const restored = { ...view, ...this.restore(reply.snapshot ? fromSnapshot(reply.snapshot) : initialState(), view, 0) };
        return { ...who, ...restored, ...this.receive(reply.events, restored) };
      }
      case 'delta':
        return { ...who, ...this.receive(reply.events, view) };
      case 'board-delta': {
        const folded = { ...view, ...this.receiveBoard({ board: reply.board!, from: reply.from, events: reply.events }, view) };
        return { ...who, ...folded, ...this.receiveSummary(reply.summary, folded) };
      }
    }
  }

  /** Takes `state` as the state; the log starts empty, as if it held the events up to `logSeq`. */
  private restore(state: SimulState, view: SimulView, logSeq: number): Partial<SimulView> {
    this.logSeq = logSeq;
    const restored: Partial<SimulView> = { state, boards: boardViews(state), log: [], queue: null, version: view.version + 1 };
    // A pending move the snapshot already holds was applied: its acknowledgement was lost.
    return { ...restored, ...this.outbox.restored(state, { ...view, ...restored } as SimulView) };
  }

  /**
   * Events of the simul, in order: each is added to the log, and folded into the state unless
   * the state (from a snapshot) already holds it, as it holds a long log's history.
   */
  private receive(events: SimulEvent[], view: SimulView): Partial<SimulView> {
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
    if (added === 0 || (touched.size === 0 && this.paging)) return {};
    // Where the host was and is: those boards' looks changed too.
    if (touched.size > 0) for (const n of [focusBefore, view.state.focus]) if (n !== null) touched.add(n);
    const boards = touched.size > 0 ? updateBoardViews(view.boards, view.state, touched) : view.boards;
    const folded = { version: view.version + 1, boards, clockOffset: offsetAfter(view.clockOffset, events) };
    return { ...folded, ...this.outbox.seen(events, { ...view, ...folded }) };
  }

  /** A board listener's own board's events: numbered per board, so that a gap is seen. */
  private receiveBoard(batch: BoardEvents, view: SimulView): Partial<SimulView> {
    const board = view.board === batch.board ? view.state.boards.get(batch.board) : undefined;
    if (!board || this.listening !== 'board') return {};
    if (batch.from > this.boardSeq + 1) {
      void this.hello(); // a gap: catch up from the last one folded
      return {};
    }
    let folded = 0;
    batch.events.forEach((e, i) => {
      if (batch.from + i <= this.boardSeq) return; // already folded
      evolveBoard(board, e);
      // The host's word to the class comes with every board's events: the phone shows the latest.
      if (e.type === 'class-message') foldMessage(view.state, e);
      view.state.seq = Math.max(view.state.seq, e.seq);
      this.boardSeq = batch.from + i;
      folded++;
    });
    // The summary the frame carries comes after its events.
    const summary = batch.summary ? this.receiveSummary(batch.summary, view) : {};
    if (folded === 0) return summary;
    const patch = {
      ...summary,
      version: view.version + 1,
      boards: summary.boards ?? updateBoardViews(view.boards, view.state, [batch.board]),
      clockOffset: offsetAfter(view.clockOffset, batch.events),
    };
    return { ...patch, ...this.outbox.seen(batch.events, { ...view, ...patch }) };
  }

  private receiveSummary(summary: SimulSummary, view: SimulView): Partial<SimulView> {
    if (this.listening !== 'board') return {};
    applySummary(view.state, summary, view.board);
    const boards = updateBoardViews(view.boards, view.state, view.state.order);
    return { queue: summary.queue, boards, version: view.version + 1 };
  }

  /** One store update for one frame, or none when it changed nothing. */
  private commit(patch: Partial<SimulView>): void {
    if (Object.keys(patch).length > 0) this.store.setState(patch);
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
