// The games of a simul as the exports need them: who sat where, when each game began, every
// move with the time its mover took, and how the game ended. Pure and browser-safe.
import { readStates } from '../metrics/states';
import { clocksAfterMoves } from '../simul/clocks';
import type { AbortReason, ClockSettings, Color, EndReason, Exhibition, Mode, Result, Side, SimulEvent } from '../simul/types';

export interface ExportMove {
  board: number;
  /** 1-based half-move number within the board's game. */
  ply: number;
  by: Side;
  color: Color;
  san: string;
  /** Server time of the move (ms). */
  at: number;
  /** The time the mover took: at minus the previous move on this board, or minus the game's start. */
  elapsed: number;
  /** In a simul with clocks: the mover's time left after the move (the increment added). */
  clock: number | null;
}

export type ExportGameStatus = 'playing' | 'finished' | 'aborted';

export interface ExportGame {
  board: number;
  hostColor: Color;
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
  moves: ExportMove[];
}

export interface ExportSimul {
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
  /** Games that started, in table order. Boards whose game never began are left out. */
  games: ExportGame[];
  /** Every move in log order. */
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

/** The games as the exports need them, from the same reading of the log as the dashboard's. */
export function readGames(events: readonly SimulEvent[]): ExportSimul {
  const created = events.find((e) => e.type === 'simul-created');
  const header = created?.type === 'simul-created' ? created : null;
  const states = readStates(events);
  const bots = botSeats(events);
  const clocks = clocksAfterMoves(events);
  const games = new Map<number, ExportGame>();
  for (const b of states?.boards ?? []) {
    if (b.startedAt === null) continue; // never began: nothing to export
    games.set(b.board, {
      board: b.board,
      hostColor: b.hostColor,
      opponent: b.opponent,
      opponentIsBot: bots.has(b.board),
      startedAt: b.startedAt,
      status: b.status === 'queued' ? 'playing' : b.status,
      result: b.result,
      reason: b.reason,
      resignedBy: b.resignedBy,
      moves: [],
    });
  }
  const moves: ExportMove[] = [];
  for (const m of states?.moves ?? []) {
    const game = games.get(m.board);
    if (!game) continue;
    const ply = game.moves.length + 1;
    // Every game starts from the initial position: white makes the odd plies.
    const move: ExportMove = {
      board: m.board,
      ply,
      by: m.by,
      color: ply % 2 === 1 ? 'w' : 'b',
      san: m.san,
      at: m.at,
      elapsed: Math.max(0, m.at - m.since),
      clock: clocks.get(m.board)?.[ply - 1] ?? null,
    };
    game.moves.push(move);
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
    games: [...games.values()].sort((x, y) => x.board - y.board),
    moves,
  };
}
