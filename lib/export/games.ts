// The games of a simul as the exports need them, read from the event log alone: who sat
// where, when each game began, every move with the time its mover took, and how the game
// ended. Pure and browser-safe.
import { hostColorOf } from '../simul/queries';
import type { Color, EndReason, HostColorChoice, Mode, Result, Side, SimulEvent } from '../simul/types';

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
}

export type ExportGameStatus = 'playing' | 'finished' | 'aborted';

export interface ExportGame {
  board: number;
  hostColor: Color;
  /** The opponent's display name at the start (null only if the log never seated one). */
  opponent: string | null;
  startedAt: number;
  status: ExportGameStatus;
  result: Result | null;
  reason: EndReason | null;
  /** Who resigned, for a resignation. */
  resignedBy: Side | null;
  moves: ExportMove[];
}

export interface ExportSimul {
  simulId: string | null;
  title: string | null;
  mode: Mode | null;
  /** Games that started, in table order. Boards whose game never began are left out. */
  games: ExportGame[];
  /** Every move in log order. */
  moves: ExportMove[];
}

/** Reads the log once (events in log order, as stored). */
export function readGames(events: readonly SimulEvent[]): ExportSimul {
  let simulId: string | null = null;
  let title: string | null = null;
  let mode: Mode | null = null;
  let hostColor: HostColorChoice = 'white';
  const names = new Map<number, string>();
  const games = new Map<number, ExportGame>();
  /** Per board: the game's start or its latest move. */
  const lastAt = new Map<number, number>();
  const moves: ExportMove[] = [];

  for (const e of events) {
    switch (e.type) {
      case 'simul-created':
        simulId = e.simulId;
        title = e.title;
        mode = e.mode;
        hostColor = e.hostColor;
        break;
      case 'seat-taken':
        names.set(e.board, e.name);
        break;
      case 'seat-freed':
        names.delete(e.board);
        break;
      case 'game-started':
        games.set(e.board, {
          board: e.board,
          hostColor: hostColorOf(hostColor, e.board),
          opponent: names.get(e.board) ?? null,
          startedAt: e.at,
          status: 'playing',
          result: null,
          reason: null,
          resignedBy: null,
          moves: [],
        });
        lastAt.set(e.board, e.at);
        break;
      case 'move-made': {
        const game = games.get(e.board);
        if (!game) break;
        const ply = game.moves.length + 1;
        // Every game starts from the initial position: white makes the odd plies.
        const color: Color = ply % 2 === 1 ? 'w' : 'b';
        const move: ExportMove = {
          board: e.board,
          ply,
          by: e.by,
          color,
          san: e.san,
          at: e.at,
          elapsed: Math.max(0, e.at - (lastAt.get(e.board) ?? game.startedAt)),
        };
        lastAt.set(e.board, e.at);
        game.moves.push(move);
        moves.push(move);
        break;
      }
      case 'game-ended': {
        const game = games.get(e.board);
        if (!game) break;
        game.status = 'finished';
        game.result = e.result;
        game.reason = e.reason;
        game.resignedBy = e.reason === 'resignation' ? (e.by ?? null) : null;
        break;
      }
      case 'game-aborted': {
        const game = games.get(e.board);
        if (game && game.status === 'playing') game.status = 'aborted';
        break;
      }
      default:
        break;
    }
  }

  const ordered = [...games.values()].sort((a, b) => a.board - b.board);
  return { simulId, title, mode, games: ordered, moves };
}
