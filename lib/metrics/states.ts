// The one reading of the event log every metric starts from: which state each board was
// in over time, every move with the moment its mover got the move, and the ready-queue
// length as a step function. One pass over the events, folded one at a time; everything
// else derives from this.
import { hostColorOf } from '../simul/queries';
import type {
  AbortReason,
  Color,
  EndReason,
  HostColorChoice,
  Mode,
  Result,
  Side,
  SimulEvent,
} from '../simul/types';
import { ReadyQueue, type ReadyPoint } from './ready-queue';

/** A live board's state (METRICS "Per instant"); a finished board has no span. */
export type LiveState = 'queued' | 'host-to-move' | 'opponent-to-move';

export interface Interval {
  from: number;
  to: number;
}

export interface StateSpan extends Interval {
  board: number;
  state: LiveState;
  /** Still going at `now` (the span is cut at the simul's `end`). */
  open: boolean;
}

export interface MoveRecord {
  board: number;
  by: Side;
  at: number;
  san: string;
  /** When the mover got the move: the game's start or the previous move on this board. */
  since: number;
}

export type GameStatus = 'queued' | 'playing' | 'finished' | 'aborted';

export interface BoardRecord {
  board: number;
  hostColor: Color;
  opponent: string | null;
  status: GameStatus;
  result: Result | null;
  /** How the game ended, or why it stayed unfinished (aborted). */
  reason: EndReason | AbortReason | null;
  /** Who resigned, when the game ended by resignation. */
  resignedBy: Side | null;
  startedAt: number | null;
  endedAt: number | null;
  moves: number;
  /**
   * This board's spans in time order, contiguous from the simul's start (a late joiner's
   * board: from the join) to its game's end.
   */
  spans: StateSpan[];
}

export interface SimulStates {
  mode: Mode;
  start: number;
  /** The last game's end, or `now` while a game is still queued or playing. */
  end: number;
  running: boolean;
  endedEarly: boolean;
  /** Boards in the rotation order: table order, late joiners' boards last. */
  boards: BoardRecord[];
  /** Every move in log order. */
  moves: MoveRecord[];
  /**
   * Every span in the order it ended (so by `to`); the spans still open at `now` come
   * last, in cyclic table order after the board of the host's last move.
   */
  spans: StateSpan[];
  /** Boards awaiting the host over time, from `start`; the last point is at `end`. */
  readyQueue: ReadyPoint[];
}

/** A board as read so far: its closed spans, and the state it is in since when. */
export interface Draft extends BoardRecord {
  current: { state: LiveState; since: number } | null;
}

/**
 * The reading, one event at a time: the closed spans, the moves and the ready queue only
 * grow, so a running simul is read again at a new `now` without reading its log again.
 */
export class StatesFold {
  mode: Mode = 'async';
  start: number | null = null;
  endedEarly = false;
  /** Boards in table order; their spans so far are the closed ones. */
  readonly boards: Draft[] = [];
  /** Every move in log order. */
  readonly moves: MoveRecord[] = [];
  /** Every closed span in the order it ended. */
  readonly spans: StateSpan[] = [];
  readonly readyQueue = new ReadyQueue();
  private hostColor: HostColorChoice = 'white';
  private lastAt = -Infinity;
  private lastHostBoard: number | null = null;
  private ready = 0;
  private readonly names = new Map<number, string>();
  private readonly byNumber = new Map<number, Draft>();

  add(e: SimulEvent): void {
    this.lastAt = Math.max(this.lastAt, e.at);
    const b = 'board' in e ? this.byNumber.get(e.board) : undefined;
    switch (e.type) {
      case 'simul-created':
        this.mode = e.mode;
        this.hostColor = e.hostColor;
        break;
      case 'seat-taken':
        this.names.set(e.board, e.name);
        // A late joiner: the board takes part from now, queued until its game begins.
        if (this.start !== null) this.addBoard(e.board, e.at);
        break;
      case 'seat-freed':
        this.names.delete(e.board);
        break;
      case 'simul-started':
        this.start = e.at;
        this.readyQueue.record(e.at, this.ready);
        for (const n of e.boards) this.addBoard(n, e.at);
        break;
      case 'game-started':
        if (!b) break;
        b.status = 'playing';
        b.startedAt = e.at;
        this.enter(b, b.hostColor === 'w' ? 'host-to-move' : 'opponent-to-move', e.at);
        break;
      case 'move-made':
        if (!b?.current) break;
        this.moves.push({ board: b.board, by: e.by, at: e.at, san: e.san, since: b.current.since });
        b.moves++;
        if (e.by === 'host') this.lastHostBoard = b.board;
        this.enter(b, e.by === 'host' ? 'opponent-to-move' : 'host-to-move', e.at);
        break;
      case 'game-ended':
      case 'game-aborted':
        if (!b) break;
        b.status = e.type === 'game-ended' ? 'finished' : 'aborted';
        if (e.type === 'game-ended') {
          b.result = e.result;
          b.reason = e.reason;
          b.resignedBy = e.reason === 'resignation' ? (e.by ?? null) : null;
        } else {
          b.reason = e.reason ?? 'host-aborted';
        }
        b.endedAt = e.at;
        this.enter(b, null, e.at);
        break;
      case 'simul-finished':
        this.endedEarly = e.early;
        break;
    }
  }

  get running(): boolean {
    return this.boards.some((b) => b.current !== null);
  }

  /** The reading's end at `now`: see SimulStates.end. Only once started. */
  end(now?: number): number {
    const start = this.start!;
    if (this.running) return Math.max(now ?? this.lastAt, this.lastAt);
    return Math.max(start, ...this.boards.map((b) => b.endedAt ?? start));
  }

  /**
   * The spans still open, cut at `end`. Their waits have no known end: they come in the
   * order the rotation would reach them, cyclic table order after the host's last board.
   */
  openSpans(end: number): StateSpan[] {
    const { boards } = this;
    const open: StateSpan[] = [];
    const after = this.lastHostBoard === null ? -1 : boards.findIndex((b) => b.board === this.lastHostBoard);
    for (let i = 1; i <= boards.length; i++) {
      const { board, current } = boards[(after + i) % boards.length];
      if (current && end > current.since) open.push({ board, state: current.state, from: current.since, to: end, open: true });
    }
    return open;
  }

  /** The reading so far, measured to `now` (a copy: the fold can go on). Null before the start. */
  read(now?: number): SimulStates | null {
    if (this.start === null) return null;
    const end = this.end(now);
    const open = this.openSpans(end);
    const openOf = new Map(open.map((s) => [s.board, s]));
    return {
      mode: this.mode,
      start: this.start,
      end,
      running: this.running,
      endedEarly: this.endedEarly,
      boards: this.boards.map(({ current: _current, spans, ...record }) => ({
        ...record,
        spans: openOf.has(record.board) ? [...spans, openOf.get(record.board)!] : [...spans],
      })),
      moves: [...this.moves],
      spans: [...this.spans, ...open],
      readyQueue: this.readyQueue.readUntil(end),
    };
  }

  /** A board taking part from `at` (the start, or a late joiner's join), queued, last in the rotation. */
  private addBoard(n: number, at: number): void {
    const draft: Draft = {
      board: n,
      hostColor: hostColorOf(this.hostColor, n),
      opponent: this.names.get(n) ?? null,
      status: 'queued',
      result: null,
      reason: null,
      resignedBy: null,
      startedAt: null,
      endedAt: null,
      moves: 0,
      spans: [],
      current: null,
    };
    this.byNumber.set(n, draft);
    this.boards.push(draft);
    this.enter(draft, 'queued', at);
  }

  private close(b: Draft, at: number): void {
    const cur = b.current;
    if (!cur) return;
    if (at > cur.since) {
      const span: StateSpan = { board: b.board, state: cur.state, from: cur.since, to: at, open: false };
      b.spans.push(span);
      this.spans.push(span);
    }
    if (cur.state === 'host-to-move') this.ready--;
    b.current = null;
  }

  private enter(b: Draft, state: LiveState | null, at: number): void {
    this.close(b, at);
    if (state) b.current = { state, since: at };
    if (state === 'host-to-move') this.ready++;
    this.readyQueue.record(at, this.ready);
  }
}

/**
 * Reads the log once. `now` (ms, server time) closes the spans still open while the simul
 * runs; it defaults to the last event's time. Null before the simul has started.
 */
export function readStates(events: readonly SimulEvent[], now?: number): SimulStates | null {
  const fold = new StatesFold();
  for (const e of events) fold.add(e);
  return fold.read(now);
}
