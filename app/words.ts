// The app's words for every refusal: the server and the domain refuse with a code and its
// params, the page says it here. One table per language, each a `RefusalWords`, so a code
// without a sentence does not compile.
import type { ClientProblem, Problem } from '@/lib/client/simul-connection';
import type { TextProblem } from '@/lib/simul/display-text';
import type { Exhibition, ExhibitionSpeed, RefusalParams, RejectionCode } from '@/lib/simul/types';

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
        : p.command === 'seat-bot'
          ? 'Bots can be seated only before the start.'
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
  'bot-invalid': () => "The bot's settings are out of range.",
  'bot-seat': (p) => `A bot plays board ${p.board}: it has no link to re-issue.`,
  'no-opponents': () => 'Wait for at least one opponent to join.',
  'no-draw-offer': () => 'There is no draw offer to answer.',
  'draw-already-offered': () => 'A draw offer is already open.',
  'rate-limited': () => 'Too many requests: slow down.',
  'too-many-simuls': (p) => `One network can create ${p.perHour} simuls an hour.`,
  'exhibition-running': (p) =>
    p.scope === 'network'
      ? 'An exhibition from this network is still running: wait for it to end.'
      : 'The server is running as many exhibitions as it can: try again in a few minutes.',
  'exhibition-too-long': (p) =>
    `At this speed the sync simul would take ${Math.ceil(p.minutes)} minutes: choose a faster speed (at most ${p.maxMinutes} minutes).`,
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

/** An exhibition's speed: "600×", or as fast as the server went. */
export function speedText(speed: ExhibitionSpeed): string {
  return speed === 'max' ? 'as fast as the server goes' : `${speed.toLocaleString('en-US')}×`;
}

/** What every screen of an exhibition's simul says: its times are not real time. */
export function simulatedTimeText(exhibition: Exhibition): string {
  const speed = exhibition.speed === 'max' ? 'run as fast as the server goes' : `run at ${speedText(exhibition.speed)}`;
  return `Times are simulated: bots played this exhibition on a simulated clock, ${speed}.`;
}

/** An exhibition whose games did not all last its move pairs: the figures count what was played. */
export function endedEarlyText(games: number, movePairs: number): string {
  return `${games} ${games === 1 ? 'game' : 'games'} ended before ${movePairs} move pairs (a bot could not avoid the end): the figures count the moves played.`;
}
