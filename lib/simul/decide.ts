// decide: a command from an actor becomes events, or a rejection with a code.
// Pure with respect to the state: it reads, it never changes (see deciders/move.ts).
// Who may send a command is checked here; what it does is its decider's (deciders/).
import { commandRecord, recordText } from './queries';
import { DECIDERS } from './deciders';
import { isRejection, moverOn, reject, type Decider, type Decision } from './deciders/common';
import { rejection, type Rejection } from './rejection';
import { LIMITS, type Actor, type Command, type CommandType, type SimulState } from './types';

export type { Decision } from './deciders/common';

const HOST_ONLY = new Set<CommandType>([
  'seat-bot',
  'free-seat',
  'reissue-seat',
  'close-joining',
  'open-joining',
  'start',
  'focus',
  'abort-game',
  'end-simul',
  'answer-takeback',
  'take-back',
  'pause',
  'resume',
  'hand-to-bot',
  'message-class',
  'turn-off-takebacks',
]);

/** What the class may still do while paused: resume, end, and what moves no clock. */
const WHILE_PAUSED = new Set<CommandType>([
  'pause',
  'resume',
  'end-simul',
  'close-joining',
  'open-joining',
  'reissue-seat',
  'focus',
  'time-out',
  'resume-clocks',
  'mark-away',
  'mark-back',
  'hand-to-bot',
  'take-board-back',
  'message-class',
]);

/** Commands only the room itself sends (on its timers); never a client's. */
const SERVER_ONLY = new Set<CommandType>(['time-out', 'resume-clocks', 'mark-away', 'mark-back']);

/**
 * The host's commands the room may also send itself (its housekeeping), saying why; and a move,
 * which the room sends for the bot that plays a student's side for now (deciders/stand-in.ts).
 */
const SERVER_TOO = new Set<CommandType>(['end-simul', 'move']);

/** What still goes on when the log is nearly full: ending the simul, and a flag's fall. */
const ENDING = new Set<CommandType>(['end-simul', 'time-out']);

/** The last events of a full log are kept for ending (a flag per board, the end of every game). */
export const LOG_ENDING_RESERVE = 1_000;

/**
 * A command becomes events or a refusal. A command resent by its sender after it was applied
 * (its acknowledgement lost, a reconnect, a server restart) is a duplicate: acknowledged, with no
 * events, even when what it did (a move that ended the game, a resignation) makes it impossible now.
 * `now`: the server's time, which only the clocks read.
 */
export function decide(state: SimulState, actor: Actor, command: Command, now: number): Decision {
  const record = commandRecord(state, actor, command);
  if (record) {
    const applied = state.commands.get(record.key);
    // The same id from the same sender: a resend of what it asked, or another request.
    if (applied !== undefined) {
      if (applied === '' || applied === record.fingerprint) return { ok: true, events: [], duplicate: true };
      return reject('command-id-reused');
    }
  }
  const decision = decideNew(state, actor, command, now);
  // The log's size is bounded: near its most, only ending goes on.
  const room = LIMITS.maxLogEvents - (ENDING.has(command.type) ? 0 : LOG_ENDING_RESERVE);
  if (decision.ok && state.seq + decision.events.length > room) return reject('log-full', { maxEvents: LIMITS.maxLogEvents });
  // A move is remembered by its clientMoveId; any other command by a record on its first event.
  if (!decision.ok || !record || command.type === 'move' || decision.events.length === 0) return decision;
  const [first, ...rest] = decision.events;
  return { ok: true, events: [{ ...first, command: recordText(record) }, ...rest] };
}

function decideNew(state: SimulState, actor: Actor, command: Command, now: number): Decision {
  // The host's word to the class may come after the last game ("Well played, everyone!").
  if (state.phase === 'finished' && command.type !== 'message-class') return reject('simul-finished');
  const byServer = actor.role === 'server';
  if (SERVER_ONLY.has(command.type) ? !byServer : byServer && !SERVER_TOO.has(command.type)) return reject('bad-payload');
  if (HOST_ONLY.has(command.type) && actor.role !== 'host' && !byServer) return reject('not-host');
  const who = whoRefusal(actor, command);
  if (who) return { ok: false, error: who };
  if (state.pausedSince !== null && !WHILE_PAUSED.has(command.type)) return reject('simul-paused');
  const decider = DECIDERS[command.type] as Decider<CommandType> | undefined;
  if (!decider) return reject('bad-payload');
  return decider(state, actor, command, now);
}

/**
 * Who asks, checked before anything else (the precedence: who asks, then the pause, then the
 * game's own state): a student's command for another student's board.
 */
function whoRefusal(actor: Actor, command: Command): Rejection | null {
  if (actor.role !== 'opponent' || command.type === 'join' || !('board' in command) || command.board === undefined) return null;
  return command.board === actor.board ? null : rejection('not-your-board', { board: command.board, yourBoard: actor.board });
}

/**
 * Why `actor` may not move on `board` now, in decide's precedence (who asks, the pause, then
 * game over / not your move / out of time), or null when it may: a screen says this before a
 * move is even typed.
 */
export function turnRefusal(state: SimulState, actor: Actor, board: number, now: number): Rejection | null {
  const probe: Command = { type: 'move', board, from: 'a1', to: 'a1', clientMoveId: '' };
  if (state.phase === 'finished') return rejection('simul-finished');
  const who = whoRefusal(actor, probe);
  if (who) return who;
  if (state.pausedSince !== null) return rejection('simul-paused');
  const mover = moverOn(state, actor, board, now);
  return isRejection(mover) ? mover : null;
}
