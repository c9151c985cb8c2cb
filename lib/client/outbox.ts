// What this screen sent and the server has not yet answered: every command goes out with an id
// of its own (a move's clientMoveId) and is resent with it after every reconnect until it is
// answered or this sender's own command shows in the log: the server applies it once. A move
// shows at once on its board (the optimistic move) until the server's position changes, and goes
// back if it is refused.
import type { CommandAck } from '../protocol/events';
import type { CommandInput } from '../protocol/schemas';
import { Chess, playIfLegal } from '../chess/rules';
import { commandRecord, moveRecord, parseRecord, type CommandRecord } from '../simul/queries';
import type { ClientActor, Command, SimulEvent, SimulState } from '../simul/types';
import type { SimulSocket } from './simul-socket';
import { NO_ANSWER, type OptimisticMove, type Reply, type SimulStore, type SimulView } from './simul-view';

type Ack = { ok: true } | { ok: false; error: NonNullable<SimulView['refusal']> };

/** A command sent and not yet answered, by its id. */
type Pending = { command: CommandInput; resolve: (res: Ack) => void };

export const ACK_TIMEOUT_MS = 5000;

type MoveInput = Extract<CommandInput, { type: 'move' }>;

/** Who this screen acts as, from the server's hello: its commands are known by that in the log. */
function actorOf(view: SimulView): ClientActor | null {
  if (view.role === 'host') return { role: 'host' };
  if (view.role === 'opponent' && view.board !== null) return { role: 'opponent', board: view.board };
  return null;
}

/** The record the server remembers an applied command by (its sender and id, what it asked), from the event that applied it. */
function recordOfEvent(e: SimulEvent, state: SimulState): CommandRecord | null {
  if (e.type === 'move-made' && e.clientMoveId) return moveRecord({ ...e, clientMoveId: e.clientMoveId }, state.boards.get(e.board));
  return e.command ? parseRecord(e.command) : null;
}

/** The same command: the same sender and id, and the same request (a log from before fingerprints has none). */
function same(mine: CommandRecord, applied: CommandRecord): boolean {
  return mine.key === applied.key && (applied.fingerprint === '' || mine.fingerprint === applied.fingerprint);
}

export class Outbox {
  private pending = new Map<string, Pending>();
  /**
   * Whether this connection's hello was answered: only then does the server know who sends. A
   * command made before (a phone reconnecting to a new node that is still taking the simul over)
   * waits, and goes with the rest after the hello.
   */
  private open = false;

  constructor(
    private readonly socket: SimulSocket,
    private readonly store: SimulStore,
  ) {
    socket.on('disconnect', () => {
      this.open = false;
    });
  }

  /**
   * Sends a command and keeps it until it is answered or seen applied; resolves with the
   * answer. A refusal is kept in the store (the one shown), an acceptance clears it.
   */
  command<C extends CommandInput>(command: C): Promise<Reply<CommandAck<C['type']>>> {
    if (command.type === 'reissue-seat') return this.once(command);
    const sent = (idOf(command) ? command : { ...command, commandId: newId() }) as CommandInput;
    const id = idOf(sent);
    const view = this.store.getState();
    const optimistic = sent.type === 'move' ? optimisticOf(view.state, sent) : null;
    return new Promise((resolve) => {
      this.pending.set(id, { command: sent, resolve: resolve as (res: Ack) => void });
      this.store.setState({
        pendingCommands: this.pending.size,
        ...(optimistic ? { optimistic: new Map(view.optimistic).set((sent as MoveInput).board, optimistic) } : {}),
      });
      if (this.open && this.socket.connected) void this.sendPending(id);
    });
  }

  /** Sends a command once, not kept: a seat's re-issue, whose answer is a new secret. */
  async once<C extends CommandInput>(command: C): Promise<Reply<CommandAck<C['type']>>> {
    try {
      return (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('simul:command', command)) as Reply<CommandAck<C['type']>>;
    } catch {
      return NO_ANSWER;
    }
  }

  /** After a (re)connect's hello and catch-up: everything pending goes again, with its id. */
  resend(): void {
    this.open = true;
    for (const id of this.pending.keys()) void this.sendPending(id);
  }

  /** The refusal shown is read and gone. */
  dismiss(): void {
    if (this.store.getState().refusal) this.store.setState({ refusal: null });
  }

  /**
   * Events just folded: this sender's own pending commands among them were applied (their
   * answers may have been lost), and a board whose position changed drops its optimistic move.
   * Returns what changed in the store, for the fold's one update.
   */
  seen(events: readonly SimulEvent[], view: SimulView): Partial<SimulView> {
    const done: string[] = [];
    if (this.pending.size > 0) {
      const actor = actorOf(view);
      const mine = new Map<string, { id: string; record: CommandRecord }>();
      if (actor) {
        for (const [id, { command }] of this.pending) {
          const record = commandRecord(view.state, actor, command as Command);
          if (record) mine.set(record.key, { id, record });
        }
      }
      for (const e of events) {
        const applied = recordOfEvent(e, view.state);
        const entry = applied && mine.get(applied.key);
        if (entry && same(entry.record, applied)) done.push(entry.id);
      }
    }
    // A takeback may bring a board back to the very position a move was based on: that move is
    // gone all the same.
    const undone = new Set(events.flatMap((e) => (e.type === 'takeback-accepted' ? [e.board] : [])));
    return this.settleAll(done, view, undone);
  }

  /** A state taken whole (a snapshot): this sender's pending moves it holds were applied. */
  restored(state: SimulState, view: SimulView): Partial<SimulView> {
    const actor = actorOf(view);
    const done: string[] = [];
    if (actor) {
      const side = actor.role === 'host' ? 'host' : 'opponent';
      for (const [id, { command }] of this.pending) {
        if (command.type !== 'move') continue;
        if (actor.role === 'opponent' && command.board !== actor.board) continue;
        if (state.boards.get(command.board)?.lastClientMoveId[side] === id) done.push(id);
      }
    }
    return this.settleAll(done, { ...view, state });
  }

  private settleAll(ids: string[], view: SimulView, undone: ReadonlySet<number> = new Set()): Partial<SimulView> {
    const patch: Partial<SimulView> = {};
    for (const id of ids) {
      const entry = this.pending.get(id);
      if (!entry) continue;
      this.pending.delete(id);
      entry.resolve({ ok: true });
      patch.refusal = null;
    }
    if (ids.length > 0) patch.pendingCommands = this.pending.size;
    const optimistic = stillShown(view.optimistic, view.state, undone);
    if (optimistic !== view.optimistic) patch.optimistic = optimistic;
    if (patch.refusal === null && view.refusal === null) delete patch.refusal;
    return patch;
  }

  private settle(id: string, res: Ack): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    const view = this.store.getState();
    const patch: Partial<SimulView> = { pendingCommands: this.pending.size };
    if (!res.ok || view.refusal !== null) patch.refusal = res.ok ? null : res.error;
    // A refused move goes back.
    if (!res.ok && entry.command.type === 'move' && view.optimistic.get(entry.command.board)?.id === id) {
      const optimistic = new Map(view.optimistic);
      optimistic.delete(entry.command.board);
      patch.optimistic = optimistic;
    }
    this.store.setState(patch);
    entry.resolve(res);
  }

  private async sendPending(id: string): Promise<void> {
    const entry = this.pending.get(id);
    if (!entry) return;
    try {
      this.settle(id, (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('simul:command', entry.command)) as Ack);
    } catch {
      // Unanswered: it stays pending and goes again after the next hello.
    }
  }
}

/** The position after this screen's move, shown until the server's position differs from its base. */
function optimisticOf(state: SimulState, move: MoveInput): OptimisticMove | null {
  const board = state.boards.get(move.board);
  if (!board) return null;
  const basedOn = board.chess.fen();
  const game = new Chess(basedOn);
  if (!playIfLegal(game, move.from, move.to, move.promotion)) return null;
  return { id: move.clientMoveId, basedOn, fen: game.fen(), from: move.from, to: move.to };
}

/** The optimistic moves whose board still stands where they were made, not taken back (the same map when all do). */
function stillShown(optimistic: SimulView['optimistic'], state: SimulState, undone: ReadonlySet<number>): SimulView['optimistic'] {
  let next: Map<number, OptimisticMove> | null = null;
  for (const [n, move] of optimistic) {
    if (!undone.has(n) && state.boards.get(n)?.chess.fen() === move.basedOn) continue;
    next ??= new Map(optimistic);
    next.delete(n);
  }
  return next ?? optimistic;
}

let counter = 0;
/** An id unique to this page: random prefix, then a counter. */
export function newId(): string {
  counter += 1;
  return `${Math.random().toString(36).slice(2, 10)}${counter}`;
}

function idOf(command: CommandInput): string {
  if (command.type === 'move') return command.clientMoveId;
  return 'commandId' in command && command.commandId ? command.commandId : '';
}
