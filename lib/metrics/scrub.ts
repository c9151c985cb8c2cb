// The recorded simul at any moment: the simul's state (every board's position and state, where
// the host was) and the dashboard's figures up to then, from the log with the same folds the
// live screens run (evolve for the state, MetricsFold for the figures). Pure and browser-safe.
//
// Playing forward folds only the new events. Going back folds again from the nearest saved
// state (one every `CHECKPOINT_EVERY` events: a chess game is costly to replay, ~0.1 ms a move)
// and the figures from the start (cheap, no chess).
import { initialState, evolve } from '../simul/evolve';
import { fromSnapshot, toSnapshot, type SimulSnapshot } from '../simul/snapshot';
import type { SimulEvent, SimulState } from '../simul/types';
import { awaitingHostInOrder } from '../simul/rotation';
import { MetricsFold, type SimulMetrics } from './metrics-fold';

/** The simul as it stood at one moment of its log. */
export interface ScrubMoment {
  /** How many of the log's events had happened: the first `count`. */
  count: number;
  /** The moment (ms, server time): the figures are measured to it. */
  at: number;
  /** The simul's state then, as evolve folded it. Owned by the scrubber: read it before the next seek. */
  state: SimulState;
  /** The dashboard's figures then; null before the simul started. */
  metrics: SimulMetrics | null;
}

/** How often a folded state is kept to go back to. */
export const CHECKPOINT_EVERY = 200;

export class SimulScrubber {
  private readonly log: readonly SimulEvent[];
  /** The latest time up to each event: a log's times never go back, but a seek must not trust that. */
  private readonly latest: number[];
  private readonly checkpoints = new Map<number, SimulSnapshot>();
  private state: SimulState = initialState();
  /** The figures, asking the scrubbed state where the host is (both folded to the same event). */
  private metrics = new MetricsFold(() => awaitingHostInOrder(this.state));
  private folded = 0;

  constructor(log: readonly SimulEvent[]) {
    this.log = log;
    let t = -Infinity;
    this.latest = log.map((e) => (t = Math.max(t, e.at)));
  }

  /** The simul's start (its `simul-started`), or null when it never started. */
  get start(): number | null {
    return this.log.find((e) => e.type === 'simul-started')?.at ?? null;
  }

  /** The log's last moment. */
  get end(): number {
    return this.latest.at(-1) ?? 0;
  }

  /** The number of events at or before `t`. */
  countAt(t: number): number {
    let lo = 0;
    let hi = this.latest.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.latest[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first moment after `t` at which something happened, or null past the last event. */
  nextMoment(t: number): number | null {
    return this.latest[this.countAt(t)] ?? null;
  }

  /** The last moment before `t` (ms) at which something happened, or null before the first event. */
  previousMoment(t: number): number | null {
    const k = this.countAt(t - 1);
    return k > 0 ? this.latest[k - 1] : null;
  }

  /** The simul at `t`: every event up to it, figures measured to it. */
  at(t: number): ScrubMoment {
    return this.moment(this.countAt(t), t);
  }

  /** The simul just after its `count`-th event (0: before any), measured to that event's time. */
  atEvent(count: number): ScrubMoment {
    const k = Math.max(0, Math.min(this.log.length, count));
    return this.moment(k, k > 0 ? this.latest[k - 1] : (this.log[0]?.at ?? 0));
  }

  private moment(count: number, at: number): ScrubMoment {
    this.foldTo(count);
    return { count, at, state: this.state, metrics: this.metrics.at(at) };
  }

  private foldTo(count: number): void {
    if (count < this.folded) {
      const back = Math.floor(count / CHECKPOINT_EVERY) * CHECKPOINT_EVERY;
      const saved = this.checkpoints.get(back);
      // A snapshot's nested records would be shared with the state folded from it: copy them.
      this.state = saved ? fromSnapshot(structuredClone(saved)) : initialState();
      this.metrics = new MetricsFold(() => awaitingHostInOrder(this.state));
      for (let i = 0; i < count; i++) this.metrics.add(this.log[i]);
      for (let i = saved ? back : 0; i < count; i++) evolve(this.state, this.log[i]);
      this.folded = count;
      return;
    }
    for (; this.folded < count; ) {
      const e = this.log[this.folded++];
      evolve(this.state, e);
      this.metrics.add(e);
      if (this.folded % CHECKPOINT_EVERY === 0 && !this.checkpoints.has(this.folded)) {
        this.checkpoints.set(this.folded, toSnapshot(this.state));
      }
    }
  }
}

/** The simul at `t`, from its whole log. */
export function scrubAt(log: readonly SimulEvent[], t: number): ScrubMoment {
  return new SimulScrubber(log).at(t);
}
