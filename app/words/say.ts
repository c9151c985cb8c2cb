// How sentences are put together from one language's words: which result a reader is told,
// how a move is spoken, how a simul's clocks are named. The same for every language; the words
// come from the table passed in (en.ts, es.ts).
import type { Problem } from '@/lib/client/simul-connection';
import { formatDuration } from '@/lib/metrics/format';
import type { AbortReason, BoardStatus, ClockSettings, Color, EndReason, Mode, Result } from '@/lib/simul/types';
import type { Words } from './en';

/**
 * A seat's name as a reader sees it: the name it was given, or, for a bot seated with none (the
 * server's exhibitions name none in the log), "Bot 3" in the reader's words. Null for an empty seat.
 */
export function seatedName(w: Words, board: number, opponent: { name: string } | null | undefined): string | null {
  if (!opponent) return null;
  return opponent.name || w.bots.name(board);
}

/**
 * A simul's title as a reader sees it: an exhibition's is worded by its mode, in the reader's
 * language (the server writes none in the log; an older log's English one is not shown).
 */
export function simulTitle(w: Words, simul: { title: string; mode: Mode; exhibition?: unknown }): string {
  return simul.exhibition ? w.exhibition.title(simul.mode) : simul.title;
}

/** A refusal, or a problem the page found itself, as a sentence. */
export function refusalText(w: Words, problem: Problem): string {
  // Each code's sentence takes that code's params: the union of codes loses the pairing.
  const sentence = w.refusals[problem.code] as (params: unknown) => string;
  return sentence('params' in problem ? problem.params : undefined);
}

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

/** The usual notation, with a real half for the draw. */
const NOTATION: Record<Result, string> = { '1-0': '1-0', '0-1': '0-1', '1/2-1/2': '½-½' };

/** A result as its reader says it: `word` ("You won", "1-0", "Unfinished") and `how` it came. */
export function resultWords(w: Words, board: ResultOf, reader: Reader): { word: string; how: string } | null {
  const r = w.results;
  if (board.status === 'aborted') {
    return { word: r.unfinished, how: r.unfinishedWhy[board.endReason === 'simul-ended' ? 'simul-ended' : 'host-aborted'] };
  }
  if (board.status !== 'finished' || !board.result) return null;
  const hostScore = board.result === '1/2-1/2' ? 0.5 : (board.result === '1-0') === (board.hostColor === 'w') ? 1 : 0;
  // Who is "you", and how the others are named, for this reader.
  const mine = reader.role === 'student' && reader.board === board.number;
  const hostName = reader.role === 'host' ? r.you : r.theHost;
  const studentName = mine ? r.you : board.name || r.theStudent;
  let word: string;
  if (reader.role === 'projector') word = NOTATION[board.result];
  else if (hostScore === 0.5) word = r.draw;
  else if (reader.role === 'host') word = hostScore === 1 ? r.youWon : r.youLost;
  else if (mine) word = hostScore === 1 ? r.youLost : r.youWon;
  else word = hostScore === 1 ? r.hostWon : r.hostLost;
  const reason = board.endReason as EndReason | null;
  const how = reason === 'resignation' ? r.resigned(hostScore === 1 ? studentName : hostName) : reason ? r.endReason[reason] : '';
  return { word, how };
}

/** "You won: checkmate.", "Unfinished: the host aborted the game." */
export function resultSentence(w: Words, board: ResultOf, reader: Reader): string | null {
  const words = resultWords(w, board, reader);
  return words && w.results.sentence(words.word, words.how);
}

/** A move in SAN as a screen reader should say it: "Nxf3+" is "knight takes f3, check". */
export function spokenMove(w: Words, san: string): string {
  const m = w.moves;
  const mark = san.endsWith('#') ? m.checkmate : san.endsWith('+') ? m.check : '';
  if (san.startsWith('O-O-O')) return `${m.castlesQueenside}${mark}`;
  if (san.startsWith('O-O')) return `${m.castlesKingside}${mark}`;
  const parts = /^([KQRBN])?([a-h]?[1-8]?)(x)?([a-h][1-8])(?:=([QRBN]))?[+#]?$/.exec(san);
  if (!parts) return san;
  const [, piece, from, takes, to, promotion] = parts;
  const who = `${m.pieces[(piece ?? 'P') as 'P']}${from ? ` ${from}` : ''}`;
  return `${m.move(who, Boolean(takes), to)}${promotion ? m.promotes(m.pieces[promotion as 'Q']) : ''}${mark}`;
}

/** A piece by its type ("wN"), in words: "white knight". */
export function pieceName(w: Words, pieceType: string): string {
  return w.moves.piece(pieceType[0] === 'w', w.moves.pieces[pieceType[1] as 'P'] ?? w.moves.pieces.P);
}

/** "5 min", "3 s", else as durations read. */
function amount(w: Words, ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? w.settings.minutes(ms / 60_000) : formatDuration(ms);
}

/** A simul's clocks as every screen names them. */
export function clockSettingsText(w: Words, clock: ClockSettings | null): string {
  if (!clock) return w.settings.noClocks;
  return w.settings.clocks(
    amount(w, clock.initialMs),
    clock.incrementMs > 0 ? amount(w, clock.incrementMs) : null,
    clock.hostExtraMs > 0 ? amount(w, clock.hostExtraMs) : null,
  );
}

/** What the dashboard's figures mean, said in plain words beside them. */
interface StoryFigures {
  mode: 'async' | 'sync';
  running: boolean;
  idle: number;
  utilization: number;
  /** Each student's time waiting for the host (boards with an opponent who moved). */
  studentWaits: number[];
  actualTotal: number;
  /** The other schedule's total; null before the first move. */
  projectedTotal: number | null;
}

export function dashboardStory(w: Words, f: StoryFigures): string[] {
  const d = w.dashboard;
  const said: string[] = [];
  // Nothing has taken any time yet: nothing to say.
  if (f.utilization === 0 && f.idle === 0) return said;
  said.push(
    f.idle < 1000 ? d.neverWaited(f.running) : d.waitedInAll(formatDuration(f.idle), f.running, Math.round(f.utilization * 100)),
  );
  if (f.studentWaits.length > 0) {
    const sorted = [...f.studentWaits].sort((a, b) => a - b);
    const mean = sorted.reduce((s, t) => s + t, 0) / sorted.length;
    const several = sorted.length > 1;
    said.push(
      d.studentsWaited(
        formatDuration(mean),
        f.running,
        several ? formatDuration(sorted[0]) : null,
        several ? formatDuration(sorted[sorted.length - 1]) : null,
      ),
    );
  }
  if (f.projectedTotal !== null) {
    said.push(d.otherSchedule(f.mode, formatDuration(f.projectedTotal), f.running, formatDuration(f.actualTotal)));
  }
  return said;
}

/** The results table's column headers, in order (the clocks' column only when the simul had clocks). */
export function resultHeaders(w: Words, clocks: boolean): string[] {
  const t = w.resultsTable;
  return [t.board, t.opponent, t.hostPlays, t.result, t.how, ...(clocks ? [t.finalClocks] : []), t.moves];
}
