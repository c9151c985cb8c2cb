// The think time of every move, as METRICS "Per move" defines it. The host's is measured
// against the host's previous move on any board, because the host is one worker: the
// time between two of its moves is all it had, whichever board it spent it on.
import type { BusyClock } from './host';
import type { SimulStates } from './states';
import type { Side } from '../simul/types';

export interface MoveThink {
  board: number;
  by: Side;
  at: number;
  san: string;
  /**
   * Host: the busy part of (previous host move or start, at]. Opponent: at minus the
   * host's last move on this board (or the game's start).
   */
  think: number;
}

/** Every move in log order with its think time. */
export function moveThinks(states: SimulStates, clock: BusyClock): MoveThink[] {
  let previousHostMove = states.start;
  return states.moves.map(({ board, by, at, san, since }) => {
    if (by === 'opponent') return { board, by, at, san, think: at - since };
    const think = clock.until(at) - clock.until(previousHostMove);
    previousHostMove = at;
    return { board, by, at, san, think };
  });
}
