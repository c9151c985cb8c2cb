// decide: a command from an actor becomes events, or a rejection with a code.
// Pure with respect to the state: it reads, it never changes (see deciders/move.ts).
// Who may send a command is checked here; what it does is its decider's (deciders/).
import { commandKey } from './queries';
import { DECIDERS } from './deciders';
import { reject, type Decider, type Decision } from './deciders/common';
import type { Actor, Command, CommandType, SimulState } from './types';

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
]);

/** Commands only the room itself sends (on its timers); never a client's. */
const SERVER_ONLY = new Set<CommandType>(['time-out', 'resume-clocks']);

/**
 * A command becomes events or a refusal. A command resent by its sender after it was applied
 * (its acknowledgement lost, a reconnect, a server restart) is a duplicate: acknowledged, with no
 * events, even when what it did (a move that ended the game, a resignation) makes it impossible now.
 * `now`: the server's time, which only the clocks read.
 */
export function decide(state: SimulState, actor: Actor, command: Command, now: number): Decision {
  const key = commandKey(actor, command);
  if (key && state.commands.has(key)) return { ok: true, events: [], duplicate: true };
  const decision = decideNew(state, actor, command, now);
  // A move is remembered by its clientMoveId; any other command by a key on its first event.
  if (!decision.ok || !key || command.type === 'move' || decision.events.length === 0) return decision;
  const [first, ...rest] = decision.events;
  return { ok: true, events: [{ ...first, command: key }, ...rest] };
}

function decideNew(state: SimulState, actor: Actor, command: Command, now: number): Decision {
  if (state.phase === 'finished') return reject('simul-finished');
  if (SERVER_ONLY.has(command.type) !== (actor.role === 'server')) return reject('bad-payload');
  if (HOST_ONLY.has(command.type) && actor.role !== 'host') return reject('not-host');
  if (state.pausedSince !== null && !WHILE_PAUSED.has(command.type)) return reject('simul-paused');
  const decider = DECIDERS[command.type] as Decider<CommandType> | undefined;
  if (!decider) return reject('bad-payload');
  return decider(state, actor, command, now);
}
