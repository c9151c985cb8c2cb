// The games' clocks, derived from the event log and the current time alone: the server (for
// the flag timers and the refusal of a late move) and every screen compute them with these
// same functions, so a restart loses nothing and no screen disagrees with another.
//
// A board's clock runs for the side to move while its game is live: the host's clock runs
// whenever the board awaits the host, wherever the host is (the board's wait on the dashboard),
// and the opponent's while the opponent is to move. A queued game's clocks (sync mode) stand
// still until its game begins. A mover gets the increment after each move. When the server
// restarts, the time since the simul's last event before it is charged to no one, and so is
// the time the host paused the class. A student's takeback charges the time as it was spent,
// the host's own takeback charges the host, and either gives the move to the side to move in
// the position reached; a rematch starts new clocks.
import { hostColorOf } from './colors';
import type { BoardClock, BoardState, ClockSettings, Color, HostColorChoice, Side, SimulEvent } from './types';

export type { BoardClock } from './types';

export function newBoardClock(settings: ClockSettings): BoardClock {
  return {
    settings,
    incrementMs: settings.incrementMs,
    host: settings.initialMs + settings.hostExtraMs,
    opponent: settings.initialMs,
    running: null,
    since: 0,
    paused: false,
  };
}

const other = (side: Side): Side => (side === 'host' ? 'opponent' : 'host');

/** Stops the running clock at `at`, charging it the time since it started. */
function charge(clock: BoardClock, at: number): void {
  if (clock.running && !clock.paused) clock[clock.running] -= Math.max(0, at - clock.since);
  clock.since = at;
}

/**
 * Folds one of the board's events into its clock, after the event's change to the board (a
 * rematch's clock is new). `toMove`: the side to move in the position the event leaves.
 */
export function foldClock(clock: BoardClock, event: SimulEvent, toMove: Side): void {
  switch (event.type) {
    case 'game-started':
      clock.running = toMove;
      clock.since = event.at;
      break;
    case 'game-restarted':
      if (!event.queued) {
        clock.running = toMove;
        clock.since = event.at;
      }
      break;
    case 'move-made':
      charge(clock, event.at);
      clock[event.by] += clock.incrementMs;
      clock.running = other(event.by);
      break;
    case 'takeback-accepted':
      // The host's own takeback is the host's change of mind: the time since goes on its clock.
      if (event.by === 'host' && clock.running && !clock.paused) {
        clock.host -= Math.max(0, event.at - clock.since);
        clock.since = event.at;
      } else charge(clock, event.at);
      clock.running = toMove;
      break;
    case 'simul-paused':
      charge(clock, event.at);
      clock.paused = true;
      break;
    case 'simul-resumed':
      clock.since = event.at;
      clock.paused = false;
      break;
    case 'game-ended':
    case 'game-aborted':
      charge(clock, event.at);
      // A flag that fell between its time and the timer's shows zero, not less.
      if (clock.running) clock[clock.running] = Math.max(0, clock[clock.running]);
      clock.running = null;
      break;
    case 'server-restarted':
      // The running clock ran until the last event before the restart, then stood still until now.
      charge(clock, Math.min(event.downSince, event.at));
      clock.since = event.at;
      break;
  }
}

/** A side's time left at `now` (negative once its flag has fallen and the server has not yet said so). */
export function timeLeft(clock: BoardClock, side: Side, now: number): number {
  return clock.running === side && !clock.paused ? clock[side] - Math.max(0, now - clock.since) : clock[side];
}

/** Whether `side`'s flag on a board with clocks has fallen at `now`. */
export function flagFallen(board: BoardState, side: Side, now: number): boolean {
  return board.clock !== null && timeLeft(board.clock, side, now) <= 0;
}

/** When the running clock's flag falls, or null when no clock runs (or the class is paused). */
export function flagTime(clock: BoardClock): number | null {
  return clock.running && !clock.paused ? clock.since + clock[clock.running] : null;
}

/**
 * The host's deadline on a board that awaits it: the time its flag falls, or, while the class
 * is paused, its time left (every clock stands still, so the order is the same). Lowest first
 * is the most urgent.
 */
export function hostDeadline(clock: BoardClock): number {
  return clock.paused ? clock.host : clock.since + clock.host;
}

/** The side that moves first from `fen` (the initial position when absent) on a board where the host has `hostColor`. */
export function firstMover(hostColor: Color, fen: string | undefined | null): Side {
  const white = !fen || fen.split(' ')[1] !== 'b';
  return white === (hostColor === 'w') ? 'host' : 'opponent';
}

/**
 * Each board's clocks after each of its moves, in log order (a taken-back move and every game
 * of a board included): the mover's time left, the increment added.
 */
export function clocksAfterMoves(events: readonly SimulEvent[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  let settings: ClockSettings | null = null;
  let hostColor: HostColorChoice = 'white';
  let startFen: string | undefined;
  let boardFens: Record<number, string> = {};
  // Each board's clock and the side to move, followed without a chess game: moves alternate,
  // a takeback of an odd number of plies gives the move back, a rematch starts again.
  const clocks = new Map<number, { clock: BoardClock; toMove: Side }>();
  const all = (e: SimulEvent) => {
    for (const c of clocks.values()) foldClock(c.clock, e, c.toMove);
  };
  for (const e of events) {
    if (e.type === 'simul-created') {
      if (!e.clock) return out;
      settings = e.clock;
      hostColor = e.hostColor;
      startFen = e.startFen;
      boardFens = e.boardFens ?? {};
      continue;
    }
    if (!settings) continue;
    if (e.type === 'server-restarted' || e.type === 'simul-paused' || e.type === 'simul-resumed') {
      all(e);
      continue;
    }
    if (!('board' in e)) continue;
    let c = clocks.get(e.board);
    if (e.type === 'game-started' && !c) {
      const toMove = firstMover(hostColorOf(hostColor, e.board), boardFens[e.board] ?? startFen);
      clocks.set(e.board, (c = { clock: newBoardClock(settings), toMove }));
    }
    if (e.type === 'game-restarted') {
      const paused = c?.clock.paused ?? false;
      clocks.set(e.board, (c = { clock: { ...newBoardClock(settings), paused }, toMove: firstMover(e.hostColor, e.fen) }));
    }
    if (!c) continue;
    if (e.type === 'move-made') c.toMove = other(e.by);
    if (e.type === 'takeback-accepted' && e.plies % 2 === 1) c.toMove = other(c.toMove);
    foldClock(c.clock, e, c.toMove);
    if (e.type === 'move-made') {
      let times = out.get(e.board);
      if (!times) out.set(e.board, (times = []));
      times.push(c.clock[e.by]);
    }
  }
  return out;
}
