// Every game of a simul as one PGN file (PGN standard, export format): one game per board
// whose game started (each of a rematched board's games), in table order, as finally played
// (taken-back moves left out), from its position (SetUp and FEN) when it did not start from the
// initial one, with the seven-tag roster, the way the game ended,
// each move's elapsed time as a {[%emt H:MM:SS]} comment and, with clocks, the mover's time
// left as [%clk H:MM:SS] and the time control as a TimeControl tag. Pure and browser-safe.
import type { AbortReason, ClockSettings, EndReason, Exhibition, Result, SimulEvent } from '../simul/types';
import { readGames, type ExportGame } from './games';

/** PGN's name for the host in every game's White or Black tag. */
const HOST_NAME = 'Host';

/** Movetext lines are kept to at most this many characters (PGN export format: < 80). */
const LINE_WIDTH = 79;

/**
 * A PGN tag value: a quote becomes \" and a backslash \\ (PGN standard 7), and the
 * characters a tag may not hold (line breaks, tabs, other controls) become spaces.
 */
export function pgnString(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"');
}

/** "2025.03.14" in UTC; "????.??.??" when unknown. */
export function pgnDate(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '????.??.??';
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '.');
}

/** Elapsed move time as PGN's %emt wants it: "0:00:05" (whole seconds, rounded). */
export function emt(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(min).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

const REASON_TEXT: Record<Exclude<EndReason, 'resignation' | 'timeout' | 'timeout-vs-insufficient-material'>, string> = {
  checkmate: 'Checkmate.',
  stalemate: 'Draw by stalemate.',
  'threefold-repetition': 'Draw by threefold repetition.',
  'fifty-move-rule': 'Draw by the fifty-move rule.',
  'fivefold-repetition': 'Draw by fivefold repetition.',
  'seventy-five-move-rule': 'Draw by the seventy-five-move rule.',
  'insufficient-material': 'Draw by insufficient material.',
  'draw-agreed': 'Draw agreed.',
};

/**
 * PGN's TimeControl: "seconds+increment" as the game began for the student, or "-". PGN has no
 * room in it for one side's extra time: the host's, when it has some, is in the per-side tags
 * (sideTimeControls).
 */
function timeControl(clock: ClockSettings | null, extraMs = 0): string {
  return clock ? `${Math.round((clock.initialMs + extraMs) / 1000)}+${Math.round(clock.incrementMs / 1000)}` : '-';
}

/**
 * With the host's extra time, each side's own time control, as WhiteTimeControl and
 * BlackTimeControl (not PGN standard tags; any may be added): the host's includes the extra.
 */
function sideTimeControls(clock: ClockSettings | null, hostColor: 'w' | 'b'): [string, string][] {
  if (!clock || clock.hostExtraMs <= 0) return [];
  const host = timeControl(clock, clock.hostExtraMs);
  const opponent = timeControl(clock);
  return [
    ['WhiteTimeControl', hostColor === 'w' ? host : opponent],
    ['BlackTimeControl', hostColor === 'w' ? opponent : host],
  ];
}

/** The game's result tag and termination marker: '*' for a game aborted or still going. */
function resultOf(game: ExportGame): Result | '*' {
  return game.status === 'finished' && game.result ? game.result : '*';
}

/**
 * The Termination tag: the PGN standard's "normal" and "unterminated" (still going); a game the
 * host aborted or the simul's early end left open says "unfinished", the word every screen uses.
 */
function terminationOf(game: ExportGame): string {
  if (game.reason === 'timeout' || game.reason === 'timeout-vs-insufficient-material') return 'time forfeit';
  if (game.status === 'finished') return 'normal';
  if (game.status === 'aborted') return 'unfinished';
  return 'unterminated';
}

/** Why a game stayed unfinished, as the closing comment says it (the screens' words). */
const UNFINISHED_TEXT: Record<AbortReason, string> = {
  'host-aborted': 'Unfinished: the host aborted the game.',
  'simul-ended': 'Unfinished: the simul was ended early.',
};

/** The closing comment: why the game ended, in words (names stay in the tags). */
function reasonText(game: ExportGame): string | null {
  if (game.status === 'aborted') return UNFINISHED_TEXT[game.reason === 'simul-ended' ? 'simul-ended' : 'host-aborted'];
  if (game.status === 'playing') return 'Game still in progress.';
  if (!game.reason || game.reason === 'host-aborted' || game.reason === 'simul-ended') return null;
  if (game.reason === 'resignation') {
    // The loser resigned: 1-0 means black did. Name the colour, as PGN commentary does.
    return game.result === '1-0' ? 'Black resigns.' : game.result === '0-1' ? 'White resigns.' : 'Resignation.';
  }
  if (game.reason === 'timeout' || game.reason === 'timeout-vs-insufficient-material') {
    // The side to move when the game ended ran out: the one after the last move (or the start's).
    const toMove = game.moves.length === 0 ? game.startColor : game.moves[game.moves.length - 1].color === 'w' ? 'b' : 'w';
    const [out, other] = toMove === 'w' ? ['White', 'Black'] : ['Black', 'White'];
    return game.reason === 'timeout' ? `${out} forfeits on time.` : `${out} ran out of time; ${other} cannot mate: draw.`;
  }
  return REASON_TEXT[game.reason];
}

/** The comment on the first move of a bot playing for an away student (the export's language is English, as its other comments). */
export const STAND_IN_TEXT = 'A bot plays for the student from this move.';

/** Tokens of the movetext: move numbers, SAN, whole comments, the termination marker. */
function movetextTokens(game: ExportGame): string[] {
  const tokens: string[] = [];
  const closing = reasonText(game);
  if (game.moves.length === 0 && closing) tokens.push(`{${closing}}`);
  game.moves.forEach((move, i) => {
    const number = move.moveNumber;
    // After a comment a black move repeats its number ("1..."), as the export format asks.
    tokens.push(move.color === 'w' ? `${number}.` : `${number}...`);
    tokens.push(move.san);
    const last = i === game.moves.length - 1;
    // One comment per move: readers such as chess.js take a single comment after a move.
    const clk = move.clock === null ? '' : ` [%clk ${emt(move.clock)}]`;
    // A bot the host handed the away student's side to plays from this move on (until the student takes the board back).
    const standIn = move.standInFrom ? ` ${STAND_IN_TEXT}` : '';
    tokens.push(`{[%emt ${emt(move.elapsed)}]${clk}${standIn}${last && closing ? ` ${closing}` : ''}}`);
  });
  tokens.push(resultOf(game));
  return tokens;
}

/** Joins tokens into lines of at most LINE_WIDTH characters, never breaking inside one. */
function wrap(tokens: string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && line.length + 1 + token.length > LINE_WIDTH) {
      lines.push(line);
      line = token;
    } else {
      line = line ? `${line} ${token}` : token;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** PGN's WhiteType/BlackType value for a player: a bot is a program. */
function playerType(isBot: boolean): string {
  return isBot ? 'program' : 'human';
}

/**
 * One game in PGN: tag pairs, a blank line, the movetext. When a bot played either side, the
 * WhiteType and BlackType tags (PGN standard 9.3) say which side was a program; an exhibition's
 * game has a SimulatedClock tag (its speed): its times are simulated.
 */
function gamePgn(
  game: ExportGame,
  event: string,
  site: string,
  {
    hostIsBot = false,
    clock = null,
    exhibition = null,
    hostName = null,
  }: { hostIsBot?: boolean; clock?: ClockSettings | null; exhibition?: Exhibition | null; hostName?: string | null } = {},
): string {
  // A bot seated with no name (an exhibition's) is PGN's unknown name, its BlackType or WhiteType 'program'.
  const opponent = game.opponent || '?';
  const host = hostName || HOST_NAME;
  const white = game.hostColor === 'w' ? host : opponent;
  const black = game.hostColor === 'w' ? opponent : host;
  const tags: [string, string][] = [
    ['Event', event || '?'],
    ['Site', site || '?'],
    ['Date', pgnDate(game.startedAt)],
    // A rematch's game is a sub-round of its board's: "3.2" for board 3's second game.
    ['Round', game.game === 1 ? String(game.board) : `${game.board}.${game.game}`],
    ['White', white],
    ['Black', black],
    ['Result', resultOf(game)],
    ['TimeControl', timeControl(clock)],
    ['Termination', terminationOf(game)],
    ...sideTimeControls(clock, game.hostColor),
  ];
  // A game from a position (PGN standard 9.7): SetUp and the position's FEN.
  if (game.fen) tags.push(['SetUp', '1'], ['FEN', game.fen]);
  if (hostIsBot || game.opponentIsBot) {
    const hostType = playerType(hostIsBot);
    const opponentType = playerType(game.opponentIsBot);
    tags.push(['WhiteType', game.hostColor === 'w' ? hostType : opponentType], ['BlackType', game.hostColor === 'w' ? opponentType : hostType]);
  }
  // Not a PGN standard tag (any may be added): an exhibition's times, %emt too, are simulated.
  if (exhibition) tags.push(['SimulatedClock', exhibition.speed === 'max' ? 'as fast as it went' : `${exhibition.speed}x`]);
  const header = tags.map(([name, value]) => `[${name} "${pgnString(value)}"]`).join('\n');
  return `${header}\n\n${wrap(movetextTokens(game))}\n`;
}

/**
 * All games of a simul as one PGN file: one game per board whose game started (boards
 * never started are skipped), in table order, separated by a blank line. Event is the
 * simul's title, Round the board number, the host is named as the teacher named it at the
 * creation, else "Host".
 */
export function simulPgn(events: SimulEvent[], site: string): string {
  const simul = readGames(events);
  return simul.games
    .map((game) => gamePgn(game, simul.title ?? '', site, { hostIsBot: simul.hostIsBot, clock: simul.clock, exhibition: simul.exhibition, hostName: simul.hostName }))
    .join('\n');
}
