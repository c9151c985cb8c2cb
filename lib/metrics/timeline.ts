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
import type { Interval, StateSpan } from './states';

export type SegmentState = 'host-think' | 'awaiting-host' | 'opponent-think' | 'queued' | 'paused';

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
 * Splits the spans, taken in the order their waits end (states.spans' order), so each
 * host-to-move span gets the host-think part the earlier-ending ones left. A stack holds
 * the union of the spans taken so far as disjoint intervals in time order; every one of
 * them ends no later than the span being taken, so only its top entries can overlap it
 * and each interval is merged away at most once: linear time over a whole log.
 */
export class HostThinkClaims {
  /** The bottom of the stack, read-only: shared with the claims this one was forked from. */
  private readonly below: readonly Interval[];
  private depth: number;
  private readonly above: Interval[] = [];

  constructor(below: readonly Interval[] = []) {
    this.below = below;
    this.depth = below.length;
  }

  /**
   * A copy to take the open spans in, leaving this one as it is for the spans still to
   * close. It shares this one's stack, never changing it: O(1) (unless this is a fork).
   */
  fork(): HostThinkClaims {
    return new HostThinkClaims(this.depth === 0 ? this.above : [...this.below.slice(0, this.depth), ...this.above]);
  }

  /** The span's segments: a wait is host-think where no earlier-ending wait claimed it. */
  segments(span: StateSpan): Segment[] {
    const { board } = span;
    if (span.state !== 'host-to-move') {
      const state = span.state === 'queued' || span.state === 'paused' ? span.state : 'opponent-think';
      return [{ board, state, from: span.from, to: span.to }];
    }
    const segments: Segment[] = [];
    let cursor = span.from;
    for (const own of this.take(span)) {
      if (own.from > cursor) segments.push({ board, state: 'awaiting-host', from: cursor, to: own.from });
      segments.push({ board, state: 'host-think', from: own.from, to: own.to });
      cursor = own.to;
    }
    if (cursor < span.to) segments.push({ board, state: 'awaiting-host', from: cursor, to: span.to });
    return segments;
  }

  /** The host-think part of a host-to-move span. */
  private take(span: Interval): Interval[] {
    const overlapping: Interval[] = [];
    for (let top = this.top(); top && top.to > span.from; top = this.top()) overlapping.push(this.pop());
    overlapping.reverse();
    const own: Interval[] = [];
    let cursor = span.from;
    for (const c of overlapping) {
      if (c.from > cursor) own.push({ from: cursor, to: c.from });
      cursor = Math.max(cursor, c.to);
    }
    if (cursor < span.to) own.push({ from: cursor, to: span.to });
    this.above.push({
      from: Math.min(span.from, overlapping[0]?.from ?? span.from),
      to: Math.max(span.to, cursor), // equal unless the log's clock went backwards
    });
    return own;
  }

  private top(): Interval | undefined {
    return this.above.length > 0 ? this.above[this.above.length - 1] : this.below[this.depth - 1];
  }

  private pop(): Interval {
    return this.above.pop() ?? this.below[--this.depth];
  }
}
