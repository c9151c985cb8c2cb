// Test support: event logs built by hand, with times in seconds so the expected figures
// can be worked out on paper. Only tests import this.
import { hostColorOf } from '../simul/queries';
import type { EndReason, HostColorChoice, Mode, Result, Side, SimulEvent, SimulEventBody } from '../simul/types';
import { Prng } from '../random';

/** Knights out and back: always legal, so evolve's replay accepts any number of moves. */
const WHITE = [
  { from: 'g1', to: 'f3', san: 'Nf3' },
  { from: 'f3', to: 'g1', san: 'Ng1' },
];
const BLACK = [
  { from: 'g8', to: 'f6', san: 'Nf6' },
  { from: 'f6', to: 'g8', san: 'Ng8' },
];

/** The worked cases of docs/METRICS.md (h = 5 s, o = 55 s, m = 30): sync and async totals in seconds. */
export const LESSON_CASES = [
  { n: 24, S: 43_200, A: 3_655 },
  { n: 6, S: 10_800, A: 1_825 },
  { n: 12, S: 21_600, A: 1_855 },
  { n: 1, S: 1_800, A: 1_800 },
] as const;

export class LogBuilder {
  readonly events: SimulEvent[] = [];
  readonly mode: Mode;
  private readonly hostColor: HostColorChoice;
  private readonly plies = new Map<number, number>();

  /** `seated`: how many tables (from 1) are taken before the start; all of them by default. */
  constructor(opts: { boards: number; seated?: number; mode?: Mode; hostColor?: HostColorChoice }) {
    this.mode = opts.mode ?? 'async';
    this.hostColor = opts.hostColor ?? 'white';
    this.add(0, {
      type: 'simul-created',
      simulId: 'sim-1',
      title: 'Test',
      boardCount: opts.boards,
      hostColor: this.hostColor,
      mode: this.mode,
      joinCode: '123456',
    });
    for (let b = 1; b <= (opts.seated ?? opts.boards); b++) {
      this.add(0, { type: 'seat-taken', board: b, name: `P${b}`, playerId: `p${b}` });
    }
  }

  /** A late joiner sits at `board` after the start: in async mode its game begins at once. */
  lateJoin(board: number, seconds: number): this {
    this.add(seconds, { type: 'seat-taken', board, name: `P${board}`, playerId: `p${board}` });
    return this.mode === 'async' ? this.gameStart(board, seconds) : this;
  }

  /** Appends an event at `seconds`, stamping seq and at (ms). */
  add(seconds: number, body: SimulEventBody): this {
    this.events.push({ ...body, seq: this.events.length + 1, at: seconds * 1000 } as SimulEvent);
    return this;
  }

  /** Starts with every seat taken so far; async begins every game, sync only the first. */
  start(seconds: number): this {
    const boards = this.events.filter((e) => e.type === 'seat-taken').map((e) => (e as { board: number }).board);
    this.add(seconds, { type: 'simul-started', boards });
    for (const board of this.mode === 'async' ? boards : boards.slice(0, 1)) this.gameStart(board, seconds);
    return this;
  }

  gameStart(board: number, seconds: number): this {
    this.plies.set(board, 0);
    return this.add(seconds, { type: 'game-started', board });
  }

  host(board: number, seconds: number): this {
    return this.move(board, 'host', seconds);
  }

  opponent(board: number, seconds: number): this {
    return this.move(board, 'opponent', seconds);
  }

  end(board: number, seconds: number, result: Result, reason: EndReason, by?: Side): this {
    return this.add(seconds, { type: 'game-ended', board, result, reason, ...(by ? { by } : {}) });
  }

  abort(board: number, seconds: number): this {
    return this.add(seconds, { type: 'game-aborted', board });
  }

  finish(seconds: number, early = false): this {
    return this.add(seconds, { type: 'simul-finished', early });
  }

  private move(board: number, by: Side, seconds: number): this {
    const ply = this.plies.get(board);
    if (ply === undefined) throw new Error(`board ${board} has not started`);
    const whiteToMove = ply % 2 === 0;
    const hostIsWhite = hostColorOf(this.hostColor, board) === 'w';
    if ((by === 'host') !== (whiteToMove === hostIsWhite)) throw new Error(`not ${by}'s move on board ${board}`);
    const m = (whiteToMove ? WHITE : BLACK)[Math.floor(ply / 2) % 2];
    this.plies.set(board, ply + 1);
    return this.add(seconds, { type: 'move-made', board, by, ...m });
  }
}

/**
 * Async, host white, 3 boards (times in s). Board 1 ends by the host's mate at 27, board 2
 * by its opponent resigning at 30 while thinking, board 3 by a draw agreed at 35 while it
 * awaits the host.
 *
 *   ready queue   0-4: 1 2 3 | 4-6: 2 3 | 6-9: 3 | 9-12: - | 12-14: 1 | 14-15: 1 2 |
 *                 15-16: 2 | 16-18: 2 3 | 18-20: 3 | 20-24: - | 24-25: 3 | 25-27: 3 1 |
 *                 27-28: 3 | 28-33: - | 33-35: 3
 */
export function threeBoardLog(): LogBuilder {
  return new LogBuilder({ boards: 3 })
    .start(0)
    .host(1, 4)
    .host(2, 6)
    .host(3, 9)
    .opponent(1, 12)
    .opponent(2, 14)
    .host(1, 15)
    .opponent(3, 16)
    .host(2, 18)
    .host(3, 20)
    .opponent(3, 24)
    .opponent(1, 25)
    .host(1, 27)
    .end(1, 27, '1-0', 'checkmate')
    .host(3, 28)
    .end(2, 30, '1-0', 'resignation', 'opponent')
    .opponent(3, 33)
    .end(3, 35, '1/2-1/2', 'draw-agreed')
    .finish(35);
}

/**
 * Sync, host white, 2 boards. Board 1: host 0-3, opponent 3-10, host 10-12 and mates.
 * Board 2, queued 0-12: host 12-15, opponent 15-20, host resigns at 26.
 */
export function syncLog(): LogBuilder {
  return new LogBuilder({ boards: 2, mode: 'sync' })
    .start(0)
    .host(1, 3)
    .opponent(1, 10)
    .host(1, 12)
    .end(1, 12, '1-0', 'checkmate')
    .gameStart(2, 12)
    .host(2, 15)
    .opponent(2, 20)
    .end(2, 26, '0-1', 'resignation', 'host')
    .finish(26);
}

/**
 * Async, alternate colours: the host has white on board 1 and black on board 2, whose
 * opponent moves first. Board 1's opponent resigns at 20; board 2 is aborted at 20.
 */
export function alternateLog(): LogBuilder {
  return new LogBuilder({ boards: 2, hostColor: 'alternate' })
    .start(0)
    .host(1, 5)
    .opponent(2, 6)
    .host(2, 8)
    .opponent(1, 9)
    .opponent(2, 12)
    .host(1, 13)
    .host(2, 14)
    .end(1, 20, '1-0', 'resignation', 'opponent')
    .abort(2, 20)
    .finish(20);
}

/**
 * Async, host white, 3 tables, 2 taken at the start; P3 joins at 10 and board 3's game begins
 * then. Boards 1 and 2 end at 25 (a draw agreed, a resignation) while their opponents think;
 * the host mates on board 3 at 30.
 *
 *   ready queue   0-4: 1 2 | 4-6: 2 | 6-10: - | 10-12: 3 | 12-15: 3 1 | 15-17: 1 | 17-18: - |
 *                 18-20: 2 | 20-21: 2 3 | 21-23: 3 | 23-28: - | 28-30: 3
 */
export function lateJoinLog(): LogBuilder {
  return new LogBuilder({ boards: 3, seated: 2 })
    .start(0)
    .host(1, 4)
    .host(2, 6)
    .lateJoin(3, 10)
    .opponent(1, 12)
    .host(3, 15)
    .host(1, 17)
    .opponent(2, 18)
    .opponent(3, 20)
    .host(2, 21)
    .host(3, 23)
    .end(1, 25, '1/2-1/2', 'draw-agreed')
    .end(2, 25, '1-0', 'resignation', 'opponent')
    .opponent(3, 28)
    .host(3, 30)
    .end(3, 30, '1-0', 'checkmate')
    .finish(30);
}

/**
 * Sync, host white, 3 tables, 2 taken at the start; P3 joins at 5 and is queued last.
 * Board 1: host 0-3, opponent 3-10, host 10-12 and mates. Board 2: host 12-15, opponent
 * 15-20, host resigns at 26. Board 3 (queued 5-26): host 26-28, the opponent resigns at 30.
 */
export function syncLateJoinLog(): LogBuilder {
  return new LogBuilder({ boards: 3, seated: 2, mode: 'sync' })
    .start(0)
    .host(1, 3)
    .lateJoin(3, 5)
    .opponent(1, 10)
    .host(1, 12)
    .end(1, 12, '1-0', 'checkmate')
    .gameStart(2, 12)
    .host(2, 15)
    .opponent(2, 20)
    .end(2, 26, '0-1', 'resignation', 'host')
    .gameStart(3, 26)
    .host(3, 28)
    .end(3, 30, '1-0', 'resignation', 'opponent')
    .finish(30);
}

/**
 * The lesson's simul played exactly: every host move takes h, every reply o, m move pairs
 * per game, each game ending with the opponent's last reply. Async: the host laps the
 * tables, round r starting at r * T. Sync: one game after another in table order.
 */
export function lessonLog(mode: Mode, n: number, h: number, o: number, m: number): LogBuilder {
  const log = new LogBuilder({ boards: n, mode });
  const moves: { at: number; board: number; by: Side }[] = [];
  if (mode === 'async') {
    const T = Math.max(n * h, h + o);
    for (let r = 0; r < m; r++) {
      for (let i = 0; i < n; i++) {
        const hostAt = r * T + (i + 1) * h;
        moves.push({ at: hostAt, board: i + 1, by: 'host' }, { at: hostAt + o, board: i + 1, by: 'opponent' });
      }
    }
    // Stable: at one instant, the order the moves were listed (the log's causal order).
    moves.sort((a, b) => a.at - b.at);
    log.start(0);
    const replies = new Map<number, number>();
    for (const mv of moves) {
      log[mv.by](mv.board, mv.at);
      if (mv.by === 'host') continue;
      replies.set(mv.board, (replies.get(mv.board) ?? 0) + 1);
      if (replies.get(mv.board) === m) log.end(mv.board, mv.at, '1/2-1/2', 'draw-agreed');
    }
    return log.finish((m - 1) * T + n * h + o);
  }
  log.start(0);
  let t = 0;
  for (let b = 1; b <= n; b++) {
    if (b > 1) log.gameStart(b, t);
    for (let k = 0; k < m; k++) {
      log.host(b, (t += h));
      log.opponent(b, (t += o));
    }
    log.end(b, t, '1/2-1/2', 'draw-agreed');
  }
  return log.finish(t);
}

/**
 * A random but valid simul: random delays (zeros too, so events share instants), the host
 * moving on any board that awaits it, random game lengths, and games ending by a draw, a
 * resignation by the side to move, or an abort. `plies` fixes every game's length in moves
 * before its end (random up to 11 otherwise).
 */
export function randomLog(seed: number, mode: Mode, hostColor: HostColorChoice, boards: number, plies?: number): LogBuilder {
  const prng = new Prng(seed);
  /** An integer in [0, n). */
  const int = (n: number) => prng.int(0, n - 1);
  const log = new LogBuilder({ boards, mode, hostColor }).start(0);
  const toMove = new Map<number, Side>();
  const movesLeft = new Map<number, number>();
  const begin = (b: number) => {
    toMove.set(b, hostColorOf(hostColor, b) === 'w' ? 'host' : 'opponent');
    movesLeft.set(b, plies ?? int(12));
  };
  const queued = Array.from({ length: boards }, (_, i) => i + 1);
  for (const b of mode === 'async' ? queued.splice(0) : queued.splice(0, 1)) begin(b);
  let t = 0;
  while (toMove.size > 0) {
    t += int(4);
    const live = [...toMove.keys()];
    const b = live[int(live.length)];
    const side = toMove.get(b)!;
    if (movesLeft.get(b)! > 0) {
      log[side](b, t);
      toMove.set(b, side === 'host' ? 'opponent' : 'host');
      movesLeft.set(b, movesLeft.get(b)! - 1);
      continue;
    }
    const ending = int(3);
    if (ending === 0) log.end(b, t, '1/2-1/2', 'draw-agreed');
    else if (ending === 1) log.end(b, t, side === 'host' ? '0-1' : '1-0', 'resignation', side);
    else log.abort(b, t);
    toMove.delete(b);
    const next = queued.shift();
    if (next !== undefined) {
      log.gameStart(next, t);
      begin(next);
    }
  }
  return log.finish(t);
}
