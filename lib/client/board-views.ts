// What a screen draws of each board, as immutable values: a board's view is rebuilt only when an
// event touched it (or the host came or left), so a component that selects one board's view
// redraws only when that board changed.
import { lookOf, type BoardLook } from '../simul/board-look';
import { presenceOf } from '../simul/presence';
import type { AbortReason, Color, EndReason, Result, Side, SimulState, TakebackNews } from '../simul/types';

export interface BoardView {
  readonly number: number;
  /** The opponent's name, or '' for a free seat. */
  readonly name: string;
  /** Whether a bot sits there. */
  readonly isBot: boolean;
  readonly fen: string;
  readonly hostColor: Color;
  readonly look: BoardLook;
  /** "e2e4", or null before the first move. */
  readonly lastMove: string | null;
  /** Server time at which the side to move got the move: a leaf shows the wait from it. */
  readonly turnSince: number | null;
  readonly drawOfferBy: Side | null;
  /** The side asking to take back its move. */
  readonly takebackBy: Side | null;
  /** What the student last heard of a takeback (a new object with each outcome), and whether the host turned them off. */
  readonly takebackNews: TakebackNews | null;
  readonly takebacksOff: boolean;
  /** The class is paused: nobody moves here. */
  readonly paused: boolean;
  readonly moveCount: number;
  readonly result: Result | null;
  readonly endReason: EndReason | AbortReason | null;
  /** In a simul with clocks: each side's time left (the running side's as of `clockSince`). */
  readonly hostClock: number | null;
  readonly opponentClock: number | null;
  /** The side whose clock runs, and since when (server time): a leaf counts it down. */
  readonly clockRunning: Side | null;
  readonly clockSince: number | null;
  /** Its student's presence (lib/simul/presence.ts): null where no student sits (or a seated bot). */
  readonly presence: 'here' | 'away' | 'left' | null;
  /** Since when its student is away, while away. */
  readonly awaySince: number | null;
  /** A bot plays the student's side for now. */
  readonly standIn: boolean;
}

export type BoardViews = ReadonlyMap<number, BoardView>;

function viewOf(state: SimulState, number: number): BoardView | null {
  const b = state.boards.get(number);
  if (!b) return null;
  return {
    number,
    name: b.opponent?.name ?? '',
    isBot: Boolean(b.opponent?.bot),
    fen: b.chess.fen(),
    hostColor: b.hostColor,
    look: lookOf(state, b),
    lastMove: b.lastMove ? b.lastMove.from + b.lastMove.to : null,
    turnSince: b.turnSince,
    drawOfferBy: b.drawOfferBy,
    takebackBy: b.takebackBy,
    takebackNews: b.takebackNews,
    takebacksOff: b.takebacksOff,
    paused: b.paused,
    moveCount: b.moveCount,
    result: b.result,
    endReason: b.endReason,
    hostClock: b.clock?.host ?? null,
    opponentClock: b.clock?.opponent ?? null,
    // While the class is paused no clock runs.
    clockRunning: b.clock && !b.clock.paused ? b.clock.running : null,
    clockSince: b.clock?.since ?? null,
    presence: presenceOf(b)?.kind ?? null,
    awaySince: b.awaySince,
    standIn: b.standIn !== null,
  };
}

function same(a: BoardView, b: BoardView): boolean {
  for (const k of Object.keys(a) as (keyof BoardView)[]) if (a[k] !== b[k]) return false;
  return true;
}

/** Every board's view, afresh. */
export function boardViews(state: SimulState): BoardViews {
  return updateBoardViews(new Map(), state, state.order);
}

/**
 * The views after a change that touched `touched`: those are rebuilt (and kept as they were
 * when nothing they show changed), every other view is the same object as before.
 */
export function updateBoardViews(views: BoardViews, state: SimulState, touched: Iterable<number>): BoardViews {
  const next = new Map<number, BoardView>();
  for (const n of state.order) {
    const old = views.get(n);
    if (old) next.set(n, old);
  }
  for (const n of touched) {
    const view = viewOf(state, n);
    if (!view) continue;
    const old = views.get(n);
    next.set(n, old && same(old, view) ? old : view);
  }
  return next;
}
