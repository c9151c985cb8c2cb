// hand-to-bot and take-board-back: while a board's student is away (or gone), the host may hand
// the student's side to a bot, which plays on from the position as any bot (the room runs it:
// server/room/bot-runner.ts). The student takes the board back when it returns (the host may
// give it back too); a seat re-issued to a new device ends the bot's turn as well (seats.ts).
import { isBotSpec } from '../../bots/spec';
import { presenceOf } from '../presence';
import { accept, isRejection, liveBoard, refuse, reject, type Decider } from './common';

export const decideHandToBot: Decider<'hand-to-bot'> = (state, _actor, command) => {
  if (!isBotSpec(command.bot)) return reject('bot-invalid');
  const board = liveBoard(state, command.board);
  if (isRejection(board)) return refuse(board);
  const presence = presenceOf(board);
  if (!presence) return reject('bot-seat', { board: board.number });
  if (presence.kind === 'here') return reject('student-here', { board: board.number });
  if (board.standIn) return reject('bot-plays', { board: board.number });
  return accept({ type: 'bot-took-over', board: board.number, bot: command.bot });
};

export const decideTakeBoardBack: Decider<'take-board-back'> = (state, actor, command) => {
  if (actor.role !== 'host' && !(actor.role === 'opponent' && actor.board === command.board)) {
    return actor.role === 'opponent' ? reject('not-your-board', { board: command.board, yourBoard: actor.board }) : reject('not-seated');
  }
  const board = state.boards.get(command.board);
  if (!board) return reject('unknown-board', { board: command.board });
  if (!board.standIn) return reject('no-stand-in', { board: board.number });
  return accept({ type: 'bot-handed-back', board: board.number, by: actor.role === 'host' ? 'host' : 'opponent' });
};
