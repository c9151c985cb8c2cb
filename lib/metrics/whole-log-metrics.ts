// The whole-log implementation the fold replaced, as it was at 63420bd but for its exports,
// late joiners' boards and unfinished games' reasons (and the fields of the features after it,
// start positions, rematches, takebacks and pauses, as a log without them has them):
// metrics-fold.test.ts checks the fold against it after every event, and
// bench/metrics-open.ts times it. Only those import this.
import { replay } from '../simul/evolve';
import { hostColorOf } from '../simul/queries';
import { awaitingHostInOrder } from '../simul/rotation';
import type { HostColorChoice, Mode, SimulEvent } from '../simul/types';
import type { BoardRow } from './boards';
import type { HostUsage } from './host';
import type { SimulMetrics } from './metrics-fold';
import { projection, type BoardThinks } from './projection';
import type { ReadyPoint } from './ready-queue';
import type { BoardRecord, Interval, LiveState, MoveRecord, SimulStates, StateSpan } from './states';
import type { MoveThink } from './thinks';
import type { BoardTimeline, Segment } from './timeline';

interface BusyClock {
  total: number;
  until(t: number): number;
}

interface Draft extends BoardRecord {
  current: { state: LiveState; since: number } | null;
}

function readStates(events: readonly SimulEvent[], now?: number, hostOrder?: readonly number[]): SimulStates | null {
  let mode: Mode = 'async';
  let hostColor: HostColorChoice = 'white';
  let endedEarly = false;
  let start: number | null = null;
  let lastAt = -Infinity;
  let ready = 0;
  const names = new Map<number, string>();
  const byNumber = new Map<number, Draft>();
  const boards: Draft[] = [];
  const moves: MoveRecord[] = [];
  const spans: StateSpan[] = [];
  const readyQueue: ReadyPoint[] = [];

  // Several events can share one instant: keep only the instant's final length, and
  // only when it differs from the length before.
  const recordReady = (at: number) => {
    if (readyQueue.at(-1)?.at === at) readyQueue.pop();
    if (readyQueue.at(-1)?.length !== ready) readyQueue.push({ at, length: ready });
  };

  const close = (b: Draft, at: number, open: boolean) => {
    const cur = b.current;
    if (!cur) return;
    if (at > cur.since) {
      const span: StateSpan = { board: b.board, state: cur.state, from: cur.since, to: at, open };
      b.spans.push(span);
      spans.push(span);
    }
    if (cur.state === 'host-to-move') ready--;
    b.current = null;
  };

  const enter = (b: Draft, state: LiveState | null, at: number) => {
    close(b, at, false);
    if (state) b.current = { state, since: at };
    if (state === 'host-to-move') ready++;
    recordReady(at);
  };

  const addBoard = (n: number, at: number) => {
    const draft: Draft = {
      board: n,
      hostColor: hostColorOf(hostColor, n),
      opponent: names.get(n) ?? null,
      status: 'queued',
      result: null,
      reason: null,
      resignedBy: null,
      startedAt: null,
      endedAt: null,
      moves: 0,
      takebacks: 0,
      games: [],
      spans: [],
      current: null,
    };
    byNumber.set(n, draft);
    boards.push(draft);
    enter(draft, 'queued', at);
  };

  for (const e of events) {
    lastAt = Math.max(lastAt, e.at);
    const b = 'board' in e ? byNumber.get(e.board) : undefined;
    switch (e.type) {
      case 'simul-created':
        mode = e.mode;
        hostColor = e.hostColor;
        break;
      case 'seat-taken':
        names.set(e.board, e.name);
        if (start !== null) addBoard(e.board, e.at);
        break;
      case 'seat-freed':
        names.delete(e.board);
        break;
      case 'simul-started':
        start = e.at;
        recordReady(e.at);
        for (const n of e.boards) addBoard(n, e.at);
        break;
      case 'game-started':
        if (!b) break;
        b.status = 'playing';
        b.startedAt = e.at;
        enter(b, b.hostColor === 'w' ? 'host-to-move' : 'opponent-to-move', e.at);
        break;
      case 'move-made':
        if (!b?.current) break;
        moves.push({ board: b.board, by: e.by, at: e.at, san: e.san, since: b.current.since, paused: 0, game: 1, takenBack: false, ply: b.moves + 1 });
        b.moves++;
        enter(b, e.by === 'host' ? 'opponent-to-move' : 'host-to-move', e.at);
        break;
      case 'game-ended':
      case 'game-aborted':
        if (!b) break;
        b.status = e.type === 'game-ended' ? 'finished' : 'aborted';
        if (e.type === 'game-ended') {
          b.result = e.result;
          b.reason = e.reason;
          b.resignedBy = e.reason === 'resignation' ? (e.by ?? null) : null;
        } else {
          b.reason = e.reason ?? 'host-aborted';
        }
        b.endedAt = e.at;
        enter(b, null, e.at);
        break;
      case 'simul-finished':
        endedEarly = e.early;
        break;
    }
  }
  if (start === null) return null;

  const running = boards.some((b) => b.current !== null);
  const end = running
    ? Math.max(now ?? lastAt, lastAt)
    : Math.max(start, ...boards.map((b) => b.endedAt ?? start!));

  // The waits still open have no known end: the host's, in the order the domain says it serves
  // them (rotation.ts), then the rest in table order.
  const served = hostOrder ?? awaitingHostInOrder(replay(events));
  const waiting = (b: Draft) => b.current?.state === 'host-to-move';
  for (const n of served) {
    const b = byNumber.get(n);
    if (b && waiting(b)) close(b, end, true);
  }
  for (const b of boards) close(b, end, true);
  if (readyQueue.at(-1)!.at < end) readyQueue.push({ at: end, length: readyQueue.at(-1)!.length });

  return {
    mode,
    start,
    end,
    running,
    endedEarly,
    boards: boards.map(({ current: _current, spans: boardSpans, ...record }) => ({
      ...record,
      games: [
        {
          game: 1,
          hostColor: record.hostColor,
          fen: null,
          status: record.status,
          result: record.result,
          reason: record.reason,
          resignedBy: record.resignedBy,
          startedAt: record.startedAt,
          endedAt: record.endedAt,
          takebacks: 0,
        },
      ],
      spans: boardSpans,
    })),
    moves,
    spans,
    readyQueue,
    pauses: [],
    paused: 0,
  };
}

function busyClock(readyQueue: readonly ReadyPoint[]): BusyClock {
  const times = readyQueue.map((p) => p.at);
  const before: number[] = [0];
  for (let i = 1; i < readyQueue.length; i++) {
    const p = readyQueue[i - 1];
    before.push(before[i - 1] + (p.length > 0 ? times[i] - p.at : 0));
  }
  const last = times.length - 1;
  return {
    total: before[last] ?? 0,
    until(t) {
      if (last < 0 || t <= times[0]) return 0;
      if (t >= times[last]) return before[last];
      // The last point at or before t, by binary search: moves are read in time order,
      // but the queued spans of a sync simul are not.
      let lo = 0;
      let hi = last;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (times[mid] <= t) lo = mid;
        else hi = mid;
      }
      return before[lo] + (readyQueue[lo].length > 0 ? t - times[lo] : 0);
    },
  };
}

function hostUsage(states: SimulStates, clock: BusyClock): HostUsage {
  const elapsed = states.end - states.start;
  let lastHostMove = states.start;
  for (const m of states.moves) if (m.by === 'host') lastHostMove = m.at;
  return {
    start: states.start,
    end: states.end,
    elapsed,
    busy: clock.total,
    idle: elapsed - clock.total,
    utilization: elapsed > 0 ? clock.total / elapsed : 0,
    busyAfterLastMove: clock.total - clock.until(lastHostMove),
    paused: 0,
  };
}

function moveThinks(states: SimulStates, clock: BusyClock): MoveThink[] {
  let previousHostMove = states.start;
  return states.moves.map(({ board, by, at, san, since }) => {
    if (by === 'opponent') return { board, by, at, san, think: at - since };
    const think = clock.until(at) - clock.until(previousHostMove);
    previousHostMove = at;
    return { board, by, at, san, think };
  });
}

function hostThinkParts(spans: readonly StateSpan[]): Map<StateSpan, Interval[]> {
  const parts = new Map<StateSpan, Interval[]>();
  const claimed: Interval[] = [];
  for (const span of spans) {
    if (span.state !== 'host-to-move') continue;
    const overlapping: Interval[] = [];
    while (claimed.length > 0 && claimed[claimed.length - 1].to > span.from) {
      overlapping.push(claimed.pop()!);
    }
    overlapping.reverse();
    const own: Interval[] = [];
    let cursor = span.from;
    for (const c of overlapping) {
      if (c.from > cursor) own.push({ from: cursor, to: c.from });
      cursor = Math.max(cursor, c.to);
    }
    if (cursor < span.to) own.push({ from: cursor, to: span.to });
    parts.set(span, own);
    claimed.push({
      from: Math.min(span.from, overlapping[0]?.from ?? span.from),
      to: Math.max(span.to, cursor), // equal unless the log's clock went backwards
    });
  }
  return parts;
}

function boardTimelines(states: SimulStates): BoardTimeline[] {
  const parts = hostThinkParts(states.spans);
  return states.boards.map(({ board, spans }) => {
    const segments: Segment[] = [];
    for (const span of spans) {
      if (span.state !== 'host-to-move') {
        const state = span.state === 'queued' ? 'queued' : 'opponent-think';
        segments.push({ board, state, from: span.from, to: span.to });
        continue;
      }
      let cursor = span.from;
      for (const own of parts.get(span)!) {
        if (own.from > cursor) segments.push({ board, state: 'awaiting-host', from: cursor, to: own.from });
        segments.push({ board, state: 'host-think', from: own.from, to: own.to });
        cursor = own.to;
      }
      if (cursor < span.to) segments.push({ board, state: 'awaiting-host', from: cursor, to: span.to });
    }
    return { board, segments };
  });
}

function boardRows(
  states: SimulStates,
  timelines: readonly BoardTimeline[],
  thinks: readonly MoveThink[],
  clock: BusyClock,
): BoardRow[] {
  const totals = new Map(states.boards.map((b) => [b.board, { host: 0, opponent: 0 }]));
  for (const m of thinks) totals.get(m.board)![m.by] += m.think;

  return states.boards.map(({ spans: _spans, ...record }, i) => {
    let wait = 0;
    let queueWait = 0;
    let longestWait = 0;
    let run = 0;
    for (const s of timelines[i].segments) {
      if (s.state === 'opponent-think') {
        run = 0;
        continue;
      }
      const length = s.to - s.from;
      wait += length;
      if (s.state === 'awaiting-host') queueWait += length;
      // Queued (sync): the host is busy on the current board whenever it is busy at all.
      if (s.state === 'queued') queueWait += clock.until(s.to) - clock.until(s.from);
      run += length;
      longestWait = Math.max(longestWait, run);
    }
    const total = totals.get(record.board)!;
    return {
      ...record,
      duration: record.startedAt === null ? null : (record.endedAt ?? states.end) - record.startedAt,
      hostThink: total.host,
      opponentThink: total.opponent,
      wait,
      queueWait,
      longestWait,
    };
  });
}

function boardThinks(states: SimulStates, thinks: readonly MoveThink[]): BoardThinks[] {
  const byBoard = new Map(states.boards.map((b) => [b.board, [] as number[]]));
  for (const m of thinks) byBoard.get(m.board)!.push(m.think);
  return states.boards.map((b) => ({
    board: b.board,
    first: b.hostColor === 'w' ? 'host' : 'opponent',
    thinks: byBoard.get(b.board)!,
  }));
}

/** `hostOrder`: the domain's awaitingHostInOrder after `events`, when the caller has it (else replayed). */
export function wholeLogMetrics(events: readonly SimulEvent[], now?: number, hostOrder?: readonly number[]): SimulMetrics | null {
  const states = readStates(events, now, hostOrder);
  if (!states) return null;
  const clock = busyClock(states.readyQueue);
  const usage = hostUsage(states, clock);
  const moves = moveThinks(states, clock);
  const timeline = boardTimelines(states);
  const projected = projection(boardThinks(states, moves));
  const other: Mode = states.mode === 'async' ? 'sync' : 'async';
  const sync = states.mode === 'sync' ? usage.elapsed : projected.sync;
  const async = states.mode === 'async' ? usage.elapsed : projected.async;
  return {
    ...usage,
    mode: states.mode,
    running: states.running,
    endedEarly: states.endedEarly,
    moves,
    boards: boardRows(states, timeline, moves, clock),
    timeline,
    readyQueue: states.readyQueue,
    comparison: {
      actual: { mode: states.mode, total: usage.elapsed },
      projected: { mode: other, total: projected[other] },
      sync,
      async,
      speedUp: async > 0 ? sync / async : null,
    },
    projection: projected,
  };
}
