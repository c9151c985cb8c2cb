// The simul's state read as the program's: each board a task, running on the host, ready in the
// loop's queue, awaiting its opponent, not begun or done, with the line it stands at. From the
// same folded state every screen shows, so the program can only say what the simul is. While the
// class is paused the whole program is suspended: every task stands where it was, none runs.
import { awaitsHost } from '../simul/queries';
import { awaitingHostInOrder, hostThinkingOn } from '../simul/rotation';
import type { SimulState } from '../simul/types';
import { PROGRAMS, type Program, type ProgramPlace } from './python';

export type TaskState = 'running' | 'ready' | 'awaiting' | 'not-begun' | 'done' | 'paused';

interface TaskView {
  board: number;
  state: TaskState;
  /** Where in the program it stands; null once done. */
  place: ProgramPlace | null;
  /** That place's line (1-based). */
  line: number | null;
  /** The board's game the task is at: 1, then one more with each rematch. */
  game: number;
}

interface EventLoopView {
  program: Program;
  /** Whether the simul (the program) has started: before, it has no tasks. */
  started: boolean;
  /** The class is paused: the loop is suspended, no task runs, none is ready; every task not done is 'paused', at its line. */
  paused: boolean;
  /** Every board's task, in the rotation order. */
  tasks: TaskView[];
  /** The loop's current task: the board the host is at, while it awaits the host. */
  current: number | null;
  /** The other tasks ready to run, in the order the host takes them. */
  ready: number[];
  /** Tasks awaiting their opponent's move (the waiting set). */
  awaiting: number[];
  /** Tasks not begun (sync: games queued). */
  notBegun: number[];
  done: number[];
}

export function eventLoopView(state: SimulState): EventLoopView {
  const program = PROGRAMS[state.mode];
  const started = state.phase !== 'lobby';
  const paused = started && state.pausedSince !== null;
  // Where the host thinks, paused or not: the task it stands in (rotation.ts hostThinkingOn).
  const at = started ? hostThinkingOn(state) : null;
  const current = paused ? null : at;
  // The other tasks ready, in the order the host serves them (rotation.ts awaitingHostInOrder).
  const ready = started && !paused ? awaitingHostInOrder(state).filter((n) => n !== at) : [];
  const tasks: TaskView[] = [];
  if (started) {
    for (const n of state.order) {
      const b = state.boards.get(n)!;
      const [s, place]: [TaskState, ProgramPlace | null] =
        b.status === 'finished' || b.status === 'aborted'
          ? ['done', null]
          : b.status !== 'playing'
            ? ['not-begun', 'not-begun']
            : n === at
              ? ['running', 'host-thinks']
              : awaitsHost(b)
                ? // Its opponent has moved (at a game's start, an await of nothing): it awaits the host.
                  ['ready', 'awaits-host']
                : ['awaiting', 'awaits-opponent'];
      tasks.push({ board: n, state: paused && s !== 'done' ? 'paused' : s, place, line: place && program.place[place], game: b.game });
    }
  }
  const having = (s: TaskState) => tasks.filter((t) => t.state === s).map((t) => t.board);
  return { program, started, paused, tasks, current, ready, awaiting: having('awaiting'), notBegun: having('not-begun'), done: having('done') };
}
