// The timeline's segments in the one colour language (board-look.ts): host thinking blue,
// awaiting the host amber, opponent thinking slate, queued striped grey, paused its own colour
// (their words: the words table's dashboard.segments).
import type { SegmentState } from '@/lib/metrics';

export const SEGMENTS: Record<SegmentState, { fill: string }> = {
  'host-think': { fill: 'var(--color-host)' },
  'awaiting-host': { fill: 'var(--color-ready)' },
  'opponent-think': { fill: 'var(--color-waiting)' },
  queued: { fill: 'url(#queued-stripes)' },
  paused: { fill: 'var(--color-paused)' },
};
