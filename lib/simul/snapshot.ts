// A simul's state as plain data: what a client that needs the position, not the history,
// gets instead of the whole log (a student's phone opening or far behind). Positions travel
// as FEN, with the positions since the last capture or pawn move (the only ones that can be
// repeated), so that a phone knows when its player may claim a draw.
import { Game } from '../chess/game';
import type { BoardState, SimulState } from './types';

type BoardSnapshot = Omit<BoardState, 'chess' | 'positions'> & { fen: string; positions: [string, number][] };
/** The commands applied stay with the server, which alone judges a resend. */
export type SimulSnapshot = Omit<SimulState, 'boards' | 'commands'> & { boards: BoardSnapshot[] };

export function toSnapshot(state: SimulState): SimulSnapshot {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { commands, ...simul } = state;
  return {
    ...simul,
    order: [...state.order],
    boards: state.order.map((n) => {
      const { chess, positions, ...board } = state.boards.get(n)!;
      return {
        ...board,
        positions: [...positions],
        clock: board.clock && { ...board.clock },
        lastMove: board.lastMove && { ...board.lastMove },
        opponent: board.opponent && { ...board.opponent },
        lastClientMoveId: { ...board.lastClientMoveId },
        fen: chess.fen(),
      };
    }),
  };
}

export function fromSnapshot(snapshot: SimulSnapshot): SimulState {
  const { boards, ...simul } = snapshot;
  return {
    ...simul,
    commands: new Map(),
    order: [...simul.order],
    boards: new Map(
      boards.map(({ fen, positions, ...board }) => [board.number, { ...board, chess: new Game(fen), positions: new Map(positions) }] as const),
    ),
  };
}
