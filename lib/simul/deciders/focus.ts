// focus: the host goes to a live board.
import { accept, isRejection, liveBoard, refuse, type Decider } from './common';

export const decideFocus: Decider<'focus'> = (state, _actor, command) => {
  const board = liveBoard(state, command.board);
  if (isRejection(board)) return refuse(board);
  if (state.focus === board.number) return accept();
  return accept({ type: 'host-focused', board: board.number, ...(state.focus !== null ? { from: state.focus } : {}) });
};
