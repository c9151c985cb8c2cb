// Test helper: a simul driven the way the server's room drives it (decide, then stamp
// seq and a controlled `at`, then evolve), without any server code. Only tests import this.
import { decide, type Decision } from './decide';
import { evolve } from './evolve';
import { initialState } from './evolve';
import type {
  Actor,
  BoardState,
  BotSpec,
  ClockSettings,
  Command,
  DrawRules,
  Exhibition,
  HostColorChoice,
  Mode,
  Promotion,
  Rejection,
  Rotation,
  RejectionCode,
  SimulEvent,
  SimulEventBody,
  SimulState,
  TakebackPolicy,
} from './types';

export const HOST: Actor = { role: 'host' };
export const SPECTATOR: Actor = { role: 'spectator' };
export const opponent = (board: number): Actor => ({ role: 'opponent', board });

type Outcome =
  | { ok: true; events: SimulEvent[]; duplicate?: boolean }
  | { ok: false; error: Rejection };

interface SimulOptions {
  boards?: number;
  mode?: Mode;
  hostColor?: HostColorChoice;
  title?: string;
  /** Clock at creation (ms); the clock only moves when a test calls tick(). */
  now?: number;
  exhibition?: Exhibition;
  /** A bot plays the host's side. */
  hostBot?: BotSpec;
  drawRules?: DrawRules;
  clock?: ClockSettings;
  rotation?: Rotation;
  startFen?: string;
  boardFens?: Record<number, string>;
  studentRematch?: boolean;
  /** The host's name as the teacher gave it. */
  hostName?: string;
  takebacks?: TakebackPolicy;
}

export class TestSimul {
  readonly state: SimulState = initialState();
  readonly log: SimulEvent[] = [];
  now: number;
  private moveIds = 0;

  constructor(opts: SimulOptions = {}) {
    this.now = opts.now ?? 1_000;
    this.append([
      {
        type: 'simul-created',
        simulId: 'sim-1',
        title: opts.title ?? 'Period 3',
        boardCount: opts.boards ?? 3,
        hostColor: opts.hostColor ?? 'white',
        mode: opts.mode ?? 'async',
        joinCode: '123456',
        ...(opts.exhibition ? { exhibition: opts.exhibition } : {}),
        ...(opts.hostBot ? { hostBot: opts.hostBot } : {}),
        ...(opts.drawRules ? { drawRules: opts.drawRules } : {}),
        ...(opts.clock ? { clock: opts.clock } : {}),
        ...(opts.rotation ? { rotation: opts.rotation } : {}),
        ...(opts.startFen ? { startFen: opts.startFen } : {}),
        ...(opts.boardFens ? { boardFens: opts.boardFens } : {}),
        ...(opts.studentRematch ? { studentRematch: true } : {}),
        ...(opts.hostName ? { hostName: opts.hostName } : {}),
        ...(opts.takebacks ? { takebacks: opts.takebacks } : {}),
      },
    ]);
  }

  tick(ms: number): this {
    this.now += ms;
    return this;
  }

  board(n: number): BoardState {
    const b = this.state.boards.get(n);
    if (!b) throw new Error(`no board ${n} in the state`);
    return b;
  }

  /** decide → stamp seq/at → evolve, like SimulRoom.dispatch. */
  dispatch(actor: Actor, command: Command): Outcome {
    const decision: Decision = decide(this.state, actor, command, this.now);
    if (!decision.ok) return decision;
    const events = this.append(decision.events);
    return decision.duplicate ? { ok: true, events, duplicate: true } : { ok: true, events };
  }

  /** dispatch that must succeed; returns the events it produced. */
  ok(actor: Actor, command: Command): SimulEvent[] {
    const out = this.dispatch(actor, command);
    if (!out.ok) throw new Error(`expected ${command.type} to succeed, got ${JSON.stringify(out.error)}`);
    return out.events;
  }

  /** dispatch that must be refused; returns the code, and checks that nothing changed. */
  refused(actor: Actor, command: Command): RejectionCode {
    const seq = this.state.seq;
    const out = this.dispatch(actor, command);
    if (out.ok) throw new Error(`expected ${command.type} to be refused, got ${out.events.map((e) => e.type).join(', ')}`);
    if (this.state.seq !== seq) throw new Error('a refused command changed the seq');
    return out.error.code;
  }

  join(name: string, board?: number, playerId = `p-${name}`): number {
    const [e] = this.ok(SPECTATOR, { type: 'join', name, playerId, ...(board === undefined ? {} : { board }) });
    if (e.type !== 'seat-taken') throw new Error(`join produced ${e.type}`);
    return e.board;
  }

  /** Seats one opponent per name in table order, then starts. */
  seatAndStart(...names: string[]): SimulEvent[] {
    for (const name of names) this.join(name);
    return this.ok(HOST, { type: 'start' });
  }

  nextMoveId(): string {
    return `m${++this.moveIds}`;
  }

  /** The move command for `san` in the board's current position (read-only lookup). */
  moveCommand(board: number, san: string, clientMoveId = this.nextMoveId()): Command {
    const m = this.board(board)
      .chess.moves({ verbose: true })
      .find((x) => x.san === san);
    if (!m) throw new Error(`${san} is not legal on board ${board} (${this.board(board).chess.fen()})`);
    return {
      type: 'move',
      board,
      from: m.from,
      to: m.to,
      ...(m.promotion ? { promotion: m.promotion as Promotion } : {}),
      clientMoveId,
    };
  }

  /** Whoever is to move on `board` plays `san`; returns that move's events. */
  play(board: number, san: string): SimulEvent[] {
    const b = this.board(board);
    const actor = b.chess.turn() === b.hostColor ? HOST : opponent(board);
    return this.ok(actor, this.moveCommand(board, san));
  }

  /** Plays a space-separated line of SAN moves on `board`; returns all their events. */
  playLine(board: number, line: string): SimulEvent[] {
    return line
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((san) => this.play(board, san));
  }

  private append(bodies: SimulEventBody[]): SimulEvent[] {
    const first = this.state.seq + 1;
    const events = bodies.map((body, i): SimulEvent => ({ seq: first + i, at: this.now, ...body }));
    for (const e of events) {
      evolve(this.state, e);
      this.log.push(e);
    }
    return events;
  }
}

/** Event types only, for compact assertions. */
export function types(events: readonly SimulEvent[]): string[] {
  return events.map((e) => e.type);
}

/** The fields of the state worth comparing between two folds (chess games by FEN and history). */
export function snapshot(state: SimulState) {
  return {
    simulId: state.simulId,
    title: state.title,
    mode: state.mode,
    hostColor: state.hostColor,
    joinCode: state.joinCode,
    hostBot: state.hostBot,
    drawRules: state.drawRules,
    clock: state.clock,
    rotation: state.rotation,
    startFen: state.startFen,
    boardFens: state.boardFens,
    studentRematch: state.studentRematch,
    pausedSince: state.pausedSince,
    boardCount: state.boardCount,
    phase: state.phase,
    joiningClosed: state.joiningClosed,
    seq: state.seq,
    createdAt: state.createdAt,
    startedAt: state.startedAt,
    finishedAt: state.finishedAt,
    endedEarly: state.endedEarly,
    order: [...state.order],
    focus: state.focus,
    boards: [...state.boards.values()].map(({ chess, positions, ...rest }) => ({
      ...rest,
      positions: [...positions],
      fen: chess.fen(),
      history: chess.history(),
    })),
  };
}
