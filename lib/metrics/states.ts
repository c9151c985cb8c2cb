// The one reading of the event log every metric starts from: which state each board was
// in over time, every move with the moment its mover got the move, and the ready-queue
// length as a step function. One pass over the events; everything else derives from this.
import { hostColorOf } from '../simul/queries';
import type {
  Color,
  EndReason,
  HostColorChoice,
  Mode,
  Result,
  Side,
  SimulEvent,
} from '../simul/types';

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

/** One point of a step function: `length` holds from `at` until the next point. */
export interface ReadyPoint {
  at: number;
  length: number;
}

export type GameStatus = 'queued' | 'playing' | 'finished' | 'aborted';

export interface BoardRecord {
  board: number;
  hostColor: Color;
  opponent: string | null;
  status: GameStatus;
  result: Result | null;
  reason: EndReason | null;
  /** Who resigned, when the game ended by resignation. */
  resignedBy: Side | null;
  startedAt: number | null;
  endedAt: number | null;
  moves: number;
  /** This board's spans in time order, contiguous from the simul's start to its game's end. */
  spans: StateSpan[];
}

export interface SimulStates {
  mode: Mode;
  start: number;
  /** The last game's end, or `now` while a game is still queued or playing. */
  end: number;
  running: boolean;
  endedEarly: boolean;
  /** Boards in table order (the rotation order). */
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

interface Draft extends BoardRecord {
  current: { state: LiveState; since: number } | null;
}

/**
 * Reads the log once. `now` (ms, server time) closes the spans still open while the simul
 * runs; it defaults to the last event's time. Null before the simul has started.
 */
export function readStates(events: readonly SimulEvent[], now?: number): SimulStates | null {
  let mode: Mode = 'async';
  let hostColor: HostColorChoice = 'white';
  let endedEarly = false;
  let start: number | null = null;
  let lastAt = -Infinity;
  let lastHostBoard: number | null = null;
  let ready = 0;
  const names = new Map<number, string>();
  const byNumber = new Map<number, Draft>();
  const boards: Draft[] = [];
  const moves: MoveRecord[] = [];
  const spans: StateSpan[] = [];
  const readyQueue: ReadyPoint[] = [];

  // Several events can share one instant: keep only the instant's final length, and
  // only when it differs from the length before.
  const recordReady = (at: number) => {
    if (readyQueue.at(-1)?.at === at) readyQueue.pop();
    if (readyQueue.at(-1)?.length !== ready) readyQueue.push({ at, length: ready });
  };

  const close = (b: Draft, at: number, open: boolean) => {
    const cur = b.current;
    if (!cur) return;
    if (at > cur.since) {
      const span: StateSpan = { board: b.board, state: cur.state, from: cur.since, to: at, open };
      b.spans.push(span);
      spans.push(span);
    }
    if (cur.state === 'host-to-move') ready--;
    b.current = null;
  };

  const enter = (b: Draft, state: LiveState | null, at: number) => {
    close(b, at, false);
    if (state) b.current = { state, since: at };
    if (state === 'host-to-move') ready++;
    recordReady(at);
  };

  for (const e of events) {
    lastAt = Math.max(lastAt, e.at);
    const b = 'board' in e ? byNumber.get(e.board) : undefined;
    switch (e.type) {
      case 'simul-created':
        mode = e.mode;
        hostColor = e.hostColor;
        break;
      case 'seat-taken':
        names.set(e.board, e.name);
        break;
      case 'seat-freed':
        names.delete(e.board);
        break;
      case 'simul-started':
        start = e.at;
        recordReady(e.at);
        for (const n of e.boards) {
          const draft: Draft = {
            board: n,
            hostColor: hostColorOf(hostColor, n),
            opponent: names.get(n) ?? null,
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
          byNumber.set(n, draft);
          boards.push(draft);
          enter(draft, 'queued', e.at);
        }
        break;
      case 'game-started':
        if (!b) break;
        b.status = 'playing';
        b.startedAt = e.at;
        enter(b, b.hostColor === 'w' ? 'host-to-move' : 'opponent-to-move', e.at);
        break;
      case 'move-made':
        if (!b?.current) break;
        moves.push({ board: b.board, by: e.by, at: e.at, san: e.san, since: b.current.since });
        b.moves++;
        if (e.by === 'host') lastHostBoard = b.board;
        enter(b, e.by === 'host' ? 'opponent-to-move' : 'host-to-move', e.at);
        break;
      case 'game-ended':
      case 'game-aborted':
        if (!b) break;
        b.status = e.type === 'game-ended' ? 'finished' : 'aborted';
        if (e.type === 'game-ended') {
          b.result = e.result;
          b.reason = e.reason;
          b.resignedBy = e.reason === 'resignation' ? (e.by ?? null) : null;
        }
        b.endedAt = e.at;
        enter(b, null, e.at);
        break;
      case 'simul-finished':
        endedEarly = e.early;
        break;
    }
  }
  if (start === null) return null;

  const running = boards.some((b) => b.current !== null);
  const end = running
    ? Math.max(now ?? lastAt, lastAt)
    : Math.max(start, ...boards.map((b) => b.endedAt ?? start!));

  // The waits still open have no known end; order them as the rotation would reach them.
  const after = lastHostBoard === null ? -1 : boards.findIndex((b) => b.board === lastHostBoard);
  for (let i = 1; i <= boards.length; i++) close(boards[(after + i) % boards.length], end, true);
  if (readyQueue.at(-1)!.at < end) readyQueue.push({ at: end, length: readyQueue.at(-1)!.length });

  return {
    mode,
    start,
    end,
    running,
    endedEarly,
    boards: boards.map(({ current: _current, ...record }) => record),
    moves,
    spans,
    readyQueue,
  };
}
