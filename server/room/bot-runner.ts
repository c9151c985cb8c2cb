// The bots of one simul, run inside the server. A bot has no socket and no back door: it sends
// its move through room.dispatch as the actor it is (an opponent seated at its board, or the
// host), so the same decide, validation and authorisation judge it as a person, and its move
// is durable before anyone hears of it (the commit queue).
//
// Time comes only from the room's clock. After every commit each bot that is to move gets one
// timer: at the moment it got the move plus its think time, drawn from its secret (kept by
// the room, never in an event), its board, the game and the ply (lib/bots/bot-random.ts). The same draw comes out after a restart, so start() rebuilds
// the timers from the log alone, and a timer already due when the server comes back runs at once.
// While the class is paused no bot moves; the pause is charged to no one, so a bot's think
// resumes where it stood (the board's turnSince moves on by the pause, as the host's last move does).
import { chooseMove } from '../../lib/bots/moves';
import { botRandom } from '../../lib/bots/bot-random';
import type { BotSeed, BotSpec } from '../../lib/bots/spec';
import { thinkMsFor } from '../../lib/bots/think-time';
import { awaitsHost, sideToMove } from '../../lib/simul/queries';
import type { Actor, BoardState, Side, SimulEvent } from '../../lib/simul/types';
import type { BotSlot } from './room-credentials';
import type { RoomPort } from './room-port';

/**
 * A bot's move's id: with a colon, which no client's id may hold (lib/protocol/schemas.ts), so
 * that no person's command can pass for a bot's move, or stop one, by sharing its id.
 */
export function botMoveId(board: number, ply: number, game = 1, takebacks = 0): string {
  // A board's first game before any takeback keeps the plain form; after a rematch or a
  // takeback a ply comes again, and the game and the takebacks so far tell the moves apart.
  return game === 1 && takebacks === 0 ? `bot:${board}:${ply}` : `bot:${board}:${game}.${takebacks}:${ply}`;
}

/** A bot's move to come: on which board, at which ply, by which side, and when. */
interface Plan {
  board: number;
  ply: number;
  /** The move's clientMoveId: the board's game, its takebacks and the ply, so that no two moves share one. */
  id: string;
  side: Side;
  bot: BotSpec;
  /** The bot's secret (the room keeps it: never in an event). */
  seed: BotSeed;
  /** The board's game and its takebacks so far: a rematch or a takeback draws anew. */
  round: { game: number; takebacks: number };
  at: number;
  /** A bot playing for the board's student for now: the room sends its move, the student's seat does not. */
  standIn?: boolean;
}

interface Timer extends Plan {
  cancel: () => void;
}

/** The id of the move to come on `board`: its game, its takebacks so far, its ply. */
function moveId(board: BoardState): string {
  return botMoveId(board.number, board.moveCount, board.game, board.takebacks);
}

/** The board's game and its takebacks so far, which a bot's draws depend on. */
function roundOf(board: BoardState): { game: number; takebacks: number } {
  return { game: board.game, takebacks: board.takebacks };
}

/** The host's timer, or a seated bot's, by its board. */
type TimerKey = 'host' | number;

export class BotRunner {
  private timers = new Map<TimerKey, Timer>();
  /** When the host last moved, on any board: a host bot starts thinking at a board no earlier. */
  private lastHostMoveAt = -Infinity;
  private stopped = false;

  constructor(
    private room: RoomPort,
    /** The secret seed of the bot at a slot (the room's credentials keep it: never in an event). */
    private seedOf: (slot: BotSlot) => BotSeed,
  ) {}

  /** How many bot moves wait for their time. */
  get pending(): number {
    return this.timers.size;
  }

  /** The bots' timers from the log: when the room is created or loaded (after a restart too). */
  start(): void {
    for (const e of this.room.log) this.follow(e);
    this.replan(this.room.state.order);
  }

  /** The host's last move, moved on by every pause after it. */
  private follow(e: SimulEvent): void {
    if (e.type === 'move-made' && e.by === 'host') this.lastHostMoveAt = Math.max(this.lastHostMoveAt, e.at);
    if (e.type === 'simul-resumed' && this.lastHostMoveAt <= e.since) this.lastHostMoveAt += e.at - e.since;
  }

  /** After a commit: the boards the events concern, and the host, plan their next move. */
  afterCommit(events: readonly SimulEvent[]): void {
    const boards = new Set<number>();
    for (const e of events) {
      this.follow(e);
      if (e.type === 'simul-started') for (const n of e.boards) boards.add(n);
      else if (e.type === 'simul-paused' || e.type === 'simul-resumed') for (const n of this.room.state.order) boards.add(n);
      else if ('board' in e) boards.add(e.board);
    }
    this.replan(boards);
  }

  /** Cancels every timer: the room left memory or was dropped. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) timer.cancel();
    this.timers.clear();
  }

  private replan(boards: Iterable<number>): void {
    if (this.stopped) return;
    if (this.room.state.phase === 'finished') return this.stop();
    for (const n of boards) this.arm(n, this.opponentPlan(n));
    this.arm('host', this.hostPlan());
  }

  /** The move a bot seated at board `n` is to make, if one is. */
  private opponentPlan(n: number): Plan | null {
    const board = this.room.state.boards.get(n);
    // A seated bot, or one playing for its student for now (the host handed it the board).
    const bot = board?.opponent?.bot ?? board?.standIn ?? undefined;
    if (!board || !bot || board.status !== 'playing' || board.paused || sideToMove(board) !== 'opponent') return null;
    const ply = board.moveCount;
    const seed = this.seedOf(n);
    const round = roundOf(board);
    const standIn = !board.opponent?.bot;
    return { board: n, ply, id: moveId(board), side: 'opponent', bot, seed, round, at: board.turnSince! + thinkMsFor(bot, seed, n, ply, round), standIn };
  }

  /**
   * The host bot's move: at the board the host is at (the focus, which the domain moves as the
   * host plays: in async mode the next board awaiting it, in sync mode the current game), once
   * it awaits the host. It starts thinking when it got there: when the board got its move, or
   * when the host left its previous board, whichever is later.
   */
  private hostPlan(): Plan | null {
    const { hostBot, focus } = this.room.state;
    const board = focus === null ? undefined : this.room.state.boards.get(focus);
    if (!hostBot || !board || board.paused || !awaitsHost(board)) return null;
    const ply = board.moveCount;
    const since = Math.max(board.turnSince!, this.lastHostMoveAt);
    const seed = this.seedOf('host');
    const round = roundOf(board);
    return { board: board.number, ply, id: moveId(board), side: 'host', bot: hostBot, seed, round, at: since + thinkMsFor(hostBot, seed, board.number, ply, round) };
  }

  /** Keeps a timer that already plans the same move; otherwise replaces it. */
  private arm(key: TimerKey, plan: Plan | null): void {
    const current = this.timers.get(key);
    if (current && plan && current.board === plan.board && current.id === plan.id && current.at === plan.at && current.standIn === plan.standIn) return;
    current?.cancel();
    this.timers.delete(key);
    if (!plan) return;
    const cancel = this.room.clock.at(plan.at, () => {
      this.timers.delete(key);
      this.play(plan);
    });
    this.timers.set(key, { ...plan, cancel });
  }

  /** The bot's move, sent as its actor; anything that changed since the plan is decide's to judge. */
  private play(plan: Plan): void {
    const board = this.room.state.boards.get(plan.board);
    if (this.stopped || !board || board.status !== 'playing' || moveId(board) !== plan.id || sideToMove(board) !== plan.side) return;
    const move = chooseMove(board.chess, plan.bot, botRandom(plan.seed, { board: plan.board, ply: plan.ply, ...plan.round }, 'move'));
    // A bot playing for an away student moves as the room: the student's seat does not play meanwhile.
    const actor: Actor = plan.side === 'host' ? { role: 'host' } : plan.standIn ? { role: 'server' } : { role: 'opponent', board: plan.board };
    void this.room
      .dispatch(actor, { type: 'move', board: plan.board, ...move, clientMoveId: plan.id })
      .then((result) => {
        // Refused (a person moved first for the host, the game ended): the next commit plans again.
        if (!result.ok && result.error.code !== 'not-your-turn' && result.error.code !== 'game-over' && result.error.code !== 'simul-paused') {
          console.error(`bot on board ${plan.board} of simul ${this.room.id}: move refused (${result.error.code})`);
        }
      });
  }
}
