// One browser's live link to one simul: it says hello with its last seq and its secret,
// folds the server's events with the same evolve() as the server, catches up after a drop,
// and resends unacknowledged moves with their ids until the server acknowledges them.
import { io, type Socket } from 'socket.io-client';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Ack, ClientToServerEvents, HelloReply, Role, ServerToClientEvents } from '../protocol/events';
import { evolve, initialState, replay } from '../simul/evolve';
import { fromSnapshot } from '../simul/snapshot';
import type { Rejection, SimulEvent, SimulState } from '../simul/types';
import type { CommandInput } from '../protocol/schemas';
import { credentials } from './credentials';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting';

export interface SimulView {
  state: SimulState;
  /** Bumped on every fold: the state object itself is updated in place. */
  version: number;
  /** The log, for the dashboard's figures and the downloads (from the snapshot on, for a 'state' view). */
  log: SimulEvent[];
  role: Role | null;
  board: number | null;
  status: ConnectionStatus;
  /** A problem that stops this view (unknown simul, revoked seat), in words. */
  problem: Rejection | null;
  pendingMoves: number;
  /** Server clock minus this browser's clock, in ms. */
  clockOffset: number;
}

type Pending = { command: CommandInput; resolve: (res: Ack) => void };

const ACK_TIMEOUT_MS = 5000;

export class SimulConnection {
  readonly store: StoreApi<SimulView>;
  private socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private pending = new Map<string, Pending>();
  private helloInFlight = false;
  private helloAgain = false;

  constructor(
    readonly simulId: string,
    url?: string,
    /** 'state' for a view that needs the position, not the history (no dashboard, no log). */
    private want: 'log' | 'state' = 'log',
  ) {
    this.store = createStore<SimulView>(() => ({
      state: initialState(),
      version: 0,
      log: [],
      role: null,
      board: null,
      status: 'connecting',
      problem: null,
      pendingMoves: 0,
      clockOffset: 0,
    }));
    const options = { transports: ['websocket'], reconnectionDelayMax: 5000 };
    this.socket = url ? io(url, options) : io(options);
    this.socket.on('connect', () => void this.hello());
    this.socket.on('disconnect', () => this.store.setState({ status: 'reconnecting' }));
    this.socket.on('simul:events', (events) => this.receive(events));
    this.socket.on('simul:revoked', ({ reason }) => {
      credentials.forgetSeatToken(this.simulId);
      const message =
        reason === 'reissued' ? 'Your seat was moved to another device.' : 'The host freed your seat: you can join again.';
      this.store.setState({ role: 'spectator', board: null, problem: { code: 'bad-credentials', message } });
    });
  }

  close(): void {
    this.socket.close();
  }

  private async hello(): Promise<void> {
    if (this.helloInFlight) {
      this.helloAgain = true;
      return;
    }
    this.helloInFlight = true;
    try {
      const { state } = this.store.getState();
      const hostKey = credentials.hostKey(this.simulId);
      const seatToken = hostKey ? undefined : credentials.seatToken(this.simulId);
      const res = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('simul:hello', {
        simulId: this.simulId,
        lastSeq: state.seq,
        hostKey,
        seatToken,
        want: this.want,
      });
      if (!res.ok) return this.helloRefused(res.error, hostKey ? 'host' : seatToken ? 'seat' : null);
      this.applyHello(res);
      // A long log comes in pages: ask for the next one at once.
      if (res.more) this.helloAgain = true;
      else this.resendPending();
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
    this.store.setState({ problem: error, status: 'online' });
    if (error.code === 'bad-credentials' || error.code === 'bad-payload') {
      // A stale or broken secret (the seat was freed or moved): forget the one that was
      // sent, and watch instead.
      if (sent === 'host') credentials.forgetHostKey(this.simulId);
      if (sent === 'seat') credentials.forgetSeatToken(this.simulId);
      if (sent) setTimeout(() => void this.hello(), 0);
    } else if (error.code === 'rate-limited' || error.code === 'internal') {
      setTimeout(() => void this.hello(), error.retryAfterMs ?? 2000);
    }
  }

  private applyHello(reply: HelloReply): void {
    const view = this.store.getState();
    this.store.setState({ clockOffset: reply.serverNow - Date.now(), problem: null });
    if (reply.snapshot) {
      const state = fromSnapshot(reply.snapshot);
      this.store.setState({ state, log: [], version: view.version + 1, role: reply.role, board: reply.board, status: 'online' });
      // A pending move the snapshot already holds was applied: its acknowledgement was lost.
      for (const board of state.boards.values()) {
        for (const id of [board.lastClientMoveId.host, board.lastClientMoveId.opponent]) {
          if (id && this.pending.has(id)) this.settle(id, { ok: true });
        }
      }
    } else if (reply.reset) {
      this.store.setState({
        state: replay(reply.events),
        log: [...reply.events],
        version: view.version + 1,
        role: reply.role,
        board: reply.board,
        status: 'online',
      });
      this.settleSeenMoves(reply.events);
    } else {
      this.store.setState({ role: reply.role, board: reply.board, status: 'online' });
      this.receive(reply.events);
    }
  }

  private receive(events: SimulEvent[]): void {
    const view = this.store.getState();
    let folded = 0;
    for (const e of events) {
      if (e.seq <= view.state.seq) continue; // already folded (a catch-up overlapping a broadcast)
      if (e.seq !== view.state.seq + 1) {
        // A gap: something was missed; ask for everything after what we have.
        void this.hello();
        break;
      }
      evolve(view.state, e);
      view.log.push(e);
      folded++;
    }
    if (folded > 0) {
      this.store.setState({ version: view.version + 1 });
      this.settleSeenMoves(events);
    }
  }

  /** A pending move seen in the log was applied: its acknowledgement may have been lost. */
  private settleSeenMoves(events: SimulEvent[]): void {
    if (this.pending.size === 0) return;
    for (const e of events) {
      if (e.type === 'move-made' && e.clientMoveId && this.pending.has(e.clientMoveId)) {
        this.settle(e.clientMoveId, { ok: true });
      }
    }
  }

  private settle(id: string, res: Ack): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    this.store.setState({ pendingMoves: this.pending.size });
    entry.resolve(res);
  }

  /** Sends a command; moves are kept and resent with the same id until acknowledged. */
  command(command: CommandInput): Promise<Ack> {
    if (command.type !== 'move') return this.send(command);
    return new Promise((resolve) => {
      this.pending.set(command.clientMoveId, { command, resolve });
      this.store.setState({ pendingMoves: this.pending.size });
      if (this.socket.connected) void this.sendPending(command.clientMoveId);
    });
  }

  private async send(command: CommandInput): Promise<Ack> {
    try {
      return await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('simul:command', command);
    } catch {
      return { ok: false, error: { code: 'internal', message: 'No answer from the server: try again.' } };
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

  async join(name: string, board?: number): Promise<Ack<{ board: number }>> {
    try {
      const res = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('simul:join', board ? { name, board } : { name });
      if (!res.ok) return res;
      credentials.saveSeatToken(this.simulId, res.seatToken);
      this.store.setState({ role: 'opponent', board: res.board, problem: null });
      return { ok: true, board: res.board };
    } catch {
      return { ok: false, error: { code: 'internal', message: 'No answer from the server: try again.' } };
    }
  }
}

let counter = 0;
/** A move id unique to this page: random prefix, then a counter. */
export function newClientMoveId(): string {
  counter += 1;
  return `${Math.random().toString(36).slice(2, 10)}${counter}`;
}
