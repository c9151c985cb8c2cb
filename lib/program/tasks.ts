// The simul's state read as the program's: each board a task, running on the host, ready in the
// loop's queue, awaiting its opponent, not begun or done, with the line it stands at. From the
// same folded state every screen shows, so the program can only say what the simul is.
import { awaitsHost, readyQueue } from '../simul/queries';
import type { SimulState } from '../simul/types';
import { PROGRAMS, type Program, type ProgramPlace } from './python';

export type TaskState = 'running' | 'ready' | 'awaiting' | 'not-begun' | 'done';

export interface TaskView {
  board: number;
  state: TaskState;
  /** Where in the program it stands; null once done. */
  place: ProgramPlace | null;
  /** That place's line (1-based). */
  line: number | null;
}

export interface EventLoopView {
  program: Program;
  /** Whether the simul (the program) has started: before, it has no tasks. */
  started: boolean;
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
  const focused = state.focus === null ? undefined : state.boards.get(state.focus);
  const current = started && focused && awaitsHost(focused) ? focused.number : null;
  const ready = started ? readyQueue(state).filter((n) => n !== current) : [];
  const tasks: TaskView[] = [];
  if (started) {
    for (const n of state.order) {
      const b = state.boards.get(n)!;
      const [s, place]: [TaskState, ProgramPlace | null] =
        b.status === 'finished' || b.status === 'aborted'
          ? ['done', null]
          : b.status !== 'playing'
            ? ['not-begun', 'not-begun']
            : n === current
              ? ['running', 'host-thinks']
              : awaitsHost(b)
                ? // Its await is over (at the start, an await of nothing): it resumes there when the loop gets to it.
                  ['ready', 'awaits-opponent']
                : ['awaiting', 'awaits-opponent'];
      tasks.push({ board: n, state: s, place, line: place && program.place[place] });
    }
  }
  const having = (s: TaskState) => tasks.filter((t) => t.state === s).map((t) => t.board);
  return { program, started, tasks, current, ready, awaiting: having('awaiting'), notBegun: having('not-begun'), done: having('done') };
}
