// seat-bot: the host seats a bot at an empty seat, before the start. A bot may have no name (the
// server's exhibitions give none): each view names it by its board, in its reader's language.
import { isBotSpec } from '../../bots/spec';
import { accept, isRejection, refuse, reject, seatName, type Decider } from './common';

export const decideSeatBot: Decider<'seat-bot'> = (state, _actor, command) => {
  if (state.phase !== 'lobby') return reject('already-started', { command: command.type });
  const board = state.boards.get(command.board);
  if (!board) return reject('unknown-board', { board: command.board });
  if (board.opponent) return reject('seat-taken', { board: command.board });
  if (!isBotSpec(command.bot)) return reject('bot-invalid');
  const name = command.name === '' ? '' : seatName(state, command.name);
  if (isRejection(name)) return refuse(name);
  return accept({ type: 'seat-taken', board: board.number, name, playerId: `bot-${board.number}`, bot: command.bot });
};
