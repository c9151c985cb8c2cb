// Every refusal code the protocol knows, as a runtime list for tests that check a reply's code.
import type { RejectionCode } from '../../lib/simul/types';

const CODES = [
  'bad-payload',
  'unknown-simul',
  'not-host',
  'not-seated',
  'not-your-board',
  'not-your-turn',
  'illegal-move',
  'unknown-board',
  'game-over',
  'game-not-live',
  'not-started',
  'already-started',
  'simul-finished',
  'joining-closed',
  'simul-full',
  'seat-taken',
  'already-seated',
  'name-invalid',
  'name-taken',
  'title-invalid',
  'bot-invalid',
  'bot-seat',
  'no-opponents',
  'no-draw-offer',
  'draw-already-offered',
  'no-draw-claim',
  'out-of-time',
  'simul-paused',
  'already-paused',
  'not-paused',
  'no-takeback',
  'no-takeback-request',
  'students-only',
  'takeback-already-requested',
  'game-live',
  'rematch-host-only',
  'position-invalid',
  'rotation-needs-clocks',
  'rate-limited',
  'too-many-simuls',
  'exhibition-running',
  'exhibition-too-long',
  'bad-credentials',
  'blocked',
  'outdated-client',
  'try-again',
  'internal',
] as const satisfies readonly RejectionCode[];

// Fails to compile when RejectionCode gains a code this list lacks.
const complete: [Exclude<RejectionCode, (typeof CODES)[number]>] extends [never] ? true : false = true;
void complete;

export const REJECTION_CODES: ReadonlySet<string> = new Set(CODES);
