// One screen's link to one simul, in three parts: the socket it is handed (simul-socket.ts),
// the sync that keeps the store's copy of the simul in step with the server's (simul-sync.ts),
// and the outbox of what this screen sent (outbox.ts). Taking a seat happens here too. Screens
// act through SimulController and read through the selectors of use-simul.ts.
import { credentials } from './saved-credentials';
import { ACK_TIMEOUT_MS, Outbox } from './outbox';
import type { SimulSocket } from './simul-socket';
import { SimulSync, type SyncOptions } from './simul-sync';
import { WAKE_WINDOW_MS } from './wake-up';
import { createSimulStore, NO_ANSWER, type Reply, type SimulStore } from './simul-view';

export type { ClientProblem, ConnectionStatus, OptimisticMove, Problem, Reply, SimulView } from './simul-view';

export class SimulConnection {
  readonly store: SimulStore = createSimulStore();
  readonly outbox: Outbox;
  readonly sync: SimulSync;
  /** When the page last came back (woke, resumed, went online), by `now`. */
  private wokeAt = -Infinity;

  constructor(
    readonly simulId: string,
    private readonly socket: SimulSocket,
    options: SyncOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.outbox = new Outbox(socket, this.store);
    this.sync = new SimulSync(simulId, socket, this.store, this.outbox, options);
    // A socket handed over already connected heard no 'connect' of ours.
    if (socket.connected) void this.sync.hello();
    // A link found dead just after waking (the server closed it while the page was frozen)
    // opens again at once: the student is looking at the phone now.
    socket.on('disconnect', () => {
      if (this.now() - this.wokeAt < WAKE_WINDOW_MS) setTimeout(() => this.socket.reconnectNow(), 0);
    });
  }

  /**
   * The page came back (lib/client/wake-up.ts): a link that is down opens now; one that is up
   * says hello, and the server answers with what was missed and its clock, which moved on while
   * this page slept.
   */
  wake(): void {
    this.wokeAt = this.now();
    if (this.socket.connected) void this.sync.hello();
    else this.socket.reconnectNow();
  }

  close(): void {
    this.socket.close();
  }

  /** Takes a seat (the given board, or the first free); the seat token stays in this browser. */
  async join(name: string, board?: number): Promise<Reply<{ board: number }>> {
    try {
      const res = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('simul:join', board ? { name, board } : { name });
      if (!res.ok) return res;
      credentials.saveSeatToken(this.simulId, res.seatToken);
      this.store.setState({ role: 'opponent', board: res.board, problem: null });
      // A phone, now seated, listens to its board from here on.
      if (this.sync.want === 'state') void this.sync.hello();
      return { ok: true, board: res.board };
    } catch {
      return NO_ANSWER;
    }
  }
}
