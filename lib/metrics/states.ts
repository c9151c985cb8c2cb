// The one reading of the event log every metric starts from: which state each board was
// in over time, every move with the moment its mover got the move, and the ready-queue
// length as a step function. One pass over the events, folded one at a time; everything
// else derives from this.
import { firstMover } from '../simul/clocks';
import { replay } from '../simul/evolve';
import { hostColorOf } from '../simul/queries';
import { awaitingHostInOrder } from '../simul/rotation';
import type {
  AbortReason,
  ClockSettings,
  Color,
  EndReason,
  HostColorChoice,
  Mode,
  Result,
  Rotation,
  Side,
  SimulEvent,
} from '../simul/types';
import { ReadyQueue, type ReadyPoint } from './ready-queue';

/**
 * A live board's state (METRICS "Per instant"); a finished board has no span. While the class
 * is paused every live board is 'paused': charged to no one.
 */
export type LiveState = 'queued' | 'host-to-move' | 'opponent-to-move' | 'paused';

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
  /** When the mover got the move: the game's start, the previous move on this board, or a takeback. */
  since: number;
  /** The part of (since, at] the class was paused: no one's think. */
  paused: number;
  /** The board's game this move belongs to: 1, then one more with each rematch. */
  game: number;
  /** A takeback took this move back: it is not in the line as finally played. */
  takenBack: boolean;
  /** Its half-move number in its game's line when it was made: 1 for the game's first move. */
  ply: number;
}

type GameStatus = 'queued' | 'playing' | 'finished' | 'aborted';

/** Where a game stands: a board's current game, and each of its games. */
interface GameOutcome {
  hostColor: Color;
  status: GameStatus;
  result: Result | null;
  /** How the game ended, or why it stayed unfinished (aborted). */
  reason: EndReason | AbortReason | null;
  /** Who resigned, when the game ended by resignation. */
  resignedBy: Side | null;
  startedAt: number | null;
  endedAt: number | null;
}

/** One game on a board: a board has several once it is rematched. */
interface GameRecord extends GameOutcome {
  game: number;
  /** Where the game started, when not the initial position. */
  fen: string | null;
  /** Takebacks accepted in this game. */
  takebacks: number;
}

/** A board: its current game's outcome, and every game it played. */
export interface BoardRecord extends GameOutcome {
  board: number;
  opponent: string | null;
  moves: number;
  /** Takebacks accepted on this board, in every game. */
  takebacks: number;
  /** Every game on the board in order, the current one last; the fields above are the current game's. */
  games: GameRecord[];
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
   * last: the boards awaiting the host in the order it serves them (rotation.ts
   * awaitingHostInOrder: the board it is at first), then the others in table order.
   */
  spans: StateSpan[];
  /** Boards awaiting the host over time, from `start`; the last point is at `end`. */
  readyQueue: ReadyPoint[];
  /** The class's pauses in time order, the running one cut at `end`. */
  pauses: Interval[];
  /** Their total: time charged to no one. */
  paused: number;
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
  /**
   * `hostOrder`: the domain's boards awaiting the host, in the order it serves them, as of the
   * last event added (rotation.ts awaitingHostInOrder); asked only when a wait is open.
   */
  constructor(private readonly hostOrder: () => readonly number[]) {}

  mode: Mode = 'async';
  rotation: Rotation = 'table-order';
  clock: ClockSettings | null = null;
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
  private startFen: string | null = null;
  private boardFens: Record<number, string> = {};
  /** Each board's turn: when the side to move got the move, and how long the class was paused since. */
  private readonly turns = new Map<number, { since: number; paused: number }>();
  /** Each board's moves of its current game still on the board, as indexes into `moves`. */
  private readonly played = new Map<number, number[]>();
  /** The state each board was in when the class was paused. */
  private readonly beforePause = new Map<number, LiveState>();
  /** The pauses so far; the running one's end is Infinity. */
  readonly pauses: Interval[] = [];
  private lastAt = -Infinity;
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
        this.rotation = e.rotation ?? 'table-order';
        this.clock = e.clock ?? null;
        this.startFen = e.startFen ?? null;
        this.boardFens = e.boardFens ?? {};
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
        this.begin(b, e.at);
        break;
      case 'game-restarted': {
        if (!b) break;
        const game: GameRecord = { ...newGame(b.games.length + 1, e.hostColor, e.fen ?? null), status: 'queued' };
        b.games.push(game);
        Object.assign(b, { hostColor: e.hostColor, status: 'queued', result: null, reason: null, resignedBy: null, startedAt: null, endedAt: null });
        this.played.set(b.board, []);
        if (e.queued) this.enter(b, 'queued', e.at);
        else this.begin(b, e.at);
        break;
      }
      case 'move-made': {
        if (!b?.current) break;
        const turn = this.turns.get(b.board)!;
        const played = this.played.get(b.board)!;
        const ply = played.length + 1;
        played.push(this.moves.length);
        this.moves.push({ board: b.board, by: e.by, at: e.at, san: e.san, since: turn.since, paused: turn.paused, game: b.games.length, takenBack: false, ply });
        b.moves++;
        this.turn(b, e.by === 'host' ? 'opponent-to-move' : 'host-to-move', e.at);
        break;
      }
      case 'takeback-accepted': {
        if (!b?.current) break;
        const played = this.played.get(b.board)!;
        for (const i of played.splice(played.length - e.plies)) this.moves[i] = { ...this.moves[i], takenBack: true };
        b.takebacks++;
        b.games.at(-1)!.takebacks++;
        const flip = e.plies % 2 === 1;
        const toMove = b.current.state === 'host-to-move' ? (flip ? 'opponent-to-move' : 'host-to-move') : flip ? 'host-to-move' : 'opponent-to-move';
        this.turn(b, toMove, e.at);
        break;
      }
      case 'simul-paused':
        this.pauses.push({ from: e.at, to: Infinity });
        for (const d of this.boards) {
          if (!d.current) continue;
          this.beforePause.set(d.board, d.current.state);
          this.enter(d, 'paused', e.at);
        }
        break;
      case 'simul-resumed': {
        const pause = this.pauses.at(-1);
        if (pause) pause.to = e.at;
        for (const d of this.boards) {
          const before = this.beforePause.get(d.board);
          if (!d.current || !before) continue;
          this.enter(d, before, e.at);
          const turn = this.turns.get(d.board);
          if (turn) turn.paused += e.at - e.since;
        }
        this.beforePause.clear();
        break;
      }
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
        Object.assign(b.games.at(-1)!, { status: b.status, result: b.result, reason: b.reason, resignedBy: b.resignedBy, endedAt: e.at });
        this.beforePause.delete(b.board);
        this.enter(b, null, e.at);
        break;
      case 'simul-finished':
        this.endedEarly = e.early;
        if (this.pauses.at(-1)?.to === Infinity) this.pauses.at(-1)!.to = e.at;
        break;
    }
  }

  /** The game on `b` begins at `at`: the side to move in its start position has the move. */
  private begin(b: Draft, at: number): void {
    b.status = 'playing';
    b.startedAt = at;
    const game = b.games.at(-1)!;
    Object.assign(game, { status: 'playing', startedAt: at });
    this.turn(b, firstMover(b.hostColor, game.fen) === 'host' ? 'host-to-move' : 'opponent-to-move', at);
  }

  /** The side to move got the move at `at`. */
  private turn(b: Draft, state: LiveState, at: number): void {
    this.turns.set(b.board, { since: at, paused: 0 });
    this.enter(b, state, at);
  }

  /** The pauses cut at `end`, and their total. */
  pausesUntil(end: number): { pauses: Interval[]; paused: number } {
    const pauses = this.pauses.map((p) => ({ from: p.from, to: Math.min(p.to, end) })).filter((p) => p.to > p.from);
    return { pauses, paused: pauses.reduce((sum, p) => sum + p.to - p.from, 0) };
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
   * The spans still open, cut at `end`. Their waits have no known end: the host-to-move ones
   * come in the order the host serves them (the domain's: the board it is at first, so the
   * open host-think is there), then the others in table order.
   */
  openSpans(end: number): StateSpan[] {
    const open = this.boards.filter((b) => b.current && end > b.current.since);
    const waits = open.filter((b) => b.current!.state === 'host-to-move');
    let first: Draft[] = [];
    if (waits.length > 0) {
      const order = this.hostOrder();
      first = order.map((n) => this.byNumber.get(n)).filter((b): b is Draft => b !== undefined && waits.includes(b));
    }
    const rest = open.filter((b) => !first.includes(b));
    return [...first, ...rest].map(({ board, current }) => ({ board, state: current!.state, from: current!.since, to: end, open: true }));
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
      boards: this.boards.map(({ current: _current, spans, games, ...record }) => ({
        ...record,
        games: games.map((g) => ({ ...g })),
        spans: openOf.has(record.board) ? [...spans, openOf.get(record.board)!] : [...spans],
      })),
      moves: [...this.moves],
      spans: [...this.spans, ...open],
      readyQueue: this.readyQueue.readUntil(end),
      ...this.pausesUntil(end),
    };
  }

  /** A board taking part from `at` (the start, or a late joiner's join), queued, last in the rotation. */
  private addBoard(n: number, at: number): void {
    const hostColor = hostColorOf(this.hostColor, n);
    const draft: Draft = {
      board: n,
      hostColor,
      opponent: this.names.get(n) ?? null,
      status: 'queued',
      result: null,
      reason: null,
      resignedBy: null,
      startedAt: null,
      endedAt: null,
      moves: 0,
      takebacks: 0,
      games: [newGame(1, hostColor, this.boardFens[n] ?? this.startFen)],
      spans: [],
      current: null,
    };
    this.byNumber.set(n, draft);
    this.played.set(n, []);
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

function newGame(game: number, hostColor: Color, fen: string | null): GameRecord {
  return { game, hostColor, fen, status: 'queued', result: null, reason: null, resignedBy: null, startedAt: null, endedAt: null, takebacks: 0 };
}

/**
 * Reads the log once. `now` (ms, server time) closes the spans still open while the simul
 * runs; it defaults to the last event's time. Null before the simul has started.
 */
export function readStates(events: readonly SimulEvent[], now?: number): SimulStates | null {
  const fold = new StatesFold(() => awaitingHostInOrder(replay(events)));
  for (const e of events) fold.add(e);
  return fold.read(now);
}
