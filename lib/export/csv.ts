// Every move's timing as CSV (RFC 4180: comma-separated, CRLF line ends, a header row,
// fields quoted when they hold a comma, quote or line break, quotes doubled). Pure and
// browser-safe.
import { simulMetrics } from '../metrics';
import type { SimulEvent } from '../simul/types';
import { readGames } from './games';

export const MOVE_TIMINGS_COLUMNS = [
  'board',
  'opponent',
  'ply',
  'side',
  'color',
  'san',
  'at',
  'elapsed_ms',
  'think_ms',
  'mover_type',
  'clock',
  'game',
  'taken_back',
] as const;

/** One RFC 4180 field. */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** What a spreadsheet may read as the start of a formula: = + - @, tab, CR and LF. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * Free text typed by people (names) that a spreadsheet would read as a formula gets a
 * leading apostrophe (the usual CSV-injection guard): "=1+1" is written "'=1+1". The
 * full-width and small forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫), which some spreadsheets take as the
 * ASCII ones, are caught too: NFKC folds them to ASCII.
 */
export function safeText(text: string): string {
  return FORMULA_START.test(text.normalize('NFKC')) ? `'${text}` : text;
}

function csvRow(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

/**
 * One row per move, in log order: board, opponent (display name), ply (1-based, per
 * board), side (host/opponent), color (white/black), san, at (ISO 8601, UTC),
 * elapsed_ms (the time since the previous move on that board, or since the game's
 * start), think_ms (the dashboard's think time, METRICS "Per move": for the host,
 * the busy part since its previous move on any board; for an opponent, the same as
 * elapsed_ms), mover_type (who made the move: "program" for a bot, "human" for a person,
 * as PGN's WhiteType/BlackType say it), clock ("simulated" for an exhibition, whose times
 * are on its simulated clock; "real" otherwise), game (the board's game: 1, then one more with
 * each rematch) and taken_back ("yes" for a move a takeback took back; it stays in the timings). A header row first; every line ends with CRLF.
 */
export function moveTimingsCsv(events: SimulEvent[]): string {
  const simul = readGames(events);
  const names = new Map(simul.games.map((g) => [g.board, g.opponent]));
  const thinks = simulMetrics(events)?.moves ?? [];
  const lines = [csvRow(MOVE_TIMINGS_COLUMNS)];
  // Both lists come from one reading of the log (metrics/states.ts): the same moves in the same order.
  simul.moves.forEach((move, i) => {
    lines.push(
      csvRow([
        move.board,
        safeText(names.get(move.board) ?? ''),
        move.ply,
        move.by,
        move.color === 'w' ? 'white' : 'black',
        move.san,
        new Date(move.at).toISOString(),
        move.elapsed,
        Math.round(thinks[i].think),
        move.byBot ? 'program' : 'human',
        simul.exhibition ? 'simulated' : 'real',
        move.game,
        move.takenBack ? 'yes' : 'no',
      ]),
    );
  });
  return lines.map((line) => `${line}\r\n`).join('');
}
