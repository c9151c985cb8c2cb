// The simul as the Python program it is: one task per board on asyncio's event loop (async), or
// one blocking game after another (sync). The text is code, shown as it is and run by the tests
// with python3 (program.test.ts): it reads each board's recorded waits and think times on stdin
// and prints the host's moves in the order its host makes them, taking the boards by the simul's rule.
import type { Mode } from '../simul/types';

const ASYNC = `import asyncio
import json
import sys
import time


class Host:
    """The host: one thread, at one board at a time. Like asyncio's loop it keeps the boards
    that are ready, and it takes the next one by the simul's rule."""

    def __init__(self, rule, clock, tables):
        self.rule = rule  # "table-order", "first-ready" or "most-urgent"
        self.clock = clock  # the host's clock (s): [its time at a game's start, the increment]
        self.tables = tables  # in table order
        self.playing = set(tables)
        self.turns = {}  # table: (when it awaits the host, the host's turn there)
        self.left = {}  # table: the host's time left on that board's clock
        self.at = self.last = None  # the board the host is at, and the one it moved on last
        self.ready_at = None  # when the board the host is at began to await it

    def begin(self, table):
        """A game begins at this board: the host's clock there is set."""
        self.moved(table)
        self.left[table] = self.clock[0] if self.clock else 0

    def turn(self, table, opponent_thinks):
        """The host's next turn at this board: it awaits the host once its opponent has moved."""
        loop = asyncio.get_running_loop()
        self.moved(table)
        turn = loop.create_future()
        self.turns[table] = (round(loop.time() + opponent_thinks, 6), turn)
        self.next()
        return turn

    def done(self, table):
        """The board's last game is over."""
        self.moved(table)
        self.playing.discard(table)
        self.next()

    def moved(self, table):
        if self.at == table:  # the host made its move here: it is free again
            now = asyncio.get_running_loop().time()
            if self.clock:
                self.left[table] += self.clock[1] - (now - self.ready_at)
            self.at, self.last = None, table

    def next(self):
        # The host chooses once it is free and every board awaits its opponent or the host.
        if self.at is not None or not self.turns or len(self.turns) < len(self.playing):
            return
        now = round(asyncio.get_running_loop().time(), 6)
        after = self.tables.index(self.last) + 1 if self.last in self.tables else 0
        around = [t for t in self.tables[after:] + self.tables[:after] if t in self.turns]
        ready = [t for t in around if self.turns[t][0] <= now]
        if not ready:  # none awaits the host: it waits for the first to (ties: table order)
            table = min(self.tables, key=lambda t: self.turns[t][0] if t in self.turns else float("inf"))
        elif self.rule == "first-ready":  # the one that has waited longest
            table = min(ready, key=lambda t: self.turns[t][0])
        elif self.rule == "most-urgent":  # the lowest host clock: the earliest flag
            table = min(ready, key=lambda t: self.turns[t][0] + self.left[t])
        else:  # around the tables: the next one after the board it left
            table = ready[0]
        self.ready_at, turn = self.turns.pop(table)
        self.at = table
        turn.set_result(None)


async def board(table, games, host):
    """One board: a task on the event loop. Each move: the opponent's think, then the host's (s)."""
    for moves in games:  # a rematch: a new game at the same board
        host.begin(table)
        for opponent_thinks, host_thinks in moves:
            turn = host.turn(table, opponent_thinks)
            await asyncio.sleep(opponent_thinks)  # awaiting its opponent: the loop runs other boards
            await turn  # ready: it awaits the host, who comes by the simul's rule
            time.sleep(host_thinks)  # the host thinks: one thread, no other board moves
            print(f"host moves on board {table}", flush=True)
    host.done(table)


async def simul(rule, clock, boards):
    # Every board a task on the one thread, the host's; the host moves on one at a time.
    host = Host(rule, clock, [table for table, games in boards])
    await asyncio.gather(*(board(table, games, host) for table, games in boards))


asyncio.run(simul(**json.load(sys.stdin)))
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


def simul(games):
    for table, moves in games:  # one game after another: no other board moves meanwhile
        board(table, moves)


simul(**json.load(sys.stdin))
`;

/** Where a board's task can stand: the lines the program view highlights. */
export type ProgramPlace = 'host-thinks' | 'awaits-opponent' | 'awaits-host' | 'not-begun' | 'loop';

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
    'awaits-host': 'await turn',
    // A task not begun stands before its first line (asyncio has created it).
    'not-begun': 'async def board(',
    loop: 'await asyncio.gather(',
  }),
  sync: program('sync', SYNC, {
    'host-thinks': 'time.sleep(host_thinks)',
    'awaits-opponent': 'time.sleep(opponent_thinks)',
    // One game at a time: the game that awaits the host is the one it plays.
    'awaits-host': 'time.sleep(host_thinks)',
    'not-begun': 'for table, moves in games:',
    loop: 'for table, moves in games:',
  }),
};
