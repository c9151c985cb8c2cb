// The app's words. Every refusal: the server and the domain refuse with a code and its
// params, the page says it here (one table per language, each a `RefusalWords`, so a code
// without a sentence does not compile). Then results as each reader says them, the simul's
// end, late joiners, the turn announcements and the typed move.
import type { ClientProblem, Problem } from '@/lib/client/simul-connection';
import type { TextProblem } from '@/lib/simul/display-text';
import type { NamedPositionId, PositionProblem } from '@/lib/chess/positions';
import { formatDuration } from '@/lib/metrics/format';
import type { AbortReason, BoardStatus, ClockSettings, Color, DrawRules, EndReason, Exhibition, ExhibitionSpeed, RefusalParams, RejectionCode, Result, Rotation } from '@/lib/simul/types';

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

/** What is wrong with a start position (lib/chess/positions.ts), as a sentence. */
export function positionProblemText(p: PositionProblem): string {
  switch (p.kind) {
    case 'format':
      return `That is not a FEN: ${FEN_FIELD[p.field]}.`;
    case 'kings':
      return 'A position needs exactly one king of each colour.';
    case 'pawns-on-edge':
      return 'Pawns cannot stand on the first or the last rank.';
    case 'too-many-pieces':
      return 'A side has more than 16 pieces or more than 8 pawns.';
    case 'in-check':
      return 'The side that is not to move is in check: no game can reach this position.';
    case 'over':
      return `The game is already over in this position (${END_REASON[p.reason]}).`;
  }
}

const FEN_FIELD: Record<Extract<PositionProblem, { kind: 'format' }>['field'], string> = {
  fields: 'it has six fields separated by spaces (pieces, side to move, castling, en passant, two counters)',
  counters: 'its last two fields are the half-move counter (0 or more) and the move number (1 or more)',
  'en-passant': 'its fourth field is an en passant square on the third or sixth rank, or -',
  castling: 'its third field is the castling rights (some of KQkq) or -',
  'side-to-move': 'its second field is w or b',
  placement: 'its first field is eight ranks separated by /, each with 8 squares of pieces (KQRBNPkqrbnp) and digits',
};

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
  'no-draw-claim': (p) =>
    `No draw to claim: this position has appeared ${times(p.repetitions)} (a claim needs 3), after ${p.quietMoves} ` +
    `move${p.quietMoves === 1 ? '' : 's'} without a capture or pawn move (a claim needs 50).`,
  'out-of-time': (p) => `Your time on board ${p.board} has run out.`,
  'simul-paused': () => 'The class is paused: wait for the host to resume.',
  'already-paused': () => 'The class is already paused.',
  'not-paused': () => 'The class is not paused.',
  'no-takeback': (p) =>
    p.who === 'host' ? `The host has made no move to take back on board ${p.board}.` : `There is no move of yours to take back on board ${p.board}.`,
  'no-takeback-request': () => 'There is no takeback request to answer.',
  'students-only': () => 'Only the student at the board asks for a takeback; the host takes back its own move.',
  'takeback-already-requested': () => 'A takeback request is already open.',
  'game-live': (p) => `The game on board ${p.board} is still going on: a rematch follows a finished game.`,
  'rematch-host-only': () => 'Only the host can start a rematch in this simul.',
  'position-invalid': (p) => (p.board === undefined ? '' : `Board ${p.board}: `) + positionProblemText(p.problem),
  'rotation-needs-clocks': () => 'Going to the most urgent board reads the host’s clocks: set clocks, or choose another rotation.',
  'rate-limited': () => 'Too many requests: slow down.',
  'too-many-simuls': (p) => `One network can create ${p.perHour} simuls an hour.`,
  'exhibition-running': (p) => {
    const wait = p.retryAfterMs === undefined ? 'a few minutes' : `about ${Math.max(1, Math.ceil(p.retryAfterMs / 60_000))} min`;
    return p.scope === 'network'
      ? `An exhibition from this network is still running: stop it on its page, or wait ${wait} for it to end.`
      : `Every exhibition the server runs at once is in use: one frees within ${wait} (sooner if nobody watches it). Try again then.`;
  },
  'exhibition-too-big': (p) =>
    `Both simuls together would play ${p.plies.toLocaleString('en')} moves: choose fewer boards or move pairs (at most ${p.maxPlies.toLocaleString('en')}).`,
  'exhibition-too-long': (p) =>
    `At this speed the sync simul would take ${Math.ceil(p.minutes)} minutes: choose a faster speed (at most ${p.maxMinutes} minutes).`,
  'bad-credentials': () => 'This link is no longer valid on this device.',
  'blocked': () => 'The host removed this device from the simul.',
  'outdated-client': () => 'This page is out of date: reload it.',
  'try-again': () => 'The simul is saving a move: say hello again.',
  'command-id-reused': () => 'That request reused the id of an earlier, different one, so it was not applied. Try again.',
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

/** What the server writes itself, outside any page (plain text). */
export const serverWords = {
  tooManyJoinCodes: 'Too many wrong join codes from this network: wait a minute, then try again.',
  malformedPath: 'Bad request: this address cannot be read.',
  notFound: 'Not found.',
};
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

/** The app's name and what it is, for the page head and the home-screen manifest. */
export const APP = {
  name: 'Async Simul',
  shortName: 'Simul',
  description: 'A chess simul for the classroom that teaches asyncio: one host, many boards.',
};

// --- Results: a game's outcome in the words of whoever reads it. -----------------------------

/**
 * Who reads a result: the host (its console), a student on their phone (`board`: theirs, which
 * speaks to them; the others from the host's side, since a phone may not know every name), or
 * the projector and the review, which anyone reads, in the usual notation.
 */
export type Reader = { role: 'host' } | { role: 'student'; board: number } | { role: 'projector' };

/** What a result needs of a board: any view of it (the state's board, a metrics row). */
export interface ResultOf {
  number: number;
  hostColor: Color;
  status: BoardStatus;
  result: Result | null;
  endReason: EndReason | AbortReason | null;
  /** The student's name, when known. */
  name?: string | null;
}

/** The one word for a game that did not finish, everywhere (PGN's Termination says it too). */
export const UNFINISHED = 'Unfinished';

/** Why a game stayed unfinished. */
export const UNFINISHED_WHY: Record<AbortReason, string> = {
  'host-aborted': 'the host aborted the game',
  'simul-ended': 'the simul was ended early',
};

/** The usual notation, with a real half for the draw. */
const NOTATION: Record<Result, string> = { '1-0': '1-0', '0-1': '0-1', '1/2-1/2': '½-½' };

/** A result as its reader says it: `word` ("You won", "1-0", "Unfinished") and `how` it came. */
export function resultWords(board: ResultOf, reader: Reader): { word: string; how: string } | null {
  if (board.status === 'aborted') {
    return { word: UNFINISHED, how: UNFINISHED_WHY[board.endReason === 'simul-ended' ? 'simul-ended' : 'host-aborted'] };
  }
  if (board.status !== 'finished' || !board.result) return null;
  const hostScore = board.result === '1/2-1/2' ? 0.5 : (board.result === '1-0') === (board.hostColor === 'w') ? 1 : 0;
  const student = board.name || 'the student';
  // Who is "you", and how the others are named, for this reader.
  const mine = reader.role === 'student' && reader.board === board.number;
  const hostName = reader.role === 'host' ? 'you' : 'the host';
  const studentName = mine ? 'you' : student;
  let word: string;
  if (reader.role === 'projector') word = NOTATION[board.result];
  else if (hostScore === 0.5) word = 'Draw';
  else if (reader.role === 'host') word = hostScore === 1 ? 'You won' : 'You lost';
  else if (mine) word = hostScore === 1 ? 'You lost' : 'You won';
  else word = hostScore === 1 ? 'Host won' : 'Host lost';
  const resigned = hostScore === 1 ? studentName : hostName;
  const reason = board.endReason as EndReason | null;
  const how = reason === 'resignation' ? `${resigned} resigned` : reason ? END_REASON[reason] : '';
  return { word, how };
}

/** "You won: checkmate.", "Unfinished: the host aborted the game." */
export function resultSentence(board: ResultOf, reader: Reader): string | null {
  const words = resultWords(board, reader);
  if (!words) return null;
  return words.how ? `${words.word}: ${words.how}.` : `${words.word}.`;
}

// --- The simul's end, and late joiners. ---------------------------------------------------------

export const SIMUL_END = {
  over: (endedEarly: boolean) => (endedEarly ? 'The simul was ended early' : 'The simul is over: every game has ended'),
  review: 'Review the games and the time statistics',
  /** The review's header: how the simul ended. */
  reviewEnd: (endedEarly: boolean) => (endedEarly ? 'ended early by the host' : 'played to the end'),
};

export const LATE_JOIN = {
  /** The host's console while playing: joining stays as the host set it. */
  hostOpen: (code: string) => `Joining is open: a student who arrives now joins with code ${code} and gets a new board.`,
  hostClosed: 'Joining is closed: nobody else can sit down.',
  close: 'Close joining',
  open: 'Open joining',
  /** A student arriving after the start, joining still open. */
  studentAsync: 'The simul has started. Sit down and your game begins at once.',
  studentSync: 'The simul has started. Sit down and your game is queued after the others.',
  /** The lobby: what the start does to joining. */
  lobbyNote: 'Empty boards are dropped when you start; joining stays open for late arrivals until you close it.',
};

// --- For the keyboard and the screen reader. -----------------------------------------------------

const SPOKEN_PIECES: Record<string, string> = { K: 'king', Q: 'queen', R: 'rook', B: 'bishop', N: 'knight' };

/** A move in SAN as a screen reader should say it: "Nxf3+" is "knight takes f3, check". */
export function spokenMove(san: string): string {
  if (san.startsWith('O-O-O')) return `castles queenside${san.endsWith('#') ? ', checkmate' : san.endsWith('+') ? ', check' : ''}`;
  if (san.startsWith('O-O')) return `castles kingside${san.endsWith('#') ? ', checkmate' : san.endsWith('+') ? ', check' : ''}`;
  const m = /^([KQRBN])?([a-h]?[1-8]?)(x)?([a-h][1-8])(?:=([QRBN]))?([+#])?$/.exec(san);
  if (!m) return san;
  const [, piece, from, takes, to, promotion, mark] = m;
  const who = piece ? `${SPOKEN_PIECES[piece]}${from ? ` ${from}` : ''}` : from ? `pawn ${from}` : 'pawn';
  return [
    `${who} ${takes ? 'takes' : 'to'} ${to}`,
    promotion ? `, promotes to ${SPOKEN_PIECES[promotion]}` : '',
    mark === '+' ? ', check' : mark === '#' ? ', checkmate' : '',
  ].join('');
}

export const ANNOUNCE = {
  /** Said on a student's phone when the host has moved on their board. */
  hostPlayed: (san: string) => `The host played ${spokenMove(san)}.`,
};

/** Names a screen reader gives to parts of a page. */
export const REGIONS = {
  results: 'Results by board',
};

export const TYPED_MOVE = {
  label: 'Type a move',
  placeholder: 'Nf3, e4, O-O or g1f3',
  play: 'Play',
  refused: (typed: string) => `"${typed}" is not a legal move here: type it like Nf3, exd5, O-O or g1f3.`,
  notYourMove: 'It is not your move on this board.',
};

/** The four pieces a pawn may become, by their letter. */
export const PIECE_NAMES: Record<'q' | 'r' | 'b' | 'n', string> = { q: 'Queen', r: 'Rook', b: 'Bishop', n: 'Knight' };

export const promotionWords = {
  title: 'Promote the pawn to',
  cancel: 'Cancel',
};

export const createWords = {
  hostColor: 'You play',
  white: 'White',
  black: 'Black',
  alternate: 'Alternating',
  /** What "Alternating" does, said where the host chooses it. */
  alternateHint: 'White on odd boards (1, 3, 5…), Black on even boards (2, 4, 6…).',
  clocks: 'Clocks',
  playWithClocks: 'Play with clocks',
  minutesPerGame: 'Minutes per game',
  secondsPerMove: 'Seconds added a move',
  hostExtraMinutes: 'Host’s extra minutes',
};

export const consoleWords = {
  abortGame: 'Abort game',
  /** The keyboard's help line under the focused board. */
  keys: {
    next: (board: number | null) => `next board awaiting you${board !== null ? ` (board ${board})` : ''}`,
    left: 'Left arrow',
    right: 'Right arrow',
    step: 'step through boards',
    type: 'type a move below the board',
  },
};

/** The projector: read by a class from the back of the room. */
export const projectorWords = {
  opening: 'Opening…',
  goTo: 'Go to',
  typeCode: 'and type the code',
  orScan: 'or scan with your phone’s camera',
  seated: (n: number) => `${n} seated`,
  free: (n: number) => `${n} ${n === 1 ? 'seat' : 'seats'} free`,
  noneSeated: 'Names appear here as students sit down.',
  waitingForHost: 'Waiting for the host to start',
  joiningClosed: 'Joining is closed.',
  seatedStudents: 'Seated students',
  howToJoin: 'How to join',
  hostAt: (board: number) => `Host at board ${board}`,
  versus: (name: string) => `vs ${name}`,
  hostIdle: 'The host is idle: every opponent is thinking',
  allOver: 'All games are over',
  followedBoard: 'The board the host is on',
  review: 'Review',
  /** The headline's shorter names for the two schedules' totals. */
  asPlayed: (mode: 'async' | 'sync') => `${mode === 'async' ? 'Async' : 'Sync'} as played`,
  projected: (mode: 'async' | 'sync') => `${mode === 'async' ? 'Async' : 'Sync'} projected`,
  speedUp: 'Speed-up',
  /** A grid shown a page at a time: "Boards 41–80 of 100". */
  page: (first: number, last: number, total: number) => `Boards ${first}–${last} of ${total}`,
};

/** The dashboard's figures, the same words on the console, the projector and the review. */
export const dashboardWords = {
  busy: 'Busy',
  busyHint: 'At least one board awaited the host',
  idle: 'Idle',
  idleHint: 'No board awaited the host',
  utilization: 'Utilization',
  asPlayed: (mode: 'async' | 'sync', soFar: boolean) =>
    `${mode === 'async' ? 'Async (rotating)' : 'Sync (one game at a time)'}, as played${soFar ? ' so far' : ''}`,
  projected: (mode: 'async' | 'sync') => `${mode === 'async' ? 'Async (rotating)' : 'Sync (one game at a time)'}, projected`,
  speedUp: 'Speed-up of async over sync',
  running: 'Running',
  readyQueue: 'Ready queue',
  waitingSet: 'Waiting set',
  notScheduled: 'Not yet scheduled',
  done: 'Done',
  boards: (n: number) => `${n} ${n === 1 ? 'board' : 'boards'}`,
};
/** Think times the host can give the bots it seats, in seconds. */
export const BOT_THINK_SECONDS = [2, 5, 10, 30, 60] as const;

/** The words about bots: the host's lobby, and the marker every view shows beside a bot. */
export const botWords = {
  marker: 'Bot',
  /** The name a bot gets at a seat. */
  name: (board: number) => `Bot ${board}`,
  /** After a name where only text fits (a list's option). */
  inText: (name: string) => `${name} (bot)`,
  hostIsBot: 'A bot plays the host\u2019s side.',
  settings: 'Bots you add',
  strength: 'Plays',
  strengths: { sensible: 'sensible moves', random: 'random moves' },
  think: 'Thinks',
  thinkSeconds: (s: number) => `${s} s a move`,
  spread: 'Think time',
  spreads: { varied: 'varies around that', steady: 'always exactly that' },
  add: 'Add a bot',
  addAt: (board: number) => `Add a bot at seat ${board}`,
  fill: 'Fill empty seats with bots',
  remove: 'Remove bot',
  removeAt: (board: number) => `Remove the bot at seat ${board}`,
} as const;
/** A piece as react-chessboard names it ("wN"), in words: "white knight". */
export function pieceName(pieceType: string): string {
  return `${pieceType[0] === 'w' ? 'white' : 'black'} ${SPOKEN_PIECES[pieceType[1]] ?? 'pawn'}`;
}

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

/** The lesson's "Watch it happen" and the exhibition's race page. */
export const exhibitionWords = {
  watchTitle: 'Watch it happen',
  speed: 'Speed',
  fastest: 'As fast as it goes',
  varied: (percent: number) => `Vary think times (spread: ${percent}% of the mean)`,
  start: 'Watch it happen',
  starting: 'Starting…',
  tooManyBoards: (max: number) => `An exhibition plays at most ${max} boards.`,
  tooManyPairs: (max: number) => `An exhibition plays at most ${max} move pairs a game.`,
  thinkTooLong: (max: number) => `An exhibition's think times are at most ${max} s a move.`,
  hostTooQuick: (min: number) => `The host needs at least ${min} s a move.`,
  opening: 'Opening…',
  backToLesson: 'The lesson',
  raceTitle: 'Sync against async, played by bots',
  stop: 'Stop the exhibition',
  bothOver: 'Both are over:',
  openingComparison: 'opening the comparison',
  notExhibition: 'This simul is no exhibition:',
  watchIt: 'watch it',
  side: (mode: 'sync' | 'async') => (mode === 'sync' ? 'Sync: one game at a time' : 'Async: rotating between boards'),
  movesPlayed: (mode: 'sync' | 'async') => `Moves played, ${mode}`,
  progress: (moves: number, total: number) => `${moves.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} moves`,
  simulated: (over: boolean) => (over ? 'simulated, over' : 'simulated so far'),
} as const;

/** Pausing the class: the host's buttons, what every screen says, the timeline's band. */
export const PAUSE_WORDS = {
  pause: 'Pause the class',
  resume: 'Resume',
  banner: 'The class is paused: every clock has stopped.',
  bannerHost: 'The class is paused: every clock and the rotation have stopped. Resume when the class is ready.',
  band: 'Paused (charged to no one)',
  bandAsyncio: 'the event loop suspended',
  total: (paused: string) => `Paused ${paused} in all (charged to no one).`,
};

/** How the host rotates (docs/METRICS.md "How the host rotates"): the create form, every screen's settings line. */
export const ROTATION_WORDS = {
  legend: 'How the host goes from board to board (async)',
  name: { 'table-order': 'Around the tables', 'first-ready': 'First ready', 'most-urgent': 'Most urgent' } satisfies Record<Rotation, string>,
  hint: {
    'table-order': 'the next board in table order that awaits the host',
    'first-ready': 'the board that has waited longest: asyncio’s first-in, first-out ready queue',
    'most-urgent': 'the board where the host’s clock is lowest (needs clocks)',
  } satisfies Record<Rotation, string>,
  /** The settings line: which rule the auto-advance follows. */
  line: (r: Rotation) => `Host goes: ${ROTATION_WORDS.name[r].toLowerCase()} (${ROTATION_WORDS.hint[r]})`,
  needsClocks: 'Most urgent reads the host’s clocks: turn clocks on to choose it.',
  equalBoards: 'With every board alike the three rules visit the boards in the same order, so these figures hold for each.',
};

/** Where the games start: the create form, the settings line, the review. */
export const POSITION_WORDS = {
  legend: 'Where the games start',
  initial: 'The initial position',
  custom: 'A position of my own (FEN)',
  choose: 'Start position',
  fen: 'FEN',
  ok: 'A legal position: the games start here.',
  groups: { endgame: 'Endgame drills', opening: 'Openings' },
  names: {
    'queen-mate': 'Mate with king and queen',
    'rook-mate': 'Mate with king and rook',
    'king-and-pawn': 'King and pawn against king',
    lucena: 'Lucena position (rook endgame, win)',
    philidor: 'Philidor position (rook endgame, draw)',
    italian: 'Italian Game',
    'ruy-lopez': 'Ruy Lopez',
    sicilian: 'Sicilian Defence',
    french: 'French Defence',
    'queens-gambit': 'Queen’s Gambit',
  } satisfies Record<NamedPositionId, string>,
  perBoard: 'Boards with a position of their own',
  addBoard: 'Give a board its own position',
  board: 'Board',
  remove: 'Remove',
  /** The settings line. */
  line: (every: string | null, ownBoards: number[]) =>
    [every ? `Games start from ${every}` : null, ownBoards.length > 0 ? `board${ownBoards.length === 1 ? '' : 's'} ${ownBoards.join(', ')} from ${ownBoards.length === 1 ? 'its' : 'their'} own position` : null]
      .filter(Boolean)
      .join('; '),
  aPosition: 'a set position',
};

/** The per-board table's columns that only some simuls have. */
export const BOARD_COLUMNS = {
  games: 'Games',
};

/** Takebacks: the phone asks, the console answers, the review counts. */
export const TAKEBACK_WORDS = {
  ask: 'Ask to take back my move',
  asked: 'You asked to take back your move: the host will answer.',
  request: (board: number, name: string) => `Board ${board}: ${name} asks to take back a move.`,
  grant: 'Grant',
  refuse: 'Refuse',
  requests: 'Takeback requests',
  hostTakeBack: (board: number) => `Take back my last move on board ${board}`,
  count: (n: number) => (n === 1 ? '1 takeback' : `${n} takebacks`),
  column: 'Takebacks',
};

/** Rematches: the console's finished boards, the phone when the host allows it, the review. */
export const REMATCH_WORDS = {
  finished: 'Finished boards: play again',
  swap: 'Rematch, colours swapped',
  keep: 'Rematch, same colours',
  board: (board: number, name: string) => `Board ${board} · ${name}`,
  studentMay: 'Students may start a rematch of their finished game',
  askStudent: 'Play again (colours swapped)',
  game: (n: number) => `game ${n}`,
  gameOf: (board: number, game: number) => (game === 1 ? `Board ${board}` : `Board ${board}, game ${game}`),
};
