// Each board's timeline, with the host's waits split into the part the host spent on this
// board and the part it spent on others.
//
// The rule: whenever at least one board awaits the host, exactly one of them is
// 'host-think' — the one whose wait ends soonest (by the host's move there, or by the game
// ending). Ties go by the order the ends were logged; the waits still open at `now` come
// after every closed one, in cyclic table order after the board the host last moved on
// (the rotation's next board). The other boards awaiting the host are 'awaiting-host'.
//
// When the host moves on a board before turning to another — the usual case — this picks
// the board of the host's next move, so the host-think of the timeline is the host's real
// work; and in every case the host-think segments never overlap and add up to busy time.
import type { Interval, SimulStates, StateSpan } from './states';

export type SegmentState = 'host-think' | 'awaiting-host' | 'opponent-think' | 'queued';

export interface Segment {
  board: number;
  state: SegmentState;
  from: number;
  to: number;
}

export interface BoardTimeline {
  board: number;
  /** In time order, contiguous from the simul's start to the game's end (or `end`). */
  segments: Segment[];
}

/**
 * The host-think part of each host-to-move span. Spans are taken in the order their
 * waits end (states.spans' order), so each one gets what the earlier-ending ones left.
 * `claimed` holds the union of the spans taken so far as disjoint intervals in time
 * order; every one of them ends no later than the span being taken, so only its top
 * entries can overlap it and each interval is merged away at most once: linear time.
 */
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

export function boardTimelines(states: SimulStates): BoardTimeline[] {
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
