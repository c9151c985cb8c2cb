// Everything the dashboard shows, from the event log alone (docs/METRICS.md), folded one event
// at a time. Pure and browser-safe: the server and the browser compute the same figures.
import { evolve, initialState, replay } from '../simul/evolve';
import { awaitingHostInOrder } from '../simul/rotation';
import type { Mode, SimulEvent, SimulState } from '../simul/types';
import { BoardSums, type BoardRow } from './boards';
import { hostUsage, type HostUsage } from './host';
import { boardThinks, projection, type Projection } from './projection';
import type { ReadyPoint } from './ready-queue';
import { StatesFold } from './states';
import { ThinkTimer, type MoveThink } from './thinks';
import { HostThinkClaims, type BoardTimeline, type Segment } from './timeline';

/** The two totals shown side by side: the mode that was played, and the other projected. */
interface Comparison {
  actual: { mode: Mode; total: number };
  projected: { mode: Mode; total: number };
  sync: number;
  async: number;
  /** sync / async; null while async is 0. */
  speedUp: number | null;
}

export interface SimulMetrics extends HostUsage {
  mode: Mode;
  running: boolean;
  endedEarly: boolean;
  /** Every move with its think time, in log order. */
  moves: MoveThink[];
  /** Table order. */
  boards: BoardRow[];
  /** Table order. */
  timeline: BoardTimeline[];
  readyQueue: ReadyPoint[];
  comparison: Comparison;
  /** Both modes replayed from the recorded think times (the projected side comes from here). */
  projection: Projection;
}

/** What a board's closed spans and its moves have added up to. */
interface BoardSoFar {
  segments: Segment[];
  sums: BoardSums;
}

/**
 * The dashboard's figures, kept up to date as the events arrive: `add` each event of the
 * log in order, then `at(now)` gives what `simulMetrics(eventsSoFar, now)` gives.
 *
 * A span's segments, a move's think time and their share of the board's sums are fixed
 * when they close, measured on the busy clock as it stands at that event (busy time up to
 * an event never changes after it, the log's times never going back). A read measures
 * only what is still open at `now`: the waits still open and the running end. It copies
 * the lists out, so what it returns never changes.
 *
 * The other mode's projection is a full replay of every think time (the async rotation
 * depends on all of them at once), in O(moves · log boards): it changes with each move,
 * not with `now`, so it is kept until the next move.
 */
export class MetricsFold {
  private readonly states: StatesFold;
  /** The simul folded alongside, when no screen's state is given to ask where the host is. */
  private readonly own: SimulState | null;

  /**
   * `hostOrder`: the domain's boards awaiting the host in the order it serves them, as of the
   * last event added (a screen passes its folded state's awaitingHostInOrder); without it the
   * fold folds the simul's state itself to ask.
   */
  constructor(hostOrder?: () => readonly number[]) {
    const own = hostOrder ? null : initialState();
    this.own = own;
    this.states = new StatesFold(hostOrder ?? (() => awaitingHostInOrder(own!)));
  }

  private readonly claims = new HostThinkClaims();
  private timer: ThinkTimer | null = null;
  private readonly moves: MoveThink[] = [];
  private readonly boards = new Map<number, BoardSoFar>();
  private projected: Projection | null = null;

  add(e: SimulEvent): void {
    const { states } = this;
    const spansBefore = states.spans.length;
    const movesBefore = states.moves.length;
    if (this.own) evolve(this.own, e);
    states.add(e);
    const clock = states.readyQueue.clock(e.at);
    for (let i = spansBefore; i < states.spans.length; i++) {
      const span = states.spans[i];
      const board = this.board(span.board);
      for (const s of this.claims.segments(span)) {
        board.segments.push(s);
        board.sums.addSegment(s, clock);
      }
    }
    for (let i = movesBefore; i < states.moves.length; i++) {
      this.timer ??= new ThinkTimer(states.start!);
      const move = this.timer.next(states.moves[i], clock);
      this.moves.push(move);
      this.board(move.board).sums.addMove(move);
      this.projected = null;
    }
  }

  /**
   * All the figures. `now` (ms, server time) measures a running simul up to the present;
   * a finished one ends at its last game's end. Null before the start.
   */
  at(now?: number): SimulMetrics | null {
    const { states } = this;
    if (states.start === null) return null;
    const end = states.end(now);
    const clock = states.readyQueue.clock(end);

    // The open waits claim their host-think after every closed one, on a copy of the claims.
    const claims = this.claims.fork();
    const open = new Map<number, Segment[]>();
    for (const span of states.openSpans(end)) open.set(span.board, claims.segments(span));

    const boards: BoardRow[] = [];
    const timeline: BoardTimeline[] = [];
    for (const { current: _current, spans: _spans, games, ...board } of states.boards) {
      const record = { ...board, games: games.map((g) => ({ ...g })) };
      const soFar = this.board(record.board);
      const tail = open.get(record.board) ?? [];
      const sums = soFar.sums.copy();
      for (const s of tail) sums.addSegment(s, clock);
      boards.push(sums.row(record, end));
      timeline.push({ board: record.board, segments: [...soFar.segments, ...tail] });
    }

    const { paused } = states.pausesUntil(end);
    const usage = hostUsage(states.start, end, clock, this.timer?.lastHostMove ?? states.start, paused);
    this.projected ??= projection(boardThinks(states.boards, this.moves), { rotation: states.rotation, clock: states.clock });
    const projected = this.projected;
    const mode = states.mode;
    const other: Mode = mode === 'async' ? 'sync' : 'async';
    const sync = mode === 'sync' ? usage.elapsed : projected.sync;
    const async = mode === 'async' ? usage.elapsed : projected.async;
    return {
      ...usage,
      mode,
      running: states.running,
      endedEarly: states.endedEarly,
      moves: [...this.moves],
      boards,
      timeline,
      readyQueue: states.readyQueue.readUntil(end),
      comparison: {
        actual: { mode, total: usage.elapsed },
        projected: { mode: other, total: projected[other] },
        sync,
        async,
        speedUp: async > 0 ? sync / async : null,
      },
      projection: projected,
    };
  }

  private board(n: number): BoardSoFar {
    let board = this.boards.get(n);
    if (!board) this.boards.set(n, (board = { segments: [], sums: new BoardSums() }));
    return board;
  }
}

/** All the dashboard's figures from a whole log: the fold over it, read at `now`. */
export function simulMetrics(events: readonly SimulEvent[], now?: number): SimulMetrics | null {
  // Where the host is, replayed only when a wait is still open (a running simul).
  const fold = new MetricsFold(() => awaitingHostInOrder(replay(events)));
  for (const e of events) fold.add(e);
  return fold.at(now);
}
