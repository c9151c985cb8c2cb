// The simul as the Python program it is: one task per board on asyncio's event loop (async), or
// one blocking game after another (sync). The text is code, run by the tests with python3
// (program.test.ts): it reads each board's recorded waits and think times on stdin and prints the
// host's moves in the order its host makes them, taking the boards by the simul's rule. Its
// comments and docstrings are words, in the reader's language: here each is a name in braces,
// {{name}}, one line, which the view fills from the words table (app/words: program.comments).
import type { Mode } from '../simul/types';

const ASYNC = `import asyncio
import json
import sys
import time


class Host:
    """{{host}}"""

    def __init__(self, rule, clock, tables):
        self.rule = rule  # {{rule}}
        self.clock = clock  # {{clock}}
        self.tables = tables  # {{tables}}
        self.playing = set(tables)
        self.turns = {}  # {{turns}}
        self.left = {}  # {{left}}
        self.at = self.last = None  # {{at}}
        self.ready_at = None  # {{readyAt}}

    def begin(self, table):
        """{{begin}}"""
        self.moved(table)
        self.left[table] = self.clock[0] if self.clock else 0

    def turn(self, table, opponent_thinks):
        """{{turn}}"""
        loop = asyncio.get_running_loop()
        self.moved(table)
        turn = loop.create_future()
        self.turns[table] = (round(loop.time() + opponent_thinks, 6), turn)
        self.next()
        return turn

    def done(self, table):
        """{{done}}"""
        self.moved(table)
        self.playing.discard(table)
        self.next()

    def moved(self, table):
        if self.at == table:  # {{free}}
            now = asyncio.get_running_loop().time()
            if self.clock:
                self.left[table] += self.clock[1] - (now - self.ready_at)
            self.at, self.last = None, table

    def next(self):
        # {{chooses}}
        if self.at is not None or not self.turns or len(self.turns) < len(self.playing):
            return
        now = round(asyncio.get_running_loop().time(), 6)
        after = self.tables.index(self.last) + 1 if self.last in self.tables else 0
        around = [t for t in self.tables[after:] + self.tables[:after] if t in self.turns]
        ready = [t for t in around if self.turns[t][0] <= now]
        if not ready:  # {{noneReady}}
            table = min(self.tables, key=lambda t: self.turns[t][0] if t in self.turns else float("inf"))
        elif self.rule == "first-ready":  # {{firstReady}}
            table = min(ready, key=lambda t: self.turns[t][0])
        elif self.rule == "most-urgent":  # {{mostUrgent}}
            table = min(ready, key=lambda t: self.turns[t][0] + self.left[t])
        else:  # {{tableOrder}}
            table = ready[0]
        self.ready_at, turn = self.turns.pop(table)
        self.at = table
        turn.set_result(None)


async def board(table, games, host):
    """{{board}}"""
    for moves in games:  # {{rematch}}
        host.begin(table)
        for opponent_thinks, host_thinks in moves:
            turn = host.turn(table, opponent_thinks)
            await asyncio.sleep(opponent_thinks)  # {{awaitsOpponent}}
            await turn  # {{awaitsHost}}
            time.sleep(host_thinks)  # {{hostThinks}}
            print(f"host moves on board {table}", flush=True)
    host.done(table)


async def simul(rule, clock, boards):
    # {{gather}}
    host = Host(rule, clock, [table for table, games in boards])
    await asyncio.gather(*(board(table, games, host) for table, games in boards))


asyncio.run(simul(**json.load(sys.stdin)))
`;

const SYNC = `import json
import sys
import time


def board(table, moves):
    """{{syncBoard}}"""
    for opponent_thinks, host_thinks in moves:
        time.sleep(opponent_thinks)  # {{syncAwaitsOpponent}}
        time.sleep(host_thinks)  # {{syncHostThinks}}
        print(f"host moves on board {table}", flush=True)


def simul(games):
    for table, moves in games:  # {{syncGames}}
        board(table, moves)


simul(**json.load(sys.stdin))
`;

/** A comment's or docstring's name in the program's text: {{name}}. */
const COMMENT = /\{\{(\w+)\}\}/g;

/** The names of the comments and docstrings of the programs, in their order. */
export function commentNames(program: Program): string[] {
  return [...program.text.matchAll(COMMENT)].map((m) => m[1]);
}

/** A line of a program with its comments and docstrings in a language's words (one line each). */
export function withComments(line: string, comments: Readonly<Record<string, string>>): string {
  return line.replace(COMMENT, (name: string, key: string) => comments[key] ?? name);
}

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
