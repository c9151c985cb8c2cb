// The program view is true to the simul, and the program is real Python: at every event of the
// fixture logs each task's state is its board's (read by the metrics' own fold), and python3
// runs the program on each log's think times and prints the host's moves in the log's order.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StatesFold } from '../metrics/states';
import { fixtureLogs } from '../metrics/fixture-logs';
import { lessonLog, syncLog, threeBoardLog } from '../metrics/test-logs';
import { replay } from '../simul/evolve';
import { HOST, opponent, TestSimul } from '../simul/test-log';
import type { SimulEvent } from '../simul/types';
import { commentNames, PROGRAMS, withComments } from './python';
import { hostMoveOrder, programInput, type ProgramInput } from './schedule';
import { eventLoopView, type TaskState } from './tasks';

const FIXTURES = fixtureLogs();
const LOGS = FIXTURES.map((l) => [l.name, l.events] as const);
const BY_RULE = FIXTURES.filter((l) => l.byRule).map((l) => [l.name, l.events] as const);
/** The logs played by a rule chosen at creation, async: another rule would have ordered them otherwise. */
const CHOSEN_RULE = BY_RULE.filter(([, events]) => events[0].type === 'simul-created' && events[0].rotation !== undefined && events[0].mode === 'async');

/** The board's state as the metrics read it (states.ts), in the program's words. */
function boardStates(fold: StatesFold): Map<number, TaskState | 'host-to-move'> {
  return new Map(
    fold.boards.map((b) => [
      b.board,
      b.current === null
        ? 'done'
        : b.current.state === 'queued'
          ? 'not-begun'
          : b.current.state === 'opponent-to-move'
            ? 'awaiting'
            : b.current.state === 'paused'
              ? 'paused'
              : 'host-to-move',
    ]),
  );
}

const HOST_THINKS = 'time.sleep(host_thinks)  # {{hostThinks}}';
const AWAITS_HOST = 'await turn  # {{awaitsHost}}';
const AWAITS = 'await asyncio.sleep(opponent_thinks)  # {{awaitsOpponent}}';

describe('the program view', () => {
  it.each(LOGS)('%s: at every event, each task is in its board’s state', (_name, events) => {
    const fold = new StatesFold(() => []);
    events.forEach((e, i) => {
      fold.add(e);
      const where = `after event ${i + 1} (${e.type})`;
      const state = replay(events.slice(0, i + 1));
      const view = eventLoopView(state);
      expect(view.started, where).toBe(fold.start !== null);
      if (!view.started) return expect(view.tasks).toEqual([]);
      const states = boardStates(fold);
      expect(view.tasks.map((t) => t.board), where).toEqual([...states.keys()]);
      for (const t of view.tasks) {
        const s = states.get(t.board)!;
        // Awaiting the host: the loop's current task, or ready in its queue.
        expect(s === 'host-to-move' ? ['running', 'ready'] : [s], `${where}, board ${t.board}`).toContain(t.state);
      }
      // The running task and the ready queue are the boards awaiting the host: the dashboard's queue length.
      const running = view.tasks.filter((t) => t.state === 'running').map((t) => t.board);
      expect(running, where).toEqual(view.current === null ? [] : [view.current]);
      expect([...running, ...view.ready].sort(), where).toEqual(view.tasks.filter((t) => t.state === 'ready' || t.state === 'running').map((t) => t.board).sort());
      expect(running.length + view.ready.length, where).toBe(fold.readyQueue.readUntil(e.at).at(-1)!.length);
      // Sync: one game at a time, so nothing waits in a queue.
      if (view.program.mode === 'sync') expect(view.ready, where).toEqual([]);
      // Paused: the loop is suspended; no task runs.
      expect(view.paused, where).toBe(state.pausedSince !== null);
      if (view.paused) expect([view.current, view.ready], where).toEqual([null, []]);
      // Each task is at its board's game, and at the line of its state.
      for (const t of view.tasks) {
        expect(t.game, where).toBe(state.boards.get(t.board)!.game);
        if (t.state === 'ready') expect(t.line, where).toBe(view.program.place['awaits-host']);
        if (t.state === 'awaiting') expect(t.line, where).toBe(view.program.place['awaits-opponent']);
        if (t.state === 'running') expect(t.line, where).toBe(view.program.place['host-thinks']);
      }
    });
  });

  it('highlights the line each task stands at', () => {
    const view = eventLoopView(replay(threeBoardLog().events.filter((e) => e.at <= 13_000)));
    const line = (board: number) => {
      const t = view.tasks.find((t) => t.board === board)!;
      return { state: t.state, code: view.program.lines[t.line! - 1].trim() };
    };
    expect(view.current).toBe(1);
    expect(line(1)).toEqual({ state: 'running', code: HOST_THINKS });
    expect(line(2)).toEqual({ state: 'awaiting', code: AWAITS });
    // At the start every task has had its first await (of nothing: its host moves first) and awaits the host; the host runs the first.
    const start = eventLoopView(replay(threeBoardLog().events.filter((e) => e.at <= 0)));
    expect(start.current).toBe(1);
    expect(start.ready).toEqual([2, 3]);
    expect(start.tasks.map((t) => [t.state, start.program.lines[t.line! - 1].trim()])).toEqual([
      ['running', HOST_THINKS],
      ['ready', AWAITS_HOST],
      ['ready', AWAITS_HOST],
    ]);
    // Sync: a game not begun stands before the loop reaches it; a finished one is done.
    const sync = eventLoopView(replay(syncLog().events.filter((e) => e.at <= 12_000)));
    expect(sync.tasks.map((t) => [t.board, t.state, t.line && sync.program.lines[t.line - 1].trim()])).toEqual([
      [1, 'done', null],
      [2, 'running', 'time.sleep(host_thinks)  # {{syncHostThinks}}'],
    ]);
    const queued = eventLoopView(replay(syncLog().events.filter((e) => e.at <= 5_000)));
    expect(queued.tasks[1]).toMatchObject({ state: 'not-begun', line: PROGRAMS.sync.place['not-begun'] });
    expect(queued.tasks[0]).toMatchObject({ state: 'awaiting', line: PROGRAMS.sync.place['awaits-opponent'] });
  });

  it('paused, the loop is suspended; a takeback puts a task back, a rematch begins its next game', () => {
    const s = new TestSimul({ boards: 2 });
    s.seatAndStart('Ada', 'Bo');
    s.tick(1_000).play(1, 'e4'); // the host goes on to board 2
    s.ok(HOST, { type: 'pause' });
    const tasks = () => eventLoopView(s.state).tasks.map((t) => [t.board, t.state, t.place, t.game]);
    const paused = eventLoopView(s.state);
    expect([paused.paused, paused.current, paused.ready, paused.awaiting]).toEqual([true, null, [], []]);
    // Every task stands where it stood: board 2 in the host's think, board 1 at its await.
    expect(tasks()).toEqual([
      [1, 'paused', 'awaits-opponent', 1],
      [2, 'paused', 'host-thinks', 1],
    ]);
    s.tick(5_000).ok(HOST, { type: 'resume' });
    expect(eventLoopView(s.state)).toMatchObject({ paused: false, current: 2, awaiting: [1] });
    // The host takes back its e4: board 1's task awaits the host again.
    s.tick(1_000).ok(HOST, { type: 'take-back', board: 1 });
    expect(tasks()).toEqual([
      [1, 'ready', 'awaits-host', 1],
      [2, 'running', 'host-thinks', 1],
    ]);
    s.tick(1_000).ok(opponent(1), { type: 'resign', board: 1 });
    expect(tasks()[0]).toEqual([1, 'done', null, 1]);
    // A rematch, colours swapped: the task's next game, its opponent (white) to move.
    s.tick(1_000).ok(HOST, { type: 'rematch', board: 1, swapColors: true });
    expect(tasks()[0]).toEqual([1, 'awaiting', 'awaits-opponent', 2]);
  });

  it('is not running on a board the host looks at while its opponent thinks', () => {
    const s = new TestSimul({ boards: 2 });
    s.seatAndStart('Ada', 'Bo');
    s.tick(1_000).play(1, 'e4');
    s.ok(HOST, { type: 'focus', board: 1 });
    const view = eventLoopView(s.state);
    expect(view.current).toBeNull();
    expect(view.ready).toEqual([2]);
    expect(view.awaiting).toEqual([1]);
  });
});

// ---- The program runs ----

const python = spawnSync('python3', ['--version']).status === 0;

/**
 * Runs the program as it is, on a simulated clock: the host's `time.sleep` moves the clock on,
 * and the loop, when nothing is ready, moves it to its next timer at once (as the exhibition's
 * clock does), so the order of events cannot depend on the machine's load.
 */
const SIMULATED_CLOCK = `
import asyncio, runpy, selectors, sys, time
now = 0.0
def advance(seconds):
    global now
    now = round(now + seconds, 9)
time.sleep = advance
class Selector(selectors.DefaultSelector):
    def select(self, timeout=None):
        if timeout:
            advance(timeout)
        return super().select(0)
class Loop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__(Selector())
    def time(self):
        return now
class Policy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return Loop()
asyncio.set_event_loop_policy(Policy())
runpy.run_path(sys.argv[1], run_name="__main__")
`;

describe('the program’s text', () => {
  it('is code: each comment and docstring is a name, {{name}}, which the view words in the reader’s language', () => {
    for (const program of Object.values(PROGRAMS)) {
      const comments = program.lines.filter((line) => line.includes('#') || line.includes('"""'));
      expect(comments.length).toBeGreaterThan(3);
      for (const line of comments) expect(line, line).toMatch(/^(.*  # \{\{\w+\}\}|\s*"""\{\{\w+\}\}""")$/);
      expect(commentNames(program).length).toBe(comments.length);
      expect(withComments(program.lines.find((l) => l.includes('{{'))!, { [commentNames(program)[0]]: 'hola' })).not.toContain('{{');
    }
  });
});

function run(events: readonly SimulEvent[], opts: { simulated: boolean; scale?: number }): number[] {
  return runInput(programInput(events, opts.scale), opts.simulated);
}

/** The program of the input's mode run on it, on the simulated clock or the real one: the boards of its host's moves. */
function runInput(input: ProgramInput, simulated = true): number[] {
  const mode = 'games' in input ? 'sync' : 'async';
  const dir = mkdtempSync(join(tmpdir(), 'simul-program-'));
  const file = join(dir, `simul_${mode}.py`);
  writeFileSync(file, PROGRAMS[mode].text);
  const args = simulated ? ['-c', SIMULATED_CLOCK, file] : [file];
  const out = spawnSync('python3', args, { input: JSON.stringify(input), encoding: 'utf8', timeout: 60_000 });
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  return out.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => Number(/^host moves on board (\d+)$/.exec(line)![1]));
}

describe.skipIf(!python)('the program, run by python3', () => {
  it.each(BY_RULE)('%s: prints the host’s moves in the log’s order', (_name, events) => {
    expect(run(events, { simulated: true })).toEqual(hostMoveOrder(events));
  });

  it('takes the boards by the rule, where the log’s host did not', () => {
    // The three-board simul's host moved on board 1 before board 3, both awaiting it, having left
    // board 2: around the tables, the program's host takes 3 first.
    const events = threeBoardLog().events;
    expect(hostMoveOrder(events)).toEqual([1, 2, 3, 1, 2, 3, 1, 3]);
    expect(run(events, { simulated: true })).toEqual([1, 2, 3, 1, 2, 3, 3, 1]);
  });

  it('takes the boards by the simul’s rule, not by another', () => {
    // The same think times under another rule give another order: the rule is what orders them.
    expect(CHOSEN_RULE.length).toBeGreaterThanOrEqual(5);
    for (const [, events] of CHOSEN_RULE) {
      const input = programInput(events);
      if (!('rule' in input)) throw new Error('an async log');
      const others = (['table-order', 'first-ready', 'most-urgent'] as const).filter((r) => r !== input.rule);
      const orders = others.map((rule) => runInput({ ...input, rule }));
      expect(orders.some((o) => JSON.stringify(o) !== JSON.stringify(hostMoveOrder(events)))).toBe(true);
    }
  });

  it('on the real clock, the moves’ times shortened 500 times', () => {
    const events = lessonLog('async', 4, 5, 55, 3).events;
    expect(run(events, { simulated: false, scale: 1 / 500 })).toEqual(hostMoveOrder(events));
    const sync = syncLog().events;
    expect(run(sync, { simulated: false, scale: 1 / 500 })).toEqual(hostMoveOrder(sync));
  });
});

if (!python) {
  it('runs the program with python3', () => {
    console.warn('python3 is not installed here: the program was not run.');
  });
}
