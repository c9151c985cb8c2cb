// start: the seated boards' games begin (in sync mode the first only).
import type { SimulEventBody } from '../types';
import { accept, reject, type Decider } from './common';

export const decideStart: Decider<'start'> = (state, _actor, command) => {
  if (state.phase !== 'lobby') return reject('already-started', { command: command.type });
  const seated = state.order.filter((n) => state.boards.get(n)!.opponent);
  if (seated.length === 0) return reject('no-opponents');
  const starts: SimulEventBody[] = (state.mode === 'async' ? seated : seated.slice(0, 1)).map((board) => ({
    type: 'game-started',
    board,
  }));
  return accept({ type: 'simul-started', boards: seated }, ...starts);
};
