// join: a student takes a seat (before the start, or late while joining is open).
import { freeSeats } from '../queries';
import type { SimulEventBody } from '../types';
import { accept, isRejection, refuse, reject, seatName, type Decider } from './common';

export const decideJoin: Decider<'join'> = (state, actor, command) => {
  if (actor.role === 'host') return reject('already-seated', { who: 'host' });
  if (actor.role === 'opponent') return reject('already-seated', { who: 'opponent', board: actor.board });
  const late = state.phase !== 'lobby';
  if (state.joiningClosed) return late ? reject('already-started', { command: command.type }) : reject('joining-closed');
  const name = seatName(state, command.name);
  if (isRejection(name)) return refuse(name);
  const free = freeSeats(state);
  let number = free[0];
  if (command.board !== undefined) {
    if (!Number.isInteger(command.board) || command.board < 1 || command.board > state.boardCount) {
      return reject('unknown-board', { board: command.board });
    }
    if (!free.includes(command.board)) return reject('seat-taken', { board: command.board });
    number = command.board;
  } else if (number === undefined) {
    return reject('simul-full');
  }
  const seated: SimulEventBody = { type: 'seat-taken', board: number, name, playerId: command.playerId };
  // A late joiner's game begins at once in async mode; in sync mode it is queued last.
  if (late && state.mode === 'async') return accept(seated, { type: 'game-started', board: number });
  return accept(seated);
};
