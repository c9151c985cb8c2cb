// The timeline's segments in the one colour language (board-look.ts): host thinking blue,
// awaiting the host amber, opponent thinking slate, queued striped grey.
import type { SegmentState } from '@/lib/metrics';
import { PAUSE_WORDS } from '@/app/words';

export const SEGMENTS: Record<SegmentState, { label: string; fill: string; words: string }> = {
  'host-think': { label: 'Host thinking', fill: 'var(--color-host)', words: 'running on the event loop' },
  'awaiting-host': { label: 'Awaiting the host', fill: 'var(--color-ready)', words: 'in the ready queue' },
  'opponent-think': { label: 'Opponent thinking', fill: 'var(--color-waiting)', words: 'awaiting I/O' },
  queued: { label: 'Queued (game not begun)', fill: 'url(#queued-stripes)', words: 'not yet scheduled' },
  paused: { label: PAUSE_WORDS.band, fill: 'var(--color-paused)', words: PAUSE_WORDS.bandAsyncio },
};
