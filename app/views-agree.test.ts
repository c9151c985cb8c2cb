// The views agree: at every event of every fixture log, for every board, what each screen shows
// equals the one domain answer (rotation.ts, results.ts, phone-status.ts). A new view joins by
// adding a line to VIEWS.
// It sits in app/, the one layer that may read them all: lib/'s layers keep lib/simul from importing the views (lib/layers.test.ts).
import { describe, expect, it } from 'vitest';
import { en } from './words/en';
import { boardViews } from '../lib/client/board-views';
import { consoleQueue } from '../lib/client/use-simul';
import { fixtureLogs } from '../lib/metrics/fixture-logs';
import { MetricsFold } from '../lib/metrics/metrics-fold';
import { ruleLog } from '../lib/metrics/rule-logs';
import { StatesFold } from '../lib/metrics/states';
import { eventLoopView } from '../lib/program/tasks';
import { evolve, initialState } from '../lib/simul/evolve';
import { hostWhere, phoneStatus } from '../lib/simul/phone-status';
import { awaitsHost } from '../lib/simul/queries';
import { gamesOf, tally } from '../lib/simul/results';
import { awaitingHostInOrder, boardsBefore, hostBoard, hostThinkingOn, nextBoard } from '../lib/simul/rotation';
import { applySummary, summarize } from '../lib/simul/summary';
import type { SimulEvent, SimulState } from '../lib/simul/types';

/** The domain's one answer at this point of the log. */
interface Answer {
  state: SimulState;
  at: number | null;
  thinking: number | null;
  order: number[];
  next: number | null;
  paused: boolean;
}

/** What one fold of the log gives a view, beside the state: the dashboard's figures and the review's records. */
interface Folds {
  metrics: MetricsFold;
  states: StatesFold;
  /** The time of the event just folded. */
  now: number;
}

/** Each view: its reading of board `n`, checked against the answer. */
const VIEWS: Record<string, (a: Answer, n: number, f: Folds) => void> = {
  'console cell look': (a, n) => {
    const look = boardViews(a.state).get(n)!.look;
    const live = a.state.boards.get(n)!.status === 'playing' && !a.paused;
    expect(look === 'host-thinking').toBe(live && n === a.thinking);
    expect(look === 'awaiting-host').toBe(live && a.order.includes(n) && n !== a.thinking);
  },
  "console N and its hint": (a) => {
    const { next } = consoleQueue(a.state);
    expect(next).toBe(a.state.phase === 'playing' ? a.next : null);
    if (next !== null) expect(en.console.keys.next(next)).toContain(`board ${a.next}`);
  },
  "phone banner and boards before, from the summary": (a, n) => {
    const board = a.state.boards.get(n)!;
    // The phone's own path: its board from its own events, the rest from the summary.
    const summary = summarize(a.state);
    const phone: SimulState = { ...a.state, boards: new Map([...a.state.boards].map(([k, b]) => [k, { ...b }])) };
    applySummary(phone, summary, n);
    const said = phoneStatus(phone.boards.get(n)!, hostWhere(phone, summary.queue));
    expect(said).toEqual(phoneStatus(board, hostWhere(a.state)));
    if (board.status === 'playing' && board.paused) expect(said.kind).toBe('paused');
    if (said.kind === 'host-at') {
      expect(said.at).toBe(a.state.focus);
      expect(said.before).toBe(boardsBefore(a.state, n));
      expect(said.before).toBe(a.order.indexOf(n));
    }
    if (said.kind === 'host-here') expect(n).toBe(a.state.focus);
  },
  'projector heading': (a, n) => {
    if (hostBoard(a.state) === n) expect(a.state.boards.get(n)!.status).toBe('playing');
    if (a.thinking !== null) expect(hostBoard(a.state)).toBe(a.thinking);
  },
  "timeline's open span": (a, n, f) => {
    const m = f.metrics.at(f.now + 700);
    if (!m || !m.running) return;
    const segments = m.timeline.find((t) => t.board === n)?.segments ?? [];
    const last = segments.at(-1);
    const board = a.state.boards.get(n)!;
    if (!last || last.to !== f.now + 700 || board.status !== 'playing') return;
    if (a.paused) return expect(last.state).toBe('paused');
    if (!awaitsHost(board)) return expect(last.state).toBe('opponent-think');
    // The open "host thinking" band: on the board the host serves first (the board it is at).
    expect(last.state).toBe(n === a.order[0] ? 'host-think' : 'awaiting-host');
  },
  "program view's task and ready queue": (a, n) => {
    const view = eventLoopView(a.state);
    if (a.state.phase === 'lobby') return;
    const current = a.paused ? null : a.thinking;
    expect(view.current).toBe(current);
    expect(view.ready).toEqual(a.paused ? [] : a.order.filter((b) => b !== a.thinking));
    const task = view.tasks.find((t) => t.board === n)!;
    expect(task.state === 'running').toBe(n === current);
  },
  'results table and tally (the review, the exports)': (a, n, f) => {
    const games = gamesOf(a.state, n);
    const read = f.states.read(f.now);
    const record = read?.boards.find((b) => b.board === n);
    if (record) {
      expect(games.map((g) => [g.game, g.hostColor, g.status, g.result, g.reason])).toEqual(
        record.games.map((g) => [g.game, g.hostColor, g.status, g.result, g.reason]),
      );
    }
    const t = tally(a.state);
    const all = a.state.order.flatMap((b) => gamesOf(a.state, b));
    expect(t.wins + t.draws + t.losses + t.unfinished + t.playing).toBe(all.length);
  },
};

function logs(): { name: string; events: SimulEvent[] }[] {
  const random = (['table-order', 'first-ready', 'most-urgent'] as const).flatMap((rotation) =>
    [21, 22].map((seed) => ({
      name: `random, ${rotation}, seed ${seed}`,
      events: ruleLog({ rotation, seed, boards: 5, hostColor: 'alternate', pause: { at: 12_000 + seed * 500, ms: 8_000 }, takeback: { board: 2, ply: 3 }, hostTakeback: { board: 4, ply: 2 }, rematch: { board: 3, swapColors: true } }),
    })),
  );
  return [...fixtureLogs(), ...random];
}

describe('the views agree with the domain', () => {
  it.each(logs().map((l) => [l.name, l.events] as const))('%s: at every event, for every board', (name, events) => {
    const state = initialState();
    const folds: Folds = { metrics: new MetricsFold(() => awaitingHostInOrder(state)), states: new StatesFold(() => awaitingHostInOrder(state)), now: 0 };
    events.forEach((e, i) => {
      evolve(state, e);
      folds.metrics.add(e);
      folds.states.add(e);
      folds.now = e.at;
      if (state.phase === 'lobby') return;
      const answer: Answer = {
        state,
        at: hostBoard(state),
        thinking: hostThinkingOn(state),
        order: awaitingHostInOrder(state),
        next: nextBoard(state),
        paused: state.pausedSince !== null,
      };
      for (const n of state.order) {
        for (const [view, check] of Object.entries(VIEWS)) {
          try {
            check(answer, n, folds);
          } catch (err) {
            throw new Error(`${name}: ${view}, board ${n}, after event ${i + 1} (${e.type}): ${(err as Error).message}`);
          }
        }
      }
    });
  }, 120_000);
});
