// The games of a simul as the exports need them: who sat where, when each game began, every
// move with the time its mover took, and how the game ended. A board has several games once
// it is rematched; a game's moves are its line as finally played (a takeback's moves left
// out), while the list of every move keeps them all. Pure and browser-safe.
import { readStates } from '../metrics/states';
import { clocksAfterMoves } from '../simul/clocks';
import type { AbortReason, ClockSettings, Color, EndReason, Exhibition, Mode, Result, Side, SimulEvent } from '../simul/types';

interface ExportMove {
  board: number;
  /** The board's game: 1, then one more with each rematch. */
  game: number;
  /** 1-based half-move number within the game's line when the move was made. */
  ply: number;
  /** The move number PGN gives it (from the start position's number). */
  moveNumber: number;
  by: Side;
  color: Color;
  san: string;
  /** Server time of the move (ms). */
  at: number;
  /** The time the mover took: at minus when it got the move (the previous move, the game's start or a takeback), less any pause. */
  elapsed: number;
  /** In a simul with clocks: the mover's time left after the move (the increment added). */
  clock: number | null;
  /** A takeback took it back: not in its game's line. */
  takenBack: boolean;
  /** A bot made it: the host's or a seated one, or one the host handed an away student's side to (bot-took-over). */
  byBot: boolean;
  /** The first move of a bot playing for an away student, on its board's game (the PGN says so there). */
  standInFrom: boolean;
}

type ExportGameStatus = 'playing' | 'finished' | 'aborted';

export interface ExportGame {
  board: number;
  /** The board's game: 1, then one more with each rematch. */
  game: number;
  hostColor: Color;
  /** The start position (FEN), when not the initial position. */
  fen: string | null;
  /** The opponent's display name at the start (null only if the log never seated one). */
  opponent: string | null;
  /** Whether a bot played the opponent's side. */
  opponentIsBot: boolean;
  startedAt: number;
  status: ExportGameStatus;
  result: Result | null;
  /** How the game ended, or why it stayed unfinished. */
  reason: EndReason | AbortReason | null;
  /** Who resigned, for a resignation. */
  resignedBy: Side | null;
  /** Takebacks accepted in this game. */
  takebacks: number;
  /** The colour to move in the start position. */
  startColor: Color;
  /** The line as finally played. */
  moves: ExportMove[];
}

interface ExportSimul {
  simulId: string | null;
  title: string | null;
  /** The name the teacher gave the host at the creation; null: "Host". */
  hostName: string | null;
  mode: Mode | null;
  /** Whether a bot played the host's side. */
  hostIsBot: boolean;
  /** The clocks, in a simul with clocks. */
  clock: ClockSettings | null;
  /** Set for an exhibition: its times are simulated. */
  exhibition: Exhibition | null;
  /** Games that started, by table and then game. Boards whose game never began are left out. */
  games: ExportGame[];
  /** Every move in log order, taken-back ones included. */
  moves: ExportMove[];
}

/** The boards whose seat holds a bot when the log ends (seats change only before the start). */
function botSeats(events: readonly SimulEvent[]): Set<number> {
  const bots = new Set<number>();
  for (const e of events) {
    if (e.type === 'seat-taken' && e.bot) bots.add(e.board);
    else if (e.type === 'seat-taken' || e.type === 'seat-freed') bots.delete(e.board);
  }
  return bots;
}

/**
 * For each move of the log, in order: whether a bot the host handed the student's side to made
 * it (between bot-took-over and bot-handed-back on its board), and whether it was that bot's first.
 */
function standInMoves(events: readonly SimulEvent[]): { byBot: boolean; first: boolean }[] {
  const playing = new Map<number, boolean>(); // board → the bot has not moved yet
  const marks: { byBot: boolean; first: boolean }[] = [];
  for (const e of events) {
    if (e.type === 'bot-took-over') playing.set(e.board, true);
    else if (e.type === 'bot-handed-back' || e.type === 'seat-freed') playing.delete(e.board);
    else if (e.type === 'move-made') {
      const fresh = playing.get(e.board);
      const byBot = e.by === 'opponent' && fresh !== undefined;
      marks.push({ byBot, first: byBot && fresh === true });
      if (byBot) playing.set(e.board, false);
    }
  }
  return marks;
}

/** The colour to move and the move number in a start position. */
function startOf(fen: string | null): { color: Color; number: number } {
  if (!fen) return { color: 'w', number: 1 };
  const [, side, , , , number] = fen.split(' ');
  return { color: side === 'b' ? 'b' : 'w', number: Math.max(1, Number(number) || 1) };
}

/** The games as the exports need them, from the same reading of the log as the dashboard's. */
export function readGames(events: readonly SimulEvent[]): ExportSimul {
  const created = events.find((e) => e.type === 'simul-created');
  const header = created?.type === 'simul-created' ? created : null;
  const states = readStates(events);
  const bots = botSeats(events);
  const clocks = clocksAfterMoves(events);
  const games = new Map<string, ExportGame>();
  const key = (board: number, game: number) => `${board}.${game}`;
  for (const b of states?.boards ?? []) {
    for (const g of b.games) {
      if (g.startedAt === null) continue; // never began: nothing to export
      games.set(key(b.board, g.game), {
        board: b.board,
        game: g.game,
        hostColor: g.hostColor,
        fen: g.fen,
        opponent: b.opponent,
        opponentIsBot: bots.has(b.board),
        startedAt: g.startedAt,
        status: g.status === 'queued' ? 'playing' : g.status,
        result: g.result,
        reason: g.reason,
        resignedBy: g.resignedBy,
        takebacks: g.takebacks,
        startColor: startOf(g.fen).color,
        moves: [],
      });
    }
  }
  const moves: ExportMove[] = [];
  const seen = new Map<number, number>(); // moves so far per board, for its clocks
  // The log's moves, in its order, as states.moves holds them.
  const standIns = standInMoves(events);
  for (const [i, m] of (states?.moves ?? []).entries()) {
    const index = seen.get(m.board) ?? 0;
    seen.set(m.board, index + 1);
    const game = games.get(key(m.board, m.game));
    if (!game) continue;
    const start = startOf(game.fen);
    // Half-moves from the start: the side to move there makes the odd plies.
    const halfMoves = m.ply - 1 + (start.color === 'b' ? 1 : 0);
    const move: ExportMove = {
      board: m.board,
      game: m.game,
      ply: m.ply,
      moveNumber: start.number + Math.floor(halfMoves / 2),
      by: m.by,
      color: halfMoves % 2 === 0 ? 'w' : 'b',
      san: m.san,
      at: m.at,
      elapsed: Math.max(0, m.at - m.since - m.paused),
      clock: clocks.get(m.board)?.[index] ?? null,
      takenBack: m.takenBack,
      byBot: m.by === 'host' ? Boolean(header?.hostBot) : game.opponentIsBot || (standIns[i]?.byBot ?? false),
      standInFrom: standIns[i]?.first ?? false,
    };
    if (!m.takenBack) game.moves.push(move);
    moves.push(move);
  }
  return {
    simulId: header?.simulId ?? null,
    title: header?.title ?? null,
    hostName: header?.hostName ?? null,
    mode: header?.mode ?? null,
    hostIsBot: Boolean(header?.hostBot),
    clock: header?.clock ?? null,
    exhibition: header?.exhibition ?? null,
    games: [...games.values()].sort((x, y) => x.board - y.board || x.game - y.game),
    moves,
  };
}
