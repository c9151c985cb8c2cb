// The think time of every move, as METRICS "Per move" defines it. The host's is measured
// against the host's previous move on any board, because the host is one worker: the
// time between two of its moves is all it had, whichever board it spent it on.
import type { BusyClock } from './ready-queue';
import type { MoveRecord } from './states';
import type { Side } from '../simul/types';

export interface MoveThink {
  board: number;
  by: Side;
  at: number;
  san: string;
  /**
   * Host: the busy part of (previous host move or start, at]. Opponent: at minus the
   * host's last move on this board (or the game's start, or a takeback), less any pause between.
   */
  think: number;
}

/** Times the moves one after another, in log order. */
export class ThinkTimer {
  /** The host's last move so far, or the simul's start. */
  lastHostMove: number;

  constructor(start: number) {
    this.lastHostMove = start;
  }

  /** `clock` must cover the move: busy time up to `at` does not change after it. */
  next({ board, by, at, san, since, paused }: MoveRecord, clock: BusyClock): MoveThink {
    if (by === 'opponent') return { board, by, at, san, think: at - since - paused };
    const think = clock.until(at) - clock.until(this.lastHostMove);
    this.lastHostMove = at;
    return { board, by, at, san, think };
  }
}
