// What one screen knows of one simul, held in one zustand store: the sync (simul-sync.ts) folds
// the server's events into it, the outbox (outbox.ts) adds what this screen sent and awaits.
// Screens read it through the selectors of use-simul.ts.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Ack, Role } from '../protocol/events';
import { initialState } from '../simul/evolve';
import type { Rejection, SimulEvent, SimulState } from '../simul/types';
import type { BoardViews } from './board-views';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting';

/** Problems this page finds without the server refusing: its seat revoked, or no answer in time. */
export type ClientProblem = { code: 'seat-moved' } | { code: 'seat-freed' } | { code: 'no-answer' };

/** Anything that stops a request or a view, as a code; app/words (say.ts refusalText) says it in words. */
export type Problem = Rejection | ClientProblem;

/** A server's answer, or the page's own problem when none came. */
export type Reply<T extends object = object> = Ack<T> | { ok: false; error: ClientProblem };

export const NO_ANSWER = { ok: false, error: { code: 'no-answer' } } as const;

/** A move this screen sent, shown on its board until the server's position changes or it is refused. */
export interface OptimisticMove {
  readonly id: string;
  /** The server's position the move was made on. */
  readonly basedOn: string;
  readonly fen: string;
  readonly from: string;
  readonly to: string;
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
  /** The last command's refusal, shown until the next command is accepted. */
  refusal: Problem | null;
  pendingCommands: number;
  /** This screen's moves not yet in the server's position, by board. */
  optimistic: ReadonlyMap<number, OptimisticMove>;
  /** Server clock minus this browser's clock, in ms. */
  clockOffset: number;
}

export type SimulStore = StoreApi<SimulView>;

export function createSimulStore(): SimulStore {
  return createStore<SimulView>(() => ({
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
    optimistic: new Map(),
    clockOffset: 0,
  }));
}
