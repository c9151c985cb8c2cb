// Refusals: the domain and the server refuse with a code and the facts a sentence needs.
// No words here: the app turns a refusal into a sentence (app/words: each table's
// refusals, said by say.ts refusalText).
// It imports nothing from types.ts (which re-exports it): no circle.
import type { PositionProblem } from '../chess/positions';

type Side = 'host' | 'opponent';

/** What is wrong with a typed text (display-text.ts); `max` is the longest text, or the most accents on one letter. */
export type TextProblem =
  | { kind: 'lone-surrogate' }
  | { kind: 'length'; max: number }
  | { kind: 'invisible' }
  | { kind: 'bare-mark' }
  | { kind: 'mark-stack'; max: number };

/** Every refusal code and what it carries; `undefined` where it may carry nothing. */
export interface RefusalParams {
  'bad-payload': undefined;
  /** No simul at this link; or `asked`, a join or command sent before a simul was opened. */
  'unknown-simul': { asked: 'join' | 'command' } | undefined;
  'not-host': undefined;
  /**
   * A spectator tried to play; or nobody sits at `board`; or `listen`, a board's events were
   * asked for by someone without a seat.
   */
  'not-seated': { board: number } | { listen: 'board' } | undefined;
  'not-your-board': { board: number; yourBoard: number };
  'not-your-turn': undefined;
  'illegal-move': { from: string; to: string };
  'unknown-board': { board: number };
  'game-over': { board: number };
  'game-not-live': { board: number };
  'not-started': undefined;
  /** `command`: what came too late (a command's type). */
  'already-started': { command: string };
  'simul-finished': undefined;
  'joining-closed': undefined;
  'simul-full': undefined;
  'seat-taken': { board: number };
  /** Who asked to join: the host, a student seated at `board`, or a socket whose join is being saved. */
  'already-seated': { who: 'host' } | { who: 'opponent'; board: number } | { who: 'joining' };
  'name-invalid': TextProblem;
  /** `name`: the seated name the refused one looks like. */
  'name-taken': { name: string };
  'title-invalid': TextProblem;
  /** A bot's settings out of range (strength, think time, seed). */
  'bot-invalid': undefined;
  /** A bot sits at `board`: it has no device whose link could be re-issued. */
  'bot-seat': { board: number };
  'no-opponents': undefined;
  'no-draw-offer': undefined;
  'draw-already-offered': undefined;
  /** No draw can be claimed: the position has appeared `repetitions` times, after `quietMoves` moves without a capture or pawn move. */
  'no-draw-claim': { repetitions: number; quietMoves: number };
  /** The class is paused: only resuming (or ending the simul) goes on. */
  'simul-paused': undefined;
  'already-paused': undefined;
  'not-paused': undefined;
  /** Nothing to take back on `board`: `who` has not moved in this game. */
  'no-takeback': { board: number; who: Side };
  'no-takeback-request': undefined;
  /** A takeback is asked for by the student; the host takes back its own moves (take-back). */
  'students-only': undefined;
  'takeback-already-requested': undefined;
  /** A rematch of a game still going on at `board`. */
  'game-live': { board: number };
  /** A student asked for a rematch in a simul where only the host may start one. */
  'rematch-host-only': undefined;
  /** A start position that cannot be played (`board`: the table it was set for). */
  'position-invalid': { problem: PositionProblem; board?: number };
  /** The most-urgent rotation reads the host's clocks: it needs a simul with clocks. */
  'rotation-needs-clocks': undefined;
  /** A move or claim after the player's flag fell on `board`. */
  'out-of-time': { board: number };
  /** `retryAfterMs`: when the same request would be accepted. */
  'rate-limited': { retryAfterMs: number };
  /** `perHour`: how many simuls one network may create an hour. */
  'too-many-simuls': { perHour: number };
  /**
   * An exhibition is still running: this network's own, or as many as the server runs at once;
   * `retryAfterMs`: when one should have ended (it ends sooner if nobody watches it).
   */
  'exhibition-running': { scope: 'network' | 'server'; retryAfterMs?: number };
  /** The exhibition would play `plies` plies (both simuls); at most `maxPlies`. */
  'exhibition-too-big': { plies: number; maxPlies: number };
  /** At the chosen speed the exhibition would take `minutes` of real time; at most `maxMinutes`. */
  'exhibition-too-long': { minutes: number; maxMinutes: number };
  'bad-credentials': undefined;
  'blocked': undefined;
  'outdated-client': undefined;
  /** Say hello again: a move is being saved, or (`retryAfterMs`) the simul is moving to this server from another. */
  'try-again': { retryAfterMs: number } | undefined;
  /** This sender already used the command's id for another request: a new request needs a new id. */
  'command-id-reused': undefined;
  /** The host allowed no takebacks in this simul, or turned them off on `board`. */
  'takebacks-off': { board: number };
  /** One takeback per game, and the student has had it on `board`. */
  'takeback-used': { board: number };
  /** The host refused a takeback: ask again after `retryAfterMs`. */
  'takeback-wait': { retryAfterMs: number };
  /** `during`: a commit that failed, or a join that took no seat; otherwise a handler that threw. */
  'internal': { during: 'save' | 'join' } | undefined;
  /** A bot may take over `board` only while its student is away or gone. */
  'student-here': { board: number };
  /** A bot plays the student's side of `board` for now: the student takes the board back first. */
  'bot-plays': { board: number };
  /** No bot plays for the student at `board`: there is nothing to take back from one. */
  'no-stand-in': { board: number };
  /** The host's own word to the class cannot be sent as it is. */
  'message-invalid': TextProblem;
  /** The host sent `perMinute` words to the class in the last minute; `retryAfterMs`: when another may go. */
  'too-many-messages': { perMinute: number; retryAfterMs: number };
  /**
   * A rematch past a bound no class meets: `perMinute` on one board within a minute (again after
   * `retryAfterMs`), or `max` in the whole simul on one board (`board`) or on all (`simul`).
   */
  'rematch-limit': { scope: 'minute'; perMinute: number; retryAfterMs: number } | { scope: 'board' | 'simul'; max: number };
  /** The simul's log holds `maxEvents` events, its most: only ending it goes on. */
  'log-full': { maxEvents: number };
  /** The server's disk is full: nothing was saved (and nothing changed); it goes on once space is freed. */
  'storage-full': undefined;
}

export type RejectionCode = keyof RefusalParams;

/** A refusal on the wire: its code, and its params when the code carries any. */
export type Rejection = {
  [C in RejectionCode]: undefined extends RefusalParams[C]
    ? { code: C; params?: Exclude<RefusalParams[C], undefined> }
    : { code: C; params: RefusalParams[C] };
}[RejectionCode];

/** What follows a code in rejection(): its params, which may be left out when the code needs none. */
export type RefusalArgs<C extends RejectionCode> = undefined extends RefusalParams[C]
  ? [params?: RefusalParams[C]]
  : [params: RefusalParams[C]];

/** A refusal with `code`; without params when none are given, so the wire carries only what is there. */
export function rejection<C extends RejectionCode>(code: C, ...[params]: RefusalArgs<C>): Rejection {
  return (params === undefined ? { code } : { code, params }) as Rejection;
}

/** How long to wait before asking again, for a rate-limited refusal or a try-again that says. */
export function retryAfterMs(error: Rejection): number | undefined {
  if (error.code === 'rate-limited') return error.params.retryAfterMs;
  return error.code === 'try-again' ? error.params?.retryAfterMs : undefined;
}
