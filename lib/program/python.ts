// The simul as the Python program it is: one task per board on asyncio's event loop (async), or
// one blocking game after another (sync). The text is code, shown as it is and run by the tests
// with python3 (program.test.ts): it reads each board's recorded think times on stdin and prints
// the host's moves in the order the loop makes them.
import type { Mode } from '../simul/types';

const ASYNC = `import asyncio
import json
import sys
import time


async def board(table, moves):
    """One board: a task on the event loop. Each move: the opponent's think, then the host's (s)."""
    for opponent_thinks, host_thinks in moves:
        await asyncio.sleep(opponent_thinks)  # awaiting its opponent: the loop runs other boards
        time.sleep(host_thinks)  # the host thinks: one thread, no other board moves
        print(f"host moves on board {table}", flush=True)


async def simul(boards):
    # The host is the event loop: one thread, and every board a task on it.
    await asyncio.gather(*(board(table, moves) for table, moves in boards))


asyncio.run(simul(json.load(sys.stdin)))
`;

const SYNC = `import json
import sys
import time


def board(table, moves):
    """One board, played to its end. Each move: the opponent's think, then the host's (s)."""
    for opponent_thinks, host_thinks in moves:
        time.sleep(opponent_thinks)  # awaiting its opponent: blocked, the host waits too
        time.sleep(host_thinks)  # the host thinks
        print(f"host moves on board {table}", flush=True)


def simul(boards):
    for table, moves in boards:  # one game after another: no other board moves meanwhile
        board(table, moves)


simul(json.load(sys.stdin))
`;

/** Where a board's task can stand: the lines the program view highlights. */
export type ProgramPlace = 'host-thinks' | 'awaits-opponent' | 'not-begun' | 'loop';

/** A program's text, its lines, and the line of each place (1-based). */
export interface Program {
  mode: Mode;
  text: string;
  lines: string[];
  place: Record<ProgramPlace, number>;
}

/** The 1-based line holding `code`: it must be there once. */
function lineOf(lines: string[], code: string): number {
  const found = lines.flatMap((l, i) => (l.includes(code) ? [i + 1] : []));
  if (found.length !== 1) throw new Error(`the program holds "${code}" ${found.length} times`);
  return found[0];
}

function program(mode: Mode, text: string, place: Record<ProgramPlace, string>): Program {
  const lines = text.trimEnd().split('\n');
  const at = Object.fromEntries(Object.entries(place).map(([k, code]) => [k, lineOf(lines, code)])) as Record<ProgramPlace, number>;
  return { mode, text, lines, place: at };
}

export const PROGRAMS: Record<Mode, Program> = {
  async: program('async', ASYNC, {
    'host-thinks': 'time.sleep(host_thinks)',
    'awaits-opponent': 'await asyncio.sleep(opponent_thinks)',
    // A task not begun stands before its first line (asyncio has created it).
    'not-begun': 'async def board(',
    loop: 'await asyncio.gather(',
  }),
  sync: program('sync', SYNC, {
    'host-thinks': 'time.sleep(host_thinks)',
    'awaits-opponent': 'time.sleep(opponent_thinks)',
    'not-begun': 'for table, moves in boards:',
    loop: 'for table, moves in boards:',
  }),
};
