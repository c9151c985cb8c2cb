// The lesson played out: an exhibition's two simuls, bots on simulated clocks, reproduce the
// closed form (docs/METRICS.md) exactly with fixed think times; with drawn think times they
// match a schedule computed here, event by event, from the same draws, and stay within a few
// percent of the closed form at the mean.
import { describe, expect, it, vi } from 'vitest';
import { lessonFigures, simulMetrics, type SimulMetrics } from '../lib/metrics';
import { thinkMsFor } from '../lib/bots/think-time';
import type { StartExhibitionInput } from '../lib/protocol/schemas';
import type { SimulState } from '../lib/simul/types';
import { realClock } from './room/simul-time';
import { SimulHub } from './room/simul-hub';
import type { SimulRoom } from './room/simul-room';
import { MemoryEventStore } from './store/memory-store';

const T0 = Date.UTC(2026, 10, 25, 9);

async function exhibition(spec: Omit<StartExhibitionInput, 'speed' | 'seed'>): Promise<{ sync: SimulRoom; async: SimulRoom }> {
  const hub = new SimulHub(new MemoryEventStore(), realClock(() => T0));
  const started = await hub.createExhibition({ ...spec, speed: 'max', seed: 20261125 }, 'class');
  if (!started.ok) throw new Error(`refused: ${started.error.code}`);
  const sync = hub.get(started.sync)!;
  const async = hub.get(started.async)!;
  await vi.waitFor(() => expect([sync.state.phase, async.state.phase]).toEqual(['finished', 'finished']), { timeout: 60_000, interval: 20 });
  return { sync, async };
}

function metricsOf(room: SimulRoom): SimulMetrics {
  return simulMetrics(room.log)!;
}

/** Seconds, as the closed form gives them. */
function seconds(m: SimulMetrics) {
  return { total: m.elapsed / 1000, busy: m.busy / 1000, idle: m.idle / 1000 };
}

/** Every game lasted the move pairs and ended by the exhibition's agreement. */
function expectFullGames(state: SimulState, m: number): void {
  for (const n of state.order) {
    const board = state.boards.get(n)!;
    expect({ board: n, moves: board.moveCount, reason: board.endReason }).toEqual({ board: n, moves: 2 * m, reason: 'draw-agreed' });
  }
}

/**
 * The schedule worked out here, event by event, from each bot's think before each move (the
 * host white on every board, so plies 0, 2, 4... are the host's). Sync: one game after another,
 * nothing overlaps. Async: one host, free at t, serves the next board in table order after the
 * one it served last that awaits it; with none awaiting, it waits for the first reply.
 */
function scheduleOf(room: SimulRoom, m: number) {
  const state = room.state;
  const boards = state.order;
  const think = (i: number, ply: number) => {
    const board = state.boards.get(boards[i])!;
    const bot = ply % 2 === 0 ? state.hostBot! : board.opponent!.bot!;
    return thinkMsFor(bot, room.botSeed(ply % 2 === 0 ? 'host' : boards[i]), boards[i], ply);
  };
  let hostThinks = 0;
  let all = 0;
  boards.forEach((_, i) => {
    for (let ply = 0; ply < 2 * m; ply++) {
      all += think(i, ply);
      if (ply % 2 === 0) hostThinks += think(i, ply);
    }
  });

  const ready = boards.map(() => 0);
  const plies = boards.map(() => 0);
  const ends = boards.map(() => 0);
  let t = 0;
  let last = -1;
  const open = () => boards.map((_, i) => i).filter((i) => plies[i] < 2 * m);
  while (open().length > 0) {
    let pick = -1;
    for (let k = 1; k <= boards.length && pick < 0; k++) {
      const i = (last + k) % boards.length;
      if (plies[i] < 2 * m && ready[i] <= t) pick = i;
    }
    if (pick < 0) {
      t = Math.min(...open().map((i) => ready[i]));
      continue;
    }
    t += think(pick, plies[pick]++);
    ready[pick] = t + think(pick, plies[pick]++);
    if (plies[pick] === 2 * m) ends[pick] = ready[pick];
    last = pick;
  }
  const asyncTotal = Math.max(...ends);
  return {
    sync: { total: all / 1000, busy: hostThinks / 1000, idle: (all - hostThinks) / 1000 },
    async: { total: asyncTotal / 1000, busy: hostThinks / 1000, idle: (asyncTotal - hostThinks) / 1000 },
  };
}

describe('the exhibition reproduces the closed form with fixed think times', () => {
  const cases: [n: number, h: number, o: number, m: number][] = [
    [24, 5, 55, 30], // the lesson: the host is the limit (n × h = 120 s > h + o = 60 s)
    [12, 5, 55, 10], // n × h = h + o: replies arrive just as the host comes round
    [3, 5, 55, 8], // n × h = 15 s < h + o = 60 s: the host waits every round
    [7, 2.5, 12, 5], // uneven numbers: n × h = 17.5 s > h + o = 14.5 s
  ];
  it.each(cases)('n=%d, h=%d s, o=%d s, m=%d', async (n, h, o, m) => {
    const { sync, async } = await exhibition({ n, h, o, m });
    const f = lessonFigures({ n, h, o, m });
    expectFullGames(sync.state, m);
    expectFullGames(async.state, m);
    expect(seconds(metricsOf(sync))).toEqual({ total: f.S, busy: f.busy, idle: f.idleSync });
    expect(seconds(metricsOf(async))).toEqual({ total: f.A, busy: f.busy, idle: f.idleAsync });
  }, 120_000);

  it('the lesson: 43,200 s sync against 3,655 s async, the host busy 3,600 s in both', async () => {
    const { sync, async } = await exhibition({ n: 24, h: 5, o: 55, m: 30 });
    expect(metricsOf(sync).elapsed).toBe(43_200_000);
    expect(metricsOf(async).elapsed).toBe(3_655_000);
    expect(metricsOf(async).busy).toBe(3_600_000);
    expect(metricsOf(async).comparison.speedUp).toBeCloseTo(43_200 / 3_655, 6);
    // Both simuls played the same games: only the schedule differs.
    const games = (room: SimulRoom) => room.log.filter((e) => e.type === 'move-made').map((e) => e.type === 'move-made' && `${e.board}${e.san}`).sort();
    expect(games(sync)).toEqual(games(async));
  }, 120_000);
});

describe('with drawn think times', () => {
  const cases: [n: number, h: number, o: number, m: number, spread: number][] = [
    [24, 5, 55, 30, 0.2],
    [5, 4, 30, 12, 0.5], // the host waits: n × h = 20 s < h + o = 34 s
    [9, 3, 20, 10, 0.3],
  ];
  it.each(cases)('n=%d, h=%d s, o=%d s, m=%d, spread %d: as the schedule worked out event by event', async (n, h, o, m, spread) => {
    const { sync, async } = await exhibition({ n, h, o, m, spread });
    expectFullGames(sync.state, m);
    expectFullGames(async.state, m);
    const expected = scheduleOf(async, m);
    expect(seconds(metricsOf(sync))).toEqual(expected.sync);
    expect(seconds(metricsOf(async))).toEqual(expected.async);
    expect(scheduleOf(sync, m)).toEqual(expected);
  }, 120_000);

  it('the lesson with a 20% spread stays within a few percent of the closed form at the mean', async () => {
    const { sync, async } = await exhibition({ n: 24, h: 5, o: 55, m: 30, spread: 0.2 });
    const f = lessonFigures({ n: 24, h: 5, o: 55, m: 30 });
    const near = (actual: number, expected: number) => expect(Math.abs(actual / expected - 1)).toBeLessThan(0.03);
    near(metricsOf(sync).elapsed / 1000, f.S);
    near(metricsOf(async).elapsed / 1000, f.A);
    near(metricsOf(async).busy / 1000, f.busy);
  }, 120_000);
});

describe('an exhibition across a restart', () => {
  it('goes on from its last event on a server started a day later, and still gives the closed form', async () => {
    const store = new MemoryEventStore();
    const hub = new SimulHub(store, realClock(() => T0));
    const started = await hub.createExhibition({ n: 6, h: 5, o: 55, m: 10, speed: 'max', seed: 7 }, 'class');
    if (!started.ok) throw new Error(started.error.code);
    const sync = hub.get(started.sync)!;
    await vi.waitFor(() => expect(sync.state.boards.get(2)!.moveCount).toBeGreaterThan(0), { interval: 5, timeout: 60_000 });
    // The server stops: its clocks stop moving, what was decided is saved.
    hub.stopExhibitions();
    await vi.waitFor(() => expect(sync.settled).toBe(true), { timeout: 60_000 });
    const before = structuredClone((await store.load(started.sync))!.events);
    expect(sync.state.phase).toBe('playing');

    const again = new SimulHub(store, realClock(() => T0 + 86_400_000));
    await again.loadUnfinished();
    const resumed = again.get(started.sync)!;
    expect(resumed.clock.now()).toBe(before[before.length - 1].at);
    const async = again.get(started.async)!;
    await vi.waitFor(() => expect([resumed.state.phase, async.state.phase]).toEqual(['finished', 'finished']), { timeout: 30_000 });
    // Nothing lost or played twice: the log goes on from where it stopped, every game whole.
    expect(resumed.log.slice(0, before.length)).toEqual(before);
    expectFullGames(resumed.state, 10);
    const f = lessonFigures({ n: 6, h: 5, o: 55, m: 10 });
    expect(seconds(metricsOf(resumed))).toEqual({ total: f.S, busy: f.busy, idle: f.idleSync });
    expect(seconds(metricsOf(async))).toEqual({ total: f.A, busy: f.busy, idle: f.idleAsync });
  }, 300_000);
});
