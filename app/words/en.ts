// The app's words in English: the table every other language follows (es.ts has the same
// entries with the same parameters, words.test.ts checks it). Grouped by who reads them: words
// every screen shares first, then the phone, the console, the projector, the dashboard, the
// review, the lesson, and what the server writes itself. What a sentence is built from (which
// result a reader is told, how a move is spoken) is worked out once in say.ts; here are only
// the words and their order.
import type { ClientProblem } from '@/lib/client/simul-connection';
import type { TextProblem } from '@/lib/simul/display-text';
import type { AbortReason, BoardStatus, DrawRules, EndReason, MessagePreset, RefusalParams, RejectionCode, Rotation } from '@/lib/simul/types';
import type { DrillGoal, NamedPositionId, PositionProblem } from '@/lib/chess/positions';
import type { SegmentState } from '@/lib/metrics';
import type { BoardLook } from '@/lib/simul/board-look';
import { dateTimeIn } from './date-time';

export type RefusalWords = { [C in RejectionCode]: (params: RefusalParams[C]) => string } & {
  [C in ClientProblem['code']]: () => string;
};
type Mode = 'async' | 'sync';

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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A number as this language writes it: "1,200". */
const number = (n: number) => n.toLocaleString('en-US');
/** A moment's date and time: "Nov 25, 2026, 9:00 AM". */
const dateTime = dateTimeIn('en-US');

// --- Every screen ------------------------------------------------------------------------------

/** The app's name and what it is, for the page head, the tab and the home-screen manifest. */
const app = {
  name: 'Async Simul',
  shortName: 'Simul',
  description: 'A chess simul for the classroom that teaches asyncio: one host, many boards.',
  /** A page's tab: "Review · Async Simul". */
  tab: (page: string) => `${page} · Async Simul`,
  /** The pages' own names, in the tab. */
  pages: {
    create: 'Create a simul',
    review: 'Review',
    watch: 'Watch',
    host: 'Host console',
    exhibition: 'Exhibition: sync against async',
  },
  language: 'Language',
};

/** The home page: a teacher's way in and a student's. */
const home = {
  intro:
    'One teacher plays chess against the whole class at once, walking from board to board while each student thinks. ' +
    'A live dashboard shows how little the teacher waits, which is how asyncio runs many tasks on one thread.',
  create: 'Create a simul',
  lesson: 'The lesson: sync vs async in numbers',
  missing: 'No open simul has that code. Check it with your teacher.',
  /** A student's path first. */
  join: 'Join a simul',
  joinHint: 'Type the six-digit code your teacher shows.',
  codeLabel: 'Join code',
  joinButton: 'Join',
  teacher: 'Teacher?',
};

const refusals: RefusalWords = {
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
  'takebacks-off': (p) => `Takebacks are off on board ${p.board}.`,
  'takeback-used': (p) => `You have had this game's one takeback on board ${p.board}.`,
  'takeback-wait': (p) => `The host refused your takeback: you may ask again in ${Math.ceil(p.retryAfterMs / 1000)} s.`,
  'game-live': (p) => `The game on board ${p.board} is still going on: a rematch follows a finished game.`,
  'rematch-host-only': () => 'Only the host can start a rematch in this simul.',
  'position-invalid': (p) => (p.board === undefined ? '' : `Board ${p.board}: `) + startPosition.problem(p.problem),
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
    `Both simuls together would play ${number(p.plies)} moves: choose fewer boards or move pairs (at most ${number(p.maxPlies)}).`,
  'exhibition-too-long': (p) =>
    `At this speed the sync simul would take ${Math.ceil(p.minutes)} minutes: choose a faster speed (at most ${p.maxMinutes} minutes).`,
  'bad-credentials': () => 'This link is no longer valid on this device.',
  'blocked': () => 'The host removed this device from the simul.',
  'outdated-client': () => 'This page is out of date: reload it.',
  'try-again': (p) => (p ? 'The simul is moving to another server: a moment.' : 'The simul is saving a move: say hello again.'),
  'command-id-reused': () => 'That request reused the id of an earlier, different one, so it was not applied. Try again.',
  'internal': (p) =>
    p?.during === 'save' ? 'The move could not be saved; try again.' : p?.during === 'join' ? 'The seat could not be taken.' : 'Something went wrong on the server.',
  'rematch-limit': (p) =>
    p.scope === 'minute'
      ? `${p.perMinute} rematches a minute on one board is the most: try again in ${Math.max(1, Math.ceil(p.retryAfterMs / 1000))} s.`
      : p.scope === 'board'
        ? `This board has had ${number(p.max)} rematches, the most in one simul.`
        : `This simul has had ${number(p.max)} rematches, the most in one simul: start a new simul to play on.`,
  'log-full': (p) => `This simul has recorded ${number(p.maxEvents)} events, the most one simul keeps: end it and start a new one.`,
  'storage-full': () => 'The server’s disk is full, so nothing was saved. Try again once the server has room (tell whoever runs it).',
  'seat-moved': () => 'Your seat was moved to another device.',
  'seat-freed': () => 'The host freed your seat: you can join again.',
  'no-answer': () => 'No answer from the server: try again.',
  'student-here': (p) => `The student at board ${p.board} is here: a bot takes over only a board whose student is away.`,
  'bot-plays': (p) => `A bot plays board ${p.board} for now: take the board back first.`,
  'no-stand-in': (p) => `No bot plays board ${p.board}: there is nothing to take back.`,
  'message-invalid': (p) => textProblem('A message', p),
  'too-many-messages': (p) =>
    `At most ${p.perMinute} messages a minute: the next can go in ${Math.max(1, Math.ceil(p.retryAfterMs / 1000))} s.`,
};

/** Words a game's result is said with (say.ts picks them for each reader). */
const results = {
  /** How a game ended, as the results table says it. */
  endReason: {
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
  } satisfies Record<EndReason, string> as Record<EndReason, string>,
  /** The same, in a word or two, for the dashboard's board table and the console's grid. */
  endReasonShort: {
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
  } satisfies Record<EndReason, string> as Record<EndReason, string>,
  /** The one word for a game that did not finish, everywhere (PGN's Termination says it too). */
  unfinished: 'Unfinished',
  /** Why a game stayed unfinished. */
  unfinishedWhy: {
    'host-aborted': 'the host aborted the game',
    'simul-ended': 'the simul was ended early',
  } satisfies Record<AbortReason, string> as Record<AbortReason, string>,
  draw: 'Draw',
  youWon: 'You won',
  youLost: 'You lost',
  hostWon: 'Host won',
  hostLost: 'Host lost',
  /** Who resigned, as the sentence names them. */
  you: 'you',
  theHost: 'the host',
  theStudent: 'the student',
  resigned: (who: string) => `${who} resigned`,
  /** "You won: checkmate." */
  sentence: (word: string, how: string) => (how ? `${word}: ${how}.` : `${word}.`),
};

/** The results table: the phone's, the console's, the projector's and the review's. */
const resultsTable = {
  region: 'Results',
  /** The scrolling box round the table, for a screen reader. */
  byBoard: 'Results by board',
  tally: { host: 'Host:', won: 'won', drawn: 'drawn', lost: 'lost', unfinished: 'unfinished', playing: 'playing' },
  board: 'Board',
  opponent: 'Opponent',
  hostPlays: 'Host plays',
  result: 'Result',
  how: 'How',
  moves: 'Moves',
  /** Each finished game's clocks as they stopped. */
  finalClocks: 'Clocks (host · opponent)',
};

/** A board's state in a word, on every view's frame and chip (app/components/board-look.ts). */
const boardLooks: Record<BoardLook, string> = {
  'seat-open': 'Free seat',
  seated: 'Seated',
  'host-thinking': 'Host thinking',
  'awaiting-host': 'Awaiting host',
  'opponent-thinking': 'Opponent thinking',
  queued: 'Queued',
  paused: 'Paused',
  win: 'Host won',
  draw: 'Draw',
  loss: 'Host lost',
  unfinished: 'Unfinished',
};

/** The simul's settings, said wherever they are shown. */
const settings = {
  /** The simul's setting for repetition and fifty-move draws: the choice, and the setting named. */
  drawRules: {
    automatic: 'automatic (the game ends at once)',
    claimed: 'claimed by the player to move, as the laws of chess have it',
  } satisfies Record<DrawRules, string> as Record<DrawRules, string>,
  drawRulesLegend: 'Repetition and 50-move draws',
  drawRulesText: (rules: string) => `Repetition and 50-move draws: ${rules}`,
  noClocks: 'No clocks',
  /** "5 min", or a duration as figures read. */
  minutes: (n: number) => `${n} min`,
  clocks: (initial: string, increment: string | null, hostExtra: string | null) =>
    `Clocks: ${initial}${increment ? ` + ${increment} a move` : ''}${hostExtra ? `; the host has ${hostExtra} more on each board` : ''}`,
  mode: (mode: Mode): string => (mode === 'async' ? 'Async: rotate between all boards' : 'Sync: one game at a time'),
};

/** The words around clocks. */
const clocks = {
  host: 'Host',
  you: 'You',
  opponent: 'Opponent',
  /** Shown beside a clock under 30 s, so that urgency does not rest on colour alone. */
  low: 'low on time',
};

/** The words around draw claims. */
const claims = {
  claim: 'Claim a draw',
  /** The button when the next move can make a claim valid: it offers a draw, the move claims it. */
  claimWithMove: 'Claim a draw with your next move',
  /** After that offer, while the player is still to move. */
  claimPending: 'Your claim stands: make the move that repeats the position for the third time or completes 50 moves. Any other move leaves your draw offer open.',
};

/** A game's own buttons and offers, on the phone and the console alike. */
const game = {
  offerDraw: 'Offer a draw',
  drawOffered: 'Draw offered',
  accept: 'Accept',
  decline: 'Decline',
  resign: 'Resign',
  white: 'White',
  black: 'Black',
  board: (n: number) => `Board ${n}`,
  vs: 'vs',
  versus: (name: string) => `vs ${name}`,
  /** A mini board, for a screen reader. */
  position: 'board position',
};

/** Moves as a screen reader says them (say.ts puts them together). */
const moves = {
  pieces: { K: 'king', Q: 'queen', R: 'rook', B: 'bishop', N: 'knight', P: 'pawn' } as Record<'K' | 'Q' | 'R' | 'B' | 'N' | 'P', string>,
  castlesKingside: 'castles kingside',
  castlesQueenside: 'castles queenside',
  check: ', check',
  checkmate: ', checkmate',
  /** "knight takes f3", "pawn to e4". */
  move: (piece: string, takes: boolean, to: string) => `${piece} ${takes ? 'takes' : 'to'} ${to}`,
  promotes: (piece: string) => `, promotes to ${piece}`,
  /** "white knight": a piece on a board, for a screen reader. */
  piece: (white: boolean, piece: string) => `${white ? 'white' : 'black'} ${piece}`,
  /** A square of the big board, with what stands on it: "e2, white pawn", "e4". */
  square: (square: string, piece: string | null) => (piece ? `${square}, ${piece}` : square),
  /** The big board, for a screen reader: how to play on it with keys. */
  board: 'Chessboard: the arrow keys move between squares; Enter or Space picks a piece, then its square',
  /** The four pieces a pawn may become, as the promotion choice names them. */
  promotionNames: { q: 'Queen', r: 'Rook', b: 'Bishop', n: 'Knight' } as Record<'q' | 'r' | 'b' | 'n', string>,
  promotionTitle: 'Promote the pawn to',
  cancel: 'Cancel',
};

/** The connection, as a badge on every live page. */
const connection = {
  online: 'online',
  connecting: 'connecting…',
  reconnecting: 'reconnecting…',
  sending: 'sending…',
};

/** The words about bots: the host's lobby, and the marker every view shows beside a bot. */
const bots = {
  marker: 'Bot',
  /** The name a bot gets at a seat (and a bot seated with none, an exhibition's, is shown by). */
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
};

/** The simul's end, on every screen. */
const simulEnd = {
  over: (endedEarly: boolean): string => (endedEarly ? 'The simul was ended early' : 'The simul is over: every game has ended'),
  review: 'Review the games and the time statistics',
  /** The review's header: how the simul ended. */
  reviewEnd: (endedEarly: boolean): string => (endedEarly ? 'ended early by the host' : 'played to the end'),
};

/** An exhibition's simulated time, on every screen of its simuls. */
const simulatedTime = {
  /** An exhibition's speed: "600×", or as fast as the server went. */
  speed: (speed: number | 'max') => (speed === 'max' ? 'as fast as the server goes' : `${number(speed)}×`),
  simulated: (speed: number | 'max') =>
    `Times are simulated: bots played this exhibition on a simulated clock, ${speed === 'max' ? 'run as fast as the server goes' : `run at ${number(speed)}×`}.`,
  /** An exhibition whose games did not all last its move pairs: the figures count what was played. */
  endedEarly: (games: number, movePairs: number) =>
    `${plural(games, 'game', 'games')} ended before ${movePairs} move pairs (a bot could not avoid the end): the figures count the moves played.`,
};

/** The create form, for the teacher. */
const create = {
  heading: 'Create a simul',
  defaultTitle: 'Class simul',
  title: 'Title',
  boards: 'Boards',
  boardsHint: 'Empty boards are dropped at the start.',
  mode: 'Mode',
  async: 'Async',
  asyncHint: ': rotate between all boards, one move at each (the event loop).',
  sync: 'Sync',
  syncHint: ': one game at a time, in table order (blocking calls).',
  hostColor: 'You play',
  colors: { white: 'White', black: 'Black', alternate: 'Alternating' },
  /** What "Alternating" does, said where the host chooses it. */
  alternateHint: 'White on odd boards (1, 3, 5…), Black on even boards (2, 4, 6…).',
  clocks: 'Clocks',
  playWithClocks: 'Play with clocks',
  minutesPerGame: 'Minutes per game',
  secondsPerMove: 'Seconds added a move',
  hostExtraMinutes: 'Host’s extra minutes',
  creating: 'Creating…',
  create: 'Create and open the console',
  /** The way home, the host's name, the clock's total, the class period. */
  home: '← Home',
  hostName: 'Your name in the exported games',
  hostNameHint: 'Optional: the PGN names you this on every board (else “Host”).',
  hostTotal: (baseMin: number, extraMin: number) =>
    `Your clock on each board: ${baseMin + extraMin} min (${baseMin} + ${extraMin} extra); each student has ${baseMin} min.`,
  estimate: 'Will it fit a class period?',
  periodMinutes: 'Class period (minutes)',
  hostSeconds: 'Your seconds a move',
  studentSeconds: 'A student’s seconds a move',
  movesPerGame: 'Moves a game (each side)',
  estimateText: (mode: Mode, asyncTotal: string, syncTotal: string) =>
    mode === 'async'
      ? `Rotating between the boards: about ${asyncTotal} (one game at a time it would be ${syncTotal}).`
      : `One game at a time: about ${syncTotal} (rotating between the boards it would be ${asyncTotal}).`,
  fits: (minutes: number) => `That fits a ${minutes}-minute period.`,
  tooLong: (minutes: number) => `That is longer than a ${minutes}-minute period: fewer boards, fewer moves or quicker moves would fit.`,
  estimateNote: 'An estimate from the lesson’s arithmetic, with every move taking the times above.',
};

// --- The phone: a student's --------------------------------------------------------------------

const phone = {
  joinCode: 'Join code',
  join: 'Join',
  opening: 'Opening…',
  noSimul: 'No simul here',
  cannotOpen: 'Cannot open this simul',
  checkWithTeacher: 'Check the link or the code with your teacher.',
  enterCode: 'Enter a join code',
  over: 'This simul is over.',
  seatsClosed: 'This simul has started: seats are closed.',
  watchIt: 'Watch it',
  /** "Board 3 · you play White · Ada": the parts around the board's number. */
  board: 'Board',
  youPlay: (color: string) => `you play ${color}`,
  finalResults: 'Final results',
  /** A student arriving after the start, joining still open. */
  lateAsync: 'The simul has started. Sit down and your game begins at once.',
  lateSync: 'The simul has started. Sit down and your game is queued after the others.',
  seated: 'You are seated. The host starts soon.',
  queued: (current: number | null) => `Waiting for your game to begin${current ? ` (the host is playing board ${current})` : ''}.`,
  yourMove: 'Your move',
  hostHere: 'The host is at your board, thinking',
  hostAt: (board: number, before: number) => `The host is at board ${board}; ${plural(before, 'board', 'boards')} before yours`,
  hostNext: 'The host will come to your board next',
  /** A bot plays for the student (handed over while the student was away) until it takes the board back. */
  botPlays: 'A bot is playing for you: take your board back to play on',
  /** The class is paused: the phone's banner (its own move or not). */
  paused: (yourMove: boolean): string => (yourMove ? 'The class is paused: your move when it resumes' : 'The class is paused'),
  /** Said on a student's phone when the host has moved on their board. */
  hostPlayed: (san: string, spoken: string) => `The host played ${san}: ${spoken}.`,
  /** The same, for a phone that knows only the last move's squares. */
  hostMoved: (from: string, to: string) => `The host moved from ${from} to ${to}.`,
  hostOffersDraw: 'The host offers a draw.',
  confirmResign: 'Resign this game?',
  /** The tab's title while it is the student's move. */
  yourMoveTab: (app: string) => `● Your move · ${app}`,
  turnAlerts: 'Sound and vibration on my turn',
  /** The banner while the phone has no link to the server. */
  offline: 'Not connected',
  offlineMeans: 'What you see may be out of date.',
  /** A move made while offline, until the server has it. */
  notSentYet: (from: string, to: string) => `Your move ${from}–${to}: not sent yet`,
  /** Said once where the browser cannot keep the screen on (no Screen Wake Lock, or plain http). */
  screenMaySleep: 'This phone may turn its screen off while you wait. That is fine: wake it and it catches up with your game.',
  gotIt: 'OK',
  /** The disclosure holding the simul's rules (clocks, draws, rotation, start position). */
  rules: 'Rules',
  // The join form
  joiningClosed: 'The host has closed joining.',
  yourName: 'Your name',
  seat: 'Seat',
  firstFreeSeat: 'First free seat',
  everySeatTaken: 'Every seat is taken',
  takeSeat: 'Take a seat',
  seatedCount: (n: number) => `${n} seated`,
};

// --- The console: the host's ---------------------------------------------------------------------

const hostConsole = {
  opening: 'Opening the simul…',
  notYours: 'This console is not yours on this device',
  hostKeyKept: 'The host key of a simul is kept in the browser that created it.',
  watchInstead: 'Watch the simul instead',
  onlyHost: 'Only the host can open this console',
  watch: 'Watch the simul',
  code: 'code',
  projectorView: 'projector view',
  score: "Score from the host's side",
  /** The score's letters: won, drawn, lost. */
  scoreLetters: { won: 'W', drawn: 'D', lost: 'L' },
  dashboard: 'Idle-time dashboard',
  focusedBoard: 'Focused board',
  allBoards: 'All boards',
  noBoardReady: 'No board awaits you',
  everyoneThinking: 'Every opponent is thinking. The first board that becomes ready opens here.',
  /** After the count of boards awaiting the host (`n`, for languages whose verb agrees with it). */
  awaitingYou: (_n: number) => 'awaiting you',
  opponentsThinking: (n: number) => `${n} ${n === 1 ? 'opponent' : 'opponents'} thinking`,
  yourMove: 'Your move',
  waited: 'waited',
  offersDraw: (name: string) => `${name} offers a draw.`,
  confirmResign: (board: number) => `Resign the game on board ${board}?`,
  confirmAbort: (board: number) => `Abort board ${board}? It is recorded as unfinished.`,
  abortGame: 'Abort game',
  confirmEnd: 'End the whole simul now? Open games are recorded as unfinished.',
  endSimul: 'End simul',
  drawOffered: 'Draw offered',
  /** The keyboard's help line under the focused board. */
  keys: {
    next: (board: number | null) => `next board awaiting you${board !== null ? ` (board ${board})` : ''}`,
    left: 'Left arrow',
    right: 'Right arrow',
    step: 'step through boards',
    type: 'type a move below the board',
  },
  /** While playing: joining stays as the host set it. */
  lateOpen: (code: string) => `Joining is open: a student who arrives now joins with code ${code} and gets a new board.`,
  lateClosed: 'Joining is closed: nobody else can sit down.',
  closeJoining: 'Close joining',
  openJoining: 'Open joining',
  // The lobby
  seats: 'Seats',
  seatsTaken: (total: number) => `of ${total} seats taken`,
  start: 'Start the simul',
  joiningClosed: 'Joining is closed.',
  /** What the start does to joining. */
  lobbyNote: 'Empty boards are dropped when you start; joining stays open for late arrivals until you close it.',
  cancel: 'Cancel',
  // The typed move
  typedMove: {
    label: 'Type a move',
    placeholder: 'Nf3, e4, O-O or g1f3',
    play: 'Play',
    refused: (typed: string) => `"${typed}" is not a legal move here: type it like Nf3, exd5, O-O or g1f3.`,
    notYourMove: 'It is not your move on this board.',
  },
  // A seat moved to another device
  reissue: {
    button: 'New seat link',
    title: (board: number) => `New seat link for board ${board}`,
    forWhen: (name: string) => `For when ${name} moves to another device. The old link stops working at once: the old device only watches.`,
    make: 'Make a new link',
    making: 'Making the link…',
    projected: (board: number, name: string) =>
      `This console may be on the projector: anyone who sees the link can take board ${board}. Show it only when the class cannot see the screen, and hide it when ${name} has it.`,
    close: 'Close',
    show: 'Show the link',
    scan: (name: string) => `${name} scans this code with the new device:`,
    qr: (board: number) => `Seat link for board ${board} as a QR code`,
    orSend: 'Or send this link',
    copy: 'Copy',
    copied: (name: string) => `Copied. Send it to ${name} privately.`,
    cannotCopy: 'This browser cannot copy here. The link is selected: copy it with Ctrl+C (Cmd+C on a Mac).',
    done: 'Done: hide the link',
  },
};

// --- The projector: read by a class from the back of the room --------------------------------------

const projector = {
  opening: 'Opening…',
  goTo: 'Go to',
  typeCode: 'and type the code',
  orScan: 'or scan with your phone’s camera',
  seated: (n: number) => `${n} seated`,
  free: (n: number) => `${n} ${n === 1 ? 'seat' : 'seats'} free`,
  /** The lobby: how many seated students' phones are away (closed, asleep or offline). */
  away: (n: number) => `${n} away`,
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
  asPlayed: (mode: Mode) => `${mode === 'async' ? 'Async' : 'Sync'} as played`,
  projected: (mode: Mode) => `${mode === 'async' ? 'Async' : 'Sync'} projected`,
  /** Under those names, what each figure is, in plain words for the class. */
  asPlayedHint: 'how long the simul took',
  projectedHint: (mode: Mode): string => (mode === 'sync' ? 'one game at a time would have taken' : 'rotating between the boards would have taken'),
  speedUp: 'Speed-up',
  /** A grid shown a page at a time: "Boards 41–80 of 100". */
  page: (first: number, last: number, total: number) => `Boards ${first}–${last} of ${total}`,
};

// --- The dashboard: the figures, the same words on the console, the projector and the review ------

const dashboard = {
  busy: 'Busy',
  busyHint: 'At least one board awaited the host',
  idle: 'Idle',
  idleHint: 'No board awaited the host',
  utilization: 'Utilization',
  asPlayed: (mode: Mode, soFar: boolean) =>
    `${mode === 'async' ? 'Async (rotating)' : 'Sync (one game at a time)'}, as played${soFar ? ' so far' : ''}`,
  projected: (mode: Mode) => `${mode === 'async' ? 'Async (rotating)' : 'Sync (one game at a time)'}, projected`,
  speedUp: 'Speed-up of async over sync',
  running: 'Running',
  readyQueue: 'Ready queue',
  waitingSet: 'Waiting set',
  notScheduled: 'Not yet scheduled',
  done: 'Done',
  boards: (n: number) => plural(n, 'board', 'boards'),
  notStarted: 'The figures start when the simul starts.',
  host: 'The host',
  hostLoop: 'The host: the event loop',
  hostUtilization: 'Host utilization',
  nowAt: 'Now at',
  atBoard: (board: number) => `board ${board}`,
  idleNow: 'Idle: every opponent is thinking.',
  elapsed: 'Elapsed',
  contrast: 'Sync against async',
  projection: 'The projection replays the same recorded think times through the other schedule',
  soFar: ', for the moves made so far',
  none: 'none',
  lens: 'The asyncio lens',
  lensTitle: 'Through asyncio’s eyes',
  lensRows: {
    running: 'the board the host is playing: the task on the event loop',
    ready: 'opponent moved, awaiting the host, in the order the host will reach them',
    waiting: 'opponent thinking: the task awaits I/O',
    queued: 'queued: the game has not begun',
    done: 'finished games',
  },
  perBoard: 'Per board',
  columns: {
    board: 'Board',
    opponent: 'Opponent',
    state: 'State',
    opponentThink: 'Opponent think',
    waited: 'Waited for host',
    longestWait: 'Longest wait',
    moves: 'Moves',
    result: 'Result',
  },
  /** A game's state in the per-board table. */
  status: {
    open: 'Free seat',
    seated: 'Seated',
    queued: 'Queued',
    playing: 'Playing',
    finished: 'Finished',
    aborted: 'Unfinished',
  } satisfies Record<BoardStatus, string> as Record<BoardStatus, string>,
  // The timeline
  timeline: 'Timeline',
  segments: {
    'host-think': 'Host thinking',
    'awaiting-host': 'Awaiting the host',
    'opponent-think': 'Opponent thinking',
    queued: 'Queued (game not begun)',
    paused: 'Paused (charged to no one)',
  } satisfies Record<SegmentState, string> as Record<SegmentState, string>,
  rowTitle: (board: number, totals: string[]) => `Board ${board}: ${totals.join(', ')}`,
  segmentTotal: (segment: string, duration: string) => `${segment.toLowerCase()} ${duration}`,
  timelineSummary: (title: string, boards: number, span: string, maxQueue: number) =>
    `${title}: ${plural(boards, 'board', 'boards')} over ${span}; the ready queue peaked at ${plural(maxQueue, 'board', 'boards')}.`,
  queueAxis: (max: number) => `Ready queue length (boards awaiting the host), max ${max}`,
  queueLegend: 'Ready queue length',
  timeRuns: 'Time runs left to right from the start of the simul.',
  // The figures in plain words (say.ts builds the story from them)
  story: 'In plain words',
  utilizationHint: 'The share of the time at least one board awaited the host',
  lastHostMoves: 'The host’s last moves:',
  lastHostMove: (board: number, san: string, think: string) => `board ${board}: ${san} in ${think}`,
  neverWaited: (soFar: boolean) => `You never waited${soFar ? ' so far' : ''}: at every moment some board awaited you.`,
  waitedInAll: (idle: string, soFar: boolean, percent: number) =>
    `You waited ${idle} in all${soFar ? ' so far' : ''}, with every opponent thinking; you were busy ${percent}% of the time.`,
  studentsWaited: (mean: string, soFar: boolean, from: string | null, to: string | null) =>
    `Each student waited for you about ${mean}${soFar ? ' so far' : ''}${from !== null && to !== null ? ` (from ${from} to ${to})` : ''}.`,
  otherSchedule: (mode: Mode, projected: string, soFar: boolean, actual: string) =>
    `${mode === 'async' ? 'One game at a time, with the same think times, the simul would have taken' : 'Rotating between the boards, with the same think times, it would have taken'} ${projected}${soFar ? ' for these moves' : ''} instead of ${actual}.`,
};

// --- The review: anyone's, after the games -------------------------------------------------------

const review = {
  loading: 'Loading the simul…',
  downloads: 'Downloads',
  pgn: 'Games (PGN)',
  csv: 'Move timings (CSV)',
  json: 'Event log (JSON)',
  compareWith: 'Compare with another simul:',
  compareHint: 'its review link or id',
  compare: 'Compare',
  mode: (mode: Mode): string => (mode === 'async' ? 'Async: rotating between boards' : 'Sync: one game at a time'),
  boards: (n: number) => plural(n, 'board', 'boards'),
  startedAt: dateTime,
  stillRunning: ' · still running',
  neverStarted: 'This simul never started.',
  home: 'Home',
  sideBySide: 'Two simuls side by side',
  secondSimul: 'The second simul:',
  backTo: (title: string) => `Back to ${title}`,
  // The comparison's rows
  figure: 'Figure',
  notStarted: 'not started',
  loadingShort: 'loading…',
  rows: {
    mode: 'Mode',
    boards: 'Boards',
    clock: 'Clock',
    results: 'Results (host W / D / L)',
    moves: 'Moves',
    elapsed: 'Elapsed',
    busy: 'Host busy',
    idle: 'Host idle',
    utilization: 'Host utilization',
    wait: 'Opponent wait, total',
    longestWait: 'Longest single wait',
    syncTotal: 'Sync total (played or projected)',
    asyncTotal: 'Async total (played or projected)',
    speedUp: 'Speed-up',
    closedForm: 'The lesson’s closed form',
  },
  modeShort: (mode: Mode): string => (mode === 'async' ? 'async (rotating)' : 'sync (one game at a time)'),
  simulatedClock: (speed: string) => `simulated, ${speed}`,
  realTime: 'real time',
  // The games
  games: 'Games',
  board: 'Board',
  position: 'Board position; left and right arrows step through the game',
  first: 'Start',
  previous: 'Previous move',
  next: 'Next move',
  last: 'End',
  clockAfter: 'After each move, the mover’s time left on the clock.',
  times: 'Times:',
  hostThink: 'host think',
  hostThinkMeans: '(busy time since the host’s previous move on any board)',
  opponentThink: 'opponent think',
  opponentThinkMeans: '(since the host’s move on that board).',
};

// --- The lesson: the teacher's and the class's, sync against async in numbers ---------------------

/** One row of the analogy: `asyncio` is text and code in turn ("A task (a coroutine, ", "async def", ")"). */
interface AnalogyRow {
  simul: string;
  asyncio: string[];
  words: string;
}

const lesson = {
  tabTitle: 'The lesson: sync vs async',
  description: 'One host, many boards: the chess simul that explains asyncio, in numbers.',
  heading: 'Sync vs async, in numbers',
  intro:
    'A chess master plays 24 opponents. The master needs 5 s per move; each opponent needs 55 s; a game is 30 move pairs. ' +
    'Played one game at a time, the exhibition takes 12 hours. Moving from board to board, one move at each, it takes 1 hour as the lesson counts it, ' +
    '1 h 0 min 55 s exactly (see why below). The master did not get faster: the master stopped waiting.',
  playIt: 'Play it with your class',
  playItText:
    'Run a simul in each mode with the same class. The dashboard measures the host’s busy and idle time from the real moves, and projects what the other mode would have taken.',
  startAsync: 'Start an async simul',
  startAsyncText: 'Rotate between all boards, one move at each: the event loop.',
  startSync: 'Start a sync simul',
  startSyncText: 'One game at a time, in table order: blocking calls.',
  // The analogy
  analogy: 'The analogy',
  analogyText:
    'asyncio runs many tasks concurrently on one thread and one CPU core. It can, for the reason a chess master can play a whole room at once: most of each game is the opponent thinking, and nobody needs to watch them think.',
  inSimul: 'In the simul',
  inAsyncio: 'In asyncio',
  means: 'What it means',
  rows: {
    host: { simul: 'The host', asyncio: ['The event loop, on one thread'], words: 'One worker. It can do one thing at a time, and it is fast only if it never stands idle.' },
    board: { simul: 'A board', asyncio: ['A task (a coroutine, ', 'async def', ')'], words: 'One game: it runs in short steps and pauses in between.' },
    hostThinks: { simul: 'The host thinks at a board', asyncio: ['A CPU step, run by the loop'], words: 'The loop runs a task’s code until its next await. Nothing else runs meanwhile.' },
    opponentThinks: { simul: 'The opponent thinks', asyncio: ['', 'await', ' on I/O'], words: 'The task waits for the network, a disk, a person. The loop needs to do nothing for it.' },
    ready: { simul: 'Boards awaiting the host', asyncio: ['The ready queue'], words: 'Tasks whose awaited result came back: ready to run when the loop gets to them.' },
    waiting: { simul: 'Boards whose opponent thinks', asyncio: ['The waiting set'], words: 'Tasks suspended on an await. They cost the loop nothing while they wait.' },
    sync: {
      simul: 'Sync: one game at a time',
      asyncio: ['Blocking calls'],
      words: 'Like time.sleep() or a plain socket read: the host sits at one board while its opponent thinks, and the other games have not even begun (queued).',
    },
  } satisfies Record<string, AnalogyRow>,
  syncCodeTitle: 'Sync: every call blocks until it returns',
  syncCode: `def play_game(board):
    for _ in range(30):
        host_move(board)       # CPU, 5 s
        opponent_reply(board)  # blocks, 55 s

def simul(boards):
    for board in boards:       # one game at a time
        play_game(board)`,
  asyncCodeTitle: 'Async: while one task awaits, the loop runs another',
  asyncCode: `async def play_game(board):
    for _ in range(30):
        host_move(board)             # CPU, 5 s
        await opponent_reply(board)  # I/O, 55 s

async def simul(boards):
    await asyncio.gather(*map(play_game, boards))`,
  // The calculator
  fields: {
    n: { label: 'Boards', hint: 'opponents, one board each' },
    h: { label: 'Host per move', hint: 'seconds the host thinks: h' },
    o: { label: 'Opponent per move', hint: 'seconds an opponent thinks: o' },
    m: { label: 'Move pairs', hint: 'per game; the host moves first' },
  },
  enterNumber: 'Enter a number.',
  enterWhole: 'Enter a whole number.',
  range: (min: number, max: number) => `From ${min} to ${max}.`,
  tryYours: 'Try your own numbers',
  lessonNumbers: 'The lesson’s numbers',
  presets: 'Boards:',
  boards: (n: number) => plural(n, 'board', 'boards'),
  growing: 'As the number of boards grows',
  announce: (sync: string, async: string, speedUp: string) => `Sync ${sync}, async ${async}, speed-up ${speedUp}.`,
  syncTitle: 'Sync: one game at a time',
  syncIdle: 'the host sits at one board while its opponent thinks',
  syncGame: (game: string) => `Each game takes m × (h + o) = ${game}; the next game cannot begin until it ends.`,
  asyncTitle: 'Async: move from board to board',
  asyncIdleRounds: 'the host waits for replies between rounds',
  asyncIdleLast: 'only the last reply, at the very end',
  /** Why the calculator asks no rotation rule. */
  anyRule:
    'Around the tables, first ready or most urgent: with equal boards the three rules take the boards in the same order, so these figures hold under each. They part when the boards differ, as in a simul played.',
  round: (lap: string, pair: string, round: string, rounds: string, o: string) =>
    `One round: the host makes one move at every board, n × h = ${lap}. A board is ready again h + o = ${pair} after the host moved there, ` +
    `so a round lasts T = max(n × h, h + o) = ${round}. After m − 1 = ${rounds} rounds comes the last: ${lap} of host moves, then the last opponent’s final reply, o = ${o}.`,
  exact: 'Exact:',
  asTaught: 'The lesson:',
  agree: 'Here the two agree: with no opponent think time the last reply takes no time.',
  differ: (extra: string, o: string) =>
    `The lesson counts only the host’s own moves, m × n × h. The exact figure is ${extra} longer: it adds the last opponent’s final reply (+ o = ${o})`,
  differWaits: (pair: string, lap: string, rounds: string, wait: string) =>
    ` and, because one board’s move pair (h + o = ${pair}) is longer than the host’s lap (n × h = ${lap}), the host’s wait for replies in each of the first ${rounds} rounds (+ ${rounds} × ${wait})`,
  speedUp: 'Speed-up',
  sooner: (ratio: string, sooner: string) => `S / A = ${ratio}: the same games, the same host, ${sooner} sooner.`,
  sameBusy: (busy: string) =>
    `The host is busy for the same ${busy} (n × m × h) in both modes. Async wins by filling the idle time: while one opponent thinks, the host plays the others. With more move pairs the speed-up tends to min(n, (h + o) / h) =`,
  fewBoards: (n: string, count: number) => `with ${n} ${count === 1 ? 'board' : 'boards'}, at most ${n} games can move at once.`,
  manyBoards: (knee: string) => `past ${knee} boards the host never waits, so more boards no longer help: the host itself is the limit.`,
  hostBusy: 'Host busy',
  hostIdle: 'Host idle',
  utilization: 'Utilization',
  utilizationOf: (mode: Mode) => `Host utilization, ${mode}`,
  busyValue: (percent: string) => `${percent} busy`,
  busy: 'Busy',
  busyMeans: ': the host is thinking at a board.',
  idle: 'Idle',
  // The chart
  series: { sync: 'Sync: one game at a time', async: 'Async: one move per board, round after round' },
  sync: 'Sync',
  async: 'Async',
  boardsAxis: 'Boards (n)',
  totalAxis: (unit: string) => `Total time (${unit})`,
  units: { hours: 'hours', minutes: 'minutes', seconds: 'seconds' },
  knee: (n: string) => `n = ${n}: no more waiting`,
  chartSummary: (p: { maxN: number; h: string; o: string; m: string; perBoard: string; mineSync: string; n: number; lastSync: string; knee: string | null; hostMove: string; hostGame: string; mineAsync: string; lastAsync: string }) =>
    `Total time against the number of boards, 1 to ${p.maxN}, with h = ${p.h}, o = ${p.o} and m = ${p.m}. ` +
    `Sync grows by ${p.perBoard} for every board: ${p.mineSync} at ${plural(p.n, 'board', 'boards')}, ${p.lastSync} at ${p.maxN}. ` +
    `Async ${p.knee !== null ? `grows by only ${p.hostMove} per board up to ${p.knee} boards, then by ${p.hostGame} per board` : `grows by ${p.hostGame} per board`}` +
    `: ${p.mineAsync} at ${p.n}, ${p.lastAsync} at ${p.maxN}.`,
  chartData: 'The chart’s data as a table',
  chartCaption: 'Sync and async totals by number of boards',
  legend: 'Legend',
  speedUpIs: (speedUp: string) => `Speed-up: ${speedUp}`,
  // Watch it happen
  watch: {
    title: 'Watch it happen',
    plays: (n: string, count: number, h: string, o: string, m: string, pairs: number) =>
      `The server plays these numbers out: two real simuls, one sync and one async, each with a bot host and ${n} bot ${count === 1 ? 'opponent' : 'opponents'}. ` +
      `The host bot takes ${h} a move, each opponent ${o}, and every game is agreed drawn after ${m} move ${pairs === 1 ? 'pair' : 'pairs'}. Their clocks are simulated: `,
    fastest: 'they run as fast as the server goes',
    atSpeed: (speed: string, total: string, real: string) => `at ${speed} the sync simul’s ${total} pass in about ${real}`,
    fromMoves: ', and every figure still comes from the moves played.',
    shorter: (lap: string, pair: string) =>
      `Here n × h = ${lap} is shorter than h + o = ${pair}: after its lap the host waits for the first reply. Rotation has stopped helping: more boards would still fit in the host’s idle time.`,
    longer: (lap: string, pair: string, h: string) =>
      `Here n × h = ${lap} is longer than h + o = ${pair}: replies wait for the host. Rotation has stopped scaling: the host itself is the limit, and each further board adds ${h} to every round.`,
    equal: (pair: string) => `Here n × h = h + o = ${pair}: each reply arrives just as the host comes round again.`,
    speed: 'Speed',
    fastestChoice: 'As fast as it goes',
    varied: (percent: number) => `Vary think times (spread: ${percent}% of the mean)`,
    start: 'Watch it happen',
    starting: 'Starting…',
    tooManyBoards: (max: number) => `An exhibition plays at most ${max} boards.`,
    tooManyPairs: (max: number) => `An exhibition plays at most ${max} move pairs a game.`,
    thinkTooLong: (max: number) => `An exhibition's think times are at most ${max} s a move.`,
    hostTooQuick: (min: number) => `The host needs at least ${min} s a move.`,
  },
};

/** The exhibition's race page: sync against async, played by bots. */
const exhibition = {
  opening: 'Opening…',
  backToLesson: 'The lesson',
  raceTitle: 'Sync against async, played by bots',
  stop: 'Stop the exhibition',
  bothOver: 'Both are over:',
  openingComparison: 'opening the comparison',
  notExhibition: 'This simul is no exhibition:',
  watchIt: 'watch it',
  side: (mode: Mode): string => (mode === 'sync' ? 'Sync: one game at a time' : 'Async: rotating between boards'),
  /** An exhibition simul's title, on every screen that names it (the server writes none in the log). */
  title: (mode: Mode): string => `Exhibition: ${mode}`,
  movesPlayed: (mode: Mode) => `Moves played, ${mode}`,
  progress: (moves: number, total: number) => `${number(moves)} of ${number(total)} moves`,
  simulated: (over: boolean): string => (over ? 'simulated, over' : 'simulated so far'),
  asyncFinished: (elapsed: string, speedUp: string | null) =>
    `Async finished after ${elapsed} (simulated)${speedUp ? `: ${speedUp} faster than sync, by the same think times` : ''}.`,
  /** An exhibition the server ended: its slot went to another teacher after its guaranteed time, or nobody watched it. */
  serverEnded: (ending: 'idle' | 'unwatched' | 'stalled' | 'preempted'): string =>
    ending === 'preempted'
      ? 'This exhibition was stopped so that another teacher could start one (every exhibition keeps its place for 5 minutes). Start it again from the lesson when you like.'
      : ending === 'unwatched'
        ? 'This exhibition was stopped: nobody was watching it.'
        : 'This exhibition was stopped before its end.',
  syncLeft: (left: string, total: string) => `Sync: about ${left} (simulated) to go, of ${total} by the think times async recorded.`,
};

/** The simul as the Python program it is (the program itself is code, in lib/program/python.ts; its comments are words, here): the dashboard's, the projector's and the review's. */
const program = {
  title: 'The simul as a Python program',
  intro: (mode: Mode): string =>
    mode === 'async'
      ? 'One task per board on asyncio’s event loop, on one thread: the host’s. The host takes the ready boards by the simul’s rule. Each line shows the boards standing at it.'
      : 'The blocking version: one game after another, the host waiting whenever its opponent thinks. Each line shows the boards standing at it.',
  code: 'The program, line by line',
  /** The folded listing's summary (the review opens with it folded). */
  showCode: (lines: number) => `The program: ${lines} lines of Python`,
  notStarted: 'The tasks begin when the simul starts.',
  current: 'The loop’s current task',
  currentSync: 'The game being played',
  none: 'none',
  idle: 'none: every task awaits its opponent',
  readyQueue: 'Ready queue, in the order the host takes them',
  awaiting: 'Awaiting their opponent',
  notBegun: 'Not begun',
  done: 'Done',
  board: (n: number) => `board ${n}`,
  state: { running: 'running on the host', ready: 'ready', awaiting: 'awaiting its opponent', 'not-begun': 'not begun', done: 'done', paused: 'suspended' },
  paused: 'The class is paused: the program is suspended. No task runs; each stands where it was until the class resumes.',
  /** A rematched board's task is at its next game: "3, game 2". */
  game: (game: number) => `game ${game}`,
  /** A line's boards, for a screen reader: "line 10: board 3 running on the host, board 5 ready". */
  lineTasks: (line: number, tasks: string[]) => `line ${line}: ${tasks.join(', ')}`,
  /** The program's comments and docstrings, by their {{name}} in lib/program/python.ts: one line each. */
  comments: {
    host: 'The host: one thread, at one board at a time. Like asyncio’s loop it keeps the boards that are ready, and it takes the next one by the simul’s rule.',
    rule: '"table-order", "first-ready" or "most-urgent"',
    clock: 'the host’s clock (s): [its time at a game’s start, the increment]',
    tables: 'in table order',
    turns: 'table: (when it awaits the host, the host’s turn there)',
    left: 'table: the host’s time left on that board’s clock',
    at: 'the board the host is at, and the one it moved on last',
    readyAt: 'when the board the host is at began to await it',
    begin: 'A game begins at this board: the host’s clock there is set.',
    turn: 'The host’s next turn at this board: it awaits the host once its opponent has moved.',
    done: 'The board’s last game is over.',
    free: 'the host made its move here: it is free again',
    chooses: 'The host chooses once it is free and every board awaits its opponent or the host.',
    noneReady: 'none awaits the host: it waits for the first to (ties: table order)',
    firstReady: 'the one that has waited longest',
    mostUrgent: 'the lowest host clock: the earliest flag',
    tableOrder: 'around the tables: the next one after the board it left',
    board: 'One board: a task on the event loop. Each move: the opponent’s think, then the host’s (s).',
    rematch: 'a rematch: a new game at the same board',
    awaitsOpponent: 'awaiting its opponent: the loop runs other boards',
    awaitsHost: 'ready: it awaits the host, who comes by the simul’s rule',
    hostThinks: 'the host thinks: one thread, no other board moves',
    gather: 'Every board a task on the one thread, the host’s; the host moves on one at a time.',
    syncBoard: 'One board, played to its end. Each move: the opponent’s think, then the host’s (s).',
    syncAwaitsOpponent: 'awaiting its opponent: blocked, the host waits too',
    syncHostThinks: 'the host thinks',
    syncGames: 'one game after another: no other board moves meanwhile',
  },
};

/** The review's scrubber: the recorded simul at any moment, played back. */
const scrub = {
  title: 'Replay the simul',
  intro: 'Drag to any moment: every board, where the host was, the ready queue and the figures up to then.',
  position: 'Moment of the simul',
  at: (at: string, of: string) => `${at} of ${of}`,
  play: 'Play',
  pause: 'Pause',
  speed: 'Speed',
  speedOption: (x: number) => `${x}×`,
  previous: 'Previous event',
  next: 'Next event',
  toEnd: 'To the end',
  event: (k: number, total: number) => `event ${k} of ${total}`,
  boards: 'The boards at this moment',
  hostHere: 'host here',
  replay: 'Replay',
  backToResults: 'Results',
};

// --- Coaching: pausing, rotation rules, start positions, takebacks, rematches ----------------------

/** Pausing the class: the host's buttons, what every screen says, the timeline's band. */
const pause = {
  pause: 'Pause the class',
  resume: 'Resume',
  banner: 'The class is paused: every clock has stopped.',
  bannerHost: 'The class is paused: every clock and the rotation have stopped. Resume when the class is ready.',
  band: 'Paused (charged to no one)',
  bandAsyncio: 'the event loop suspended',
  total: (paused: string) => `Paused ${paused} in all (charged to no one).`,
};

/** How the host rotates (docs/METRICS.md "How the host rotates"): the create form, every screen's settings line. */
const rotation = {
  legend: 'How the host goes from board to board (async)',
  name: { 'table-order': 'Around the tables', 'first-ready': 'First ready', 'most-urgent': 'Most urgent' } satisfies Record<Rotation, string> as Record<Rotation, string>,
  hint: {
    'table-order': 'the next board in table order that awaits the host',
    'first-ready': 'the board that has waited longest: asyncio’s first-in, first-out ready queue',
    'most-urgent': 'the board where the host’s clock is lowest (needs clocks)',
  } satisfies Record<Rotation, string> as Record<Rotation, string>,
  /** The settings line: which rule the auto-advance follows. */
  line: (r: Rotation) => `Host goes: ${rotation.name[r].toLowerCase()} (${rotation.hint[r]})`,
  needsClocks: 'Most urgent reads the host’s clocks: turn clocks on to choose it.',
  equalBoards: 'With every board alike the three rules visit the boards in the same order, so these figures hold for each.',
};

const FEN_FIELD: Record<Extract<PositionProblem, { kind: 'format' }>['field'], string> = {
  fields: 'it has six fields separated by spaces (pieces, side to move, castling, en passant, two counters)',
  counters: 'its last two fields are the half-move counter (0 or more) and the move number (1 or more)',
  'en-passant': 'its fourth field is an en passant square on the third or sixth rank, or -',
  castling: 'its third field is the castling rights (some of KQkq) or -',
  'side-to-move': 'its second field is w or b',
  placement: 'its first field is eight ranks separated by /, each with 8 squares of pieces (KQRBNPkqrbnp) and digits',
};

/** Where the games start: the create form, the settings line, the review. */
const startPosition = {
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
  } satisfies Record<NamedPositionId, string> as Record<NamedPositionId, string>,
  /** A named drill's goal, on the phone and the projector. */
  goals: { 'white-wins': 'White to win', 'black-draws': 'Black to draw' } satisfies Record<DrillGoal, string> as Record<DrillGoal, string>,
  perBoard: 'Boards with a position of their own',
  addBoard: 'Give a board its own position',
  board: 'Board',
  remove: 'Remove',
  /** The settings line. */
  line: (every: string | null, ownBoards: number[]) =>
    [
      every ? `Games start from ${every}` : null,
      ownBoards.length > 0 ? `board${ownBoards.length === 1 ? '' : 's'} ${ownBoards.join(', ')} from ${ownBoards.length === 1 ? 'its' : 'their'} own position` : null,
    ]
      .filter(Boolean)
      .join('; '),
  aPosition: 'a set position',
  /** What is wrong with a start position (lib/chess/positions.ts), as a sentence. */
  problem: (p: PositionProblem): string => {
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
        return `The game is already over in this position (${results.endReason[p.reason]}).`;
    }
  },
};

/** The per-board table's columns that only some simuls have. */
const boardColumns = {
  games: 'Games',
};

/** Takebacks: the phone asks, the console answers, the review counts. */
const takeback = {
  ask: 'Ask to take back my move',
  asked: 'You asked to take back your move: the host will answer.',
  request: (board: number, name: string) => `Board ${board}: ${name} asks to take back a move.`,
  grant: 'Grant',
  refuse: 'Refuse',
  requests: 'Takeback requests',
  hostTakeBack: (board: number) => `Take back my last move on board ${board}`,
  count: (n: number) => (n === 1 ? '1 takeback' : `${n} takebacks`),
  column: 'Takebacks',
  /** What the student's phone says of each outcome. */
  news: {
    granted: 'The host granted your takeback: your move again.',
    refused: 'The host refused your takeback.',
    host: 'The host took back its last move: it will play again.',
    off: 'The host turned takebacks off on your board.',
  } as Record<'granted' | 'refused' | 'host' | 'off', string>,
  /** The phone's button while the student waits after a refusal. */
  askAgainIn: (seconds: number) => `Ask again in ${seconds} s`,
  /** The console's switch for one board. */
  turnOff: (board: number) => `Turn takebacks off on board ${board}`,
  /** The create form's choice. */
  policyLegend: 'Takebacks',
  policy: { any: 'Students may ask for takebacks', 'one-per-game': 'One takeback per game', none: 'No takebacks' } as Record<'any' | 'one-per-game' | 'none', string>,
};

/** Rematches: the console's finished boards, the phone when the host allows it, the review. */
const rematch = {
  finished: 'Finished boards: play again',
  swap: 'Rematch, colours swapped',
  keep: 'Rematch, same colours',
  board: (board: number, name: string) => `Board ${board} · ${name}`,
  studentMay: 'Students may start a rematch of their finished game',
  askStudent: 'Play again (colours swapped)',
  game: (n: number) => `game ${n}`,
  gameOf: (board: number, game: number) => (game === 1 ? `Board ${board}` : `Board ${board}, game ${game}`),
};

// --- The classroom: the join address, the lobby, the mini boards ---------------------------------

/** The join address, as the console and the projector show it (app/components/join-address.tsx). */
const join = {
  howToJoin: 'How to join',
  joinCode: 'Join code',
  typeAt: 'Type it at',
  orScan: ', or scan the code.',
  joinLink: 'Join link',
  copy: 'Copy',
  copied: 'Copied',
  qrTitle: 'Join link as a QR code',
  /** The picker, when the server has several network addresses. */
  pick: 'Address the class uses',
  pickHint: 'This machine has several network addresses: pick the one on the class’s network (the projector in this browser follows).',
  /** The console opened at localhost, the server reachable from the network. */
  pageAtLocalhost: (address: string) =>
    `This page is open at localhost, which no phone can open: students join at ${address}, shown here and on the projector.`,
  /** The server has no network address: nothing a phone can reach. */
  unreachable: (address: string) =>
    `No phone can reach ${address}: the server listens on this machine only. Start it with HOST=0.0.0.0 on the class’s network (or set SIMUL_PUBLIC_URL behind a proxy), then reload.`,
  /** The projector's shorter warning of the same. */
  projectorUnreachable: 'Phones cannot reach this address: the teacher must start the server on the class’s network.',
};

/** The host's lobby: what the host may do with each seat. */
const lobby = {
  empty: 'empty',
  /** The one action beside a student's name; it asks what to do. */
  remove: 'Remove…',
  removeAt: (board: number, name: string) => `Remove ${name} from seat ${board}`,
  askWhat: (name: string) => `Remove ${name}?`,
  free: 'Free the seat',
  freeHint: 'They, or someone else, may sit down again.',
  freeAt: (board: number) => `Free seat ${board}`,
  block: 'Remove and block the network',
  blockHint:
    'No device on this network can join this simul again. Behind one school address that is every phone of the class: block only a stranger on another network.',
  blockAt: (board: number) => `Remove and block seat ${board}`,
};

/** A mini board's header: which figure is the wait and which the host's clock. */
const miniBoard = {
  wait: 'wait',
  waitHint: 'How long this board has waited for the host',
  hostClock: 'host',
  hostClockHint: 'The host’s clock on this board',
  opponentClockHint: 'The student’s clock on this board',
  /** A finished board's chip, whole and short (a mini board's one line): "Host lost on time". */
  finished: (look: 'win' | 'draw' | 'loss', reason: EndReason): string => {
    const host = look === 'win' ? 'Host won' : 'Host lost';
    switch (reason) {
      case 'checkmate':
        return `${host} by mate`;
      case 'timeout':
        return look === 'draw' ? 'Draw on time' : `${host} on time`;
      case 'resignation':
        return look === 'win' ? 'Student resigned' : 'Host resigned';
      case 'draw-agreed':
        return 'Draw agreed';
      case 'stalemate':
        return 'Stalemate: draw';
      case 'threefold-repetition':
      case 'fivefold-repetition':
        return 'Draw by repetition';
      case 'fifty-move-rule':
        return 'Draw: 50 moves';
      case 'seventy-five-move-rule':
        return 'Draw: 75 moves';
      case 'insufficient-material':
      case 'timeout-vs-insufficient-material':
        return 'Draw: no mate left';
    }
  },
};

/** Who is there, a bot that plays for an away student, and the host's word to the class. */
const classroom = {
  /** A short time away: seconds under a minute, then whole minutes. */
  awayTime: (ms: number) => (ms < 60_000 ? `${Math.max(0, Math.floor(ms / 1000))} s` : `${Math.floor(ms / 60_000)} min`),
  presence: { here: 'here', away: 'away', left: 'left' } satisfies Record<'here' | 'away' | 'left', string>,
  /** The console's cell and the lobby: "away 2 min". */
  awayFor: (time: string) => `away ${time}`,
  awayHint: 'The student’s phone has been disconnected (closed, asleep or offline) since then',
  /** The dashboard's line for a board whose student is away (not thinking). */
  opponentAway: (board: number, time: string) => `Board ${board}: opponent away ${time}`,
  handToBot: 'Let a bot play this board',
  handToBotHint: 'The student is away: a bot plays their side from this position until they take the board back.',
  giveBack: 'Give the board back',
  botPlaying: 'a bot plays for the student',
  /** The student's phone, back while a bot plays its board. */
  takeBackTitle: 'Take your board back?',
  takeBackBody: 'A bot played for you while you were away. It stops as soon as you take the board back.',
  takeBackYes: 'Take my board back',
  messageHeading: 'A word to the class',
  presets: {
    'five-minutes': 'Five minutes left',
    'finish-game': 'Finish your game',
    'look-at-projector': 'Look at the projector',
    'well-played': 'Well played, everyone!',
  } satisfies Record<MessagePreset, string> as Record<MessagePreset, string>,
  ownMessage: 'Your own message',
  ownMessageHint: 'At most 140 characters; every phone and the projector show it.',
  send: 'Send',
  sent: 'Sent',
  fromHost: 'From the host',
  closeMessage: 'Close the message',
  /** The review: how long each board's student was away in all. */
  awayColumn: 'Opponent away',
};

// --- What the server writes itself, outside any page (plain text) --------------------------------

const server = {
  tooManyJoinCodes: 'Too many wrong join codes from this network: wait a minute, then try again.',
  malformedPath: 'Bad request: this address cannot be read.',
  notFound: 'Not found.',
};

export const en = {
  /** The language's tag, for <html lang> and the language switch. */
  lang: 'en',
  /** The language named in itself, for the switch. */
  languageName: 'English',
  number,
  app,
  home,
  refusals,
  results,
  resultsTable,
  boardLooks,
  settings,
  clocks,
  claims,
  game,
  moves,
  connection,
  bots,
  simulEnd,
  simulatedTime,
  create,
  phone,
  console: hostConsole,
  projector,
  dashboard,
  review,
  lesson,
  exhibition,
  program,
  scrub,
  pause,
  rotation,
  startPosition,
  boardColumns,
  takeback,
  rematch,
  join,
  lobby,
  miniBoard,
  classroom,
  server,
};

/** One language's words: every language has these entries with these parameters. */
export type Words = typeof en;
