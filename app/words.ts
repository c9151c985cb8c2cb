// The app's words for every refusal: the server and the domain refuse with a code and its
// params, the page says it here. One table per language, each a `RefusalWords`, so a code
// without a sentence does not compile.
import type { ClientProblem, Problem } from '@/lib/client/simul-connection';
import type { TextProblem } from '@/lib/simul/display-text';
import { formatDuration } from '@/lib/metrics/format';
import type { ClockSettings, DrawRules, EndReason, RefusalParams, RejectionCode } from '@/lib/simul/types';

export type RefusalWords = { [C in RejectionCode]: (params: RefusalParams[C]) => string } & {
  [C in ClientProblem['code']]: () => string;
};

/** What is wrong with a name or a title; `subject` opens the sentence ("A name"). */
function textProblem(subject: string, p: TextProblem): string {
  switch (p.kind) {
    case 'lone-surrogate':
      return `${subject} cannot hold half a character (a lone surrogate).`;
    case 'length':
      return `${subject} is 1 to ${p.max} characters.`;
    case 'invisible':
      return `${subject} cannot hold control or invisible characters.`;
    case 'bare-mark':
      return `${subject} cannot have an accent without a letter under it.`;
    case 'mark-stack':
      return `${subject} cannot stack more than ${p.max} accents on one letter.`;
  }
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

const english: RefusalWords = {
  'bad-payload': () => 'The request was malformed.',
  'unknown-simul': (p) =>
    p?.asked === 'join' ? 'Open the simul before joining.' : p?.asked === 'command' ? 'Open the simul first.' : 'There is no simul at this link.',
  'not-host': () => 'Only the host can do that.',
  'not-seated': (p) =>
    !p ? 'Spectators only watch: join a seat to play.' : 'board' in p ? `Nobody sits at board ${p.board}.` : 'Only a seated student hears a board.',
  'not-your-board': (p) => `You play board ${p.yourBoard}, not board ${p.board}.`,
  'not-your-turn': () => 'Wait for your opponent to move.',
  'illegal-move': (p) => `${p.from}-${p.to} is not a legal move here.`,
  'unknown-board': (p) => `There is no board ${p.board}.`,
  'game-over': (p) => `The game on board ${p.board} is over.`,
  'game-not-live': (p) => `Board ${p.board} waits for its game to begin.`,
  'not-started': () => 'The simul has not started yet.',
  'already-started': (p) =>
    p.command === 'join'
      ? 'The simul has started: seats are closed.'
      : p.command === 'free-seat'
        ? 'Seats can be freed only before the start.'
        : 'The simul has already started.',
  'simul-finished': () => 'This simul has finished.',
  'joining-closed': () => 'The host has closed joining.',
  'simul-full': () => 'Every seat is taken.',
  'seat-taken': (p) => `Board ${p.board} is taken.`,
  'already-seated': (p) =>
    p.who === 'host' ? 'The host plays every board.' : p.who === 'opponent' ? `You already sit at board ${p.board}.` : 'Your seat is being saved.',
  'name-invalid': (p) => textProblem('A name', p),
  'name-taken': (p) => `Someone here is already called ${p.name}: pick a name that looks different.`,
  'title-invalid': (p) => textProblem('A title', p),
  'no-opponents': () => 'Wait for at least one opponent to join.',
  'no-draw-offer': () => 'There is no draw offer to answer.',
  'draw-already-offered': () => 'A draw offer is already open.',
  'no-draw-claim': (p) =>
    `No draw to claim: this position has appeared ${times(p.repetitions)} (a claim needs 3), after ${p.quietMoves} ` +
    `move${p.quietMoves === 1 ? '' : 's'} without a capture or pawn move (a claim needs 50).`,
  'out-of-time': (p) => `Your time on board ${p.board} has run out.`,
  'rate-limited': () => 'Too many requests: slow down.',
  'too-many-simuls': (p) => `One network can create ${p.perHour} simuls an hour.`,
  'bad-credentials': () => 'This link is no longer valid on this device.',
  'blocked': () => 'The host removed this device from the simul.',
  'outdated-client': () => 'This page is out of date: reload it.',
  'try-again': () => 'The simul is saving a move: say hello again.',
  'internal': (p) =>
    p?.during === 'save' ? 'The move could not be saved; try again.' : p?.during === 'join' ? 'The seat could not be taken.' : 'Something went wrong on the server.',
  'seat-moved': () => 'Your seat was moved to another device.',
  'seat-freed': () => 'The host freed your seat: you can join again.',
  'no-answer': () => 'No answer from the server: try again.',
};

/** A refusal, or a problem the page found itself, as a sentence. */
export function refusalText(problem: Problem): string {
  // Each code's sentence takes that code's params: the union of codes loses the pairing.
  const sentence = english[problem.code] as (params: unknown) => string;
  return sentence('params' in problem ? problem.params : undefined);
}

/** How a game ended, as the results table says it. */
export const END_REASON: Record<EndReason, string> = {
  checkmate: 'checkmate',
  stalemate: 'stalemate',
  'threefold-repetition': 'threefold repetition',
  'fifty-move-rule': 'fifty-move rule',
  'fivefold-repetition': 'fivefold repetition',
  'seventy-five-move-rule': 'seventy-five-move rule',
  'insufficient-material': 'insufficient material',
  resignation: 'resignation',
  'draw-agreed': 'draw agreed',
  timeout: 'time ran out',
  'timeout-vs-insufficient-material': 'time ran out, no mating material left',
};

/** The same, in a word or two, for the dashboard's board table. */
export const END_REASON_SHORT: Record<EndReason, string> = {
  checkmate: 'mate',
  stalemate: 'stalemate',
  'threefold-repetition': 'repetition',
  'fifty-move-rule': '50 moves',
  'fivefold-repetition': '5-fold',
  'seventy-five-move-rule': '75 moves',
  'insufficient-material': 'material',
  resignation: 'resigned',
  'draw-agreed': 'agreed',
  timeout: 'time',
  'timeout-vs-insufficient-material': 'time, no material',
};

/** The simul's setting for repetition and fifty-move draws: the choice, and the setting named. */
export const DRAW_RULES: Record<DrawRules, string> = {
  automatic: 'automatic (the game ends at once)',
  claimed: 'claimed by the player to move, as the laws of chess have it',
};
export const DRAW_RULES_LEGEND = 'Repetition and 50-move draws';

export function drawRulesText(rules: DrawRules): string {
  return `${DRAW_RULES_LEGEND}: ${DRAW_RULES[rules]}`;
}

/** The words around draw claims. */
export const CLAIM_WORDS = {
  claim: 'Claim a draw',
  /** The button when the next move can make a claim valid: it offers a draw, the move claims it. */
  claimWithMove: 'Claim a draw with your next move',
  /** After that offer, while the player is still to move. */
  claimPending: 'Your claim stands: make the move that repeats the position for the third time or completes 50 moves. Any other move leaves your draw offer open.',
} as const;

/** The words around clocks. */
export const CLOCK_WORDS = {
  host: 'Host',
  you: 'You',
  opponent: 'Opponent',
  /** Shown beside a clock under 30 s, so that urgency does not rest on colour alone. */
  low: 'low on time',
  /** The results table's column: each finished game's clocks as they stopped. */
  finalClocks: 'Clocks (host · opponent)',
} as const;

/** "5 min", "3 s", else as durations read. */
function amount(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return formatDuration(ms);
}

/** A simul's clocks as every screen names them. */
export function clockSettingsText(clock: ClockSettings | null): string {
  if (!clock) return 'No clocks';
  const increment = clock.incrementMs > 0 ? ` + ${amount(clock.incrementMs)} a move` : '';
  const extra = clock.hostExtraMs > 0 ? `; the host has ${amount(clock.hostExtraMs)} more on each board` : '';
  return `Clocks: ${amount(clock.initialMs)}${increment}${extra}`;
}
