// What opening the dashboard costs in figures: a 100-board simul of 60 plies per board
// (about 6,000 events), built through the server's own rooms, read by the whole-log
// implementation the fold replaced and by the fold. Main-thread work in one process.
// Usage: npx tsx bench/metrics-open.ts [boards=100] [plies=60]
import { MetricsFold } from '../lib/metrics';
import { wholeLogMetrics } from '../lib/metrics/whole-log-metrics';
import type { SimulEvent } from '../lib/simul/types';
import { SimulHub } from '../server/room/simul-hub';
import { realClock } from '../server/room/simul-time';
import { playSimul } from '../server/testing/played-simul';
import { MemoryEventStore } from '../server/store/memory-store';

const [boards = 100, plies = 60] = process.argv.slice(2).map(Number);
const RUNS = 5;

/** The simul after `plies` plies on every board: still running, and then every game resigned. */
async function buildLogs(): Promise<{ running: SimulEvent[]; finished: SimulEvent[] }> {
  // Think times of 0.2 to 3 s between events, from a fixed seed.
  let seed = 1;
  let clock = Date.UTC(2026, 10, 25, 9);
  const now = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return (clock += 200 + (seed % 2800));
  };
  const hub = new SimulHub(new MemoryEventStore(), realClock(now));
  const { simulId } = await playSimul(hub, { boards, plies, title: 'Metrics', hostColor: 'alternate' });
  const room = hub.get(simulId)!;
  const running = [...room.log];
  for (const n of room.state.order) {
    if (room.state.boards.get(n)!.status === 'playing') await room.dispatch({ role: 'opponent', board: n }, { type: 'resign', board: n });
  }
  return { running, finished: [...room.log] };
}

/** Median, min and max of RUNS timings (ms) of `work`; `prepare` runs untimed before each. */
function time<T>(prepare: () => T, work: (input: T) => unknown): string {
  const ms: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const input = prepare();
    const t0 = performance.now();
    work(input);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const f = (x: number) => (x < 1 ? x.toFixed(3) : x.toFixed(1));
  return `${f(ms[RUNS >> 1]).padStart(7)} ms  (${f(ms[0])}–${f(ms[RUNS - 1])})`;
}

function fold(events: readonly SimulEvent[]): MetricsFold {
  const metrics = new MetricsFold();
  for (const e of events) metrics.add(e);
  return metrics;
}

async function main(): Promise<void> {
  const logs = await buildLogs();
  for (const [name, events] of Object.entries(logs)) {
    const now = events.at(-1)!.at + 5_000;
    const moves = events.filter((e) => e.type === 'move-made').length;
    console.log(`\n${name}: ${boards} boards, ${events.length} events, ${moves} moves; median of ${RUNS} (min–max)`);
    console.log(`(a) whole-log metrics, as before the fold   ${time(() => null, () => wholeLogMetrics(events, now))}`);
    console.log(`(b) fold the whole log, then at(now)         ${time(() => null, () => fold(events).at(now))}`);
    const read = fold(events);
    read.at(now);
    let second = 0;
    console.log(`(c) at(now) on a folded log, a second later  ${time(() => read, (m) => m.at(now + ++second * 1000))}`);
    const before = () => fold(events.slice(0, -1));
    console.log(`(d) add(one more event)                      ${time(before, (m) => m.add(events.at(-1)!))}`);
    console.log(`(e) add(one more event), then at(now)        ${time(before, (m) => (m.add(events.at(-1)!), m.at(now)))}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
