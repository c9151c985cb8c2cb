// The games' clocks, derived from the event log and the current time alone: the server (for
// the flag timers and the refusal of a late move) and every screen compute them with these
// same functions, so a restart loses nothing and no screen disagrees with another.
//
// A board's clock runs for the side to move while its game is live: the host's clock runs
// whenever the board awaits the host, wherever the host is (the board's wait on the dashboard),
// and the opponent's while the opponent is to move. A queued game's clocks (sync mode) stand
// still until its game begins. A mover gets the increment after each move. When the server
// restarts, the time since the simul's last event before it is charged to no one.
import { hostColorOf } from './queries';
import type { ClockSettings, HostColorChoice, Side, SimulEvent } from './types';

export interface BoardClock {
  incrementMs: number;
  /** Time left for each side; for the side whose clock runs, as of `since`. */
  host: number;
  opponent: number;
  /** The side whose clock runs, or null before the game begins and after it ends. */
  running: Side | null;
  /** Server time since which the running clock runs. */
  since: number;
}

export function newBoardClock(settings: ClockSettings): BoardClock {
  return {
    incrementMs: settings.incrementMs,
    host: settings.initialMs + settings.hostExtraMs,
    opponent: settings.initialMs,
    running: null,
    since: 0,
  };
}

const other = (side: Side): Side => (side === 'host' ? 'opponent' : 'host');

/** Stops the running clock at `at`, charging it the time since it started. */
function charge(clock: BoardClock, at: number): void {
  if (clock.running) clock[clock.running] -= Math.max(0, at - clock.since);
  clock.since = at;
}

/**
 * Folds one of the board's events into its clock. `firstToMove`: who moves first in this
 * board's game (the side with white).
 */
export function foldClock(clock: BoardClock, event: SimulEvent, firstToMove: Side): void {
  switch (event.type) {
    case 'game-started':
      clock.running = firstToMove;
      clock.since = event.at;
      break;
    case 'move-made':
      charge(clock, event.at);
      clock[event.by] += clock.incrementMs;
      clock.running = other(event.by);
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
  return clock.running === side ? clock[side] - Math.max(0, now - clock.since) : clock[side];
}

/** When the running clock's flag falls, or null when no clock runs. */
export function flagTime(clock: BoardClock): number | null {
  return clock.running ? clock.since + clock[clock.running] : null;
}

/** Each board's clocks after each of its moves: the mover's time left, the increment added. */
export function clocksAfterMoves(events: readonly SimulEvent[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  let settings: ClockSettings | null = null;
  let hostColor: HostColorChoice = 'white';
  const firstToMove = (board: number): Side => (hostColorOf(hostColor, board) === 'w' ? 'host' : 'opponent');
  const clocks = new Map<number, BoardClock>();
  for (const e of events) {
    if (e.type === 'simul-created') {
      if (!e.clock) return out;
      settings = e.clock;
      hostColor = e.hostColor;
      continue;
    }
    if (!settings) continue;
    if (e.type === 'server-restarted') {
      for (const [board, clock] of clocks) foldClock(clock, e, firstToMove(board));
      continue;
    }
    if (!('board' in e)) continue;
    let clock = clocks.get(e.board);
    if (!clock && e.type === 'game-started') clocks.set(e.board, (clock = newBoardClock(settings)));
    if (!clock) continue;
    foldClock(clock, e, firstToMove(e.board));
    if (e.type === 'move-made') {
      let times = out.get(e.board);
      if (!times) out.set(e.board, (times = []));
      times.push(clock[e.by]);
    }
  }
  return out;
}
