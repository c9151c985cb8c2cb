// Event builders shared by the store tests and the durability child process.
import type { SimulEvent } from '../../lib/simul/types';

export function created(simulId: string, at = 1_000): SimulEvent {
  return {
    seq: 1,
    at,
    type: 'simul-created',
    simulId,
    title: `Simul ${simulId}`,
    boardCount: 4,
    hostColor: 'alternate',
    mode: 'async',
    joinCode: 'ABCD',
  };
}

export function seatTaken(seq: number, board: number, at = 2_000): SimulEvent {
  return { seq, at, type: 'seat-taken', board, name: `Player ${board}`, playerId: `p${board}` };
}

export function move(seq: number, board = 1, at = 3_000): SimulEvent {
  return {
    seq,
    at,
    type: 'move-made',
    board,
    by: 'host',
    san: 'e4',
    from: 'e2',
    to: 'e4',
    clientMoveId: `m${seq}`,
  };
}

export function finished(seq: number, at = 9_000): SimulEvent {
  return { seq, at, type: 'simul-finished', early: false };
}
