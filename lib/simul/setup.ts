// A new simul's settings that need more than their form checked: its start positions and its
// rotation. The server checks them before it creates the simul; the create form before it sends.
import { checkPosition } from '../chess/positions';
import { rejection } from './rejection';
import type { ClockSettings, Rejection, Rotation } from './types';

interface SetupInput {
  boards: number;
  clock?: ClockSettings;
  rotation?: Rotation;
  startFen?: string;
  boardFens?: Record<string, string>;
}

interface CheckedSetup {
  rotation?: Rotation;
  startFen?: string;
  boardFens?: Record<number, string>;
}

/**
 * The settings as the log records them (each FEN as chess.js writes it; the initial position's
 * table-order rotation left out), or the first thing wrong with them.
 */
export function checkSetup(input: SetupInput): { ok: true; setup: CheckedSetup } | { ok: false; error: Rejection } {
  const setup: CheckedSetup = {};
  if (input.rotation === 'most-urgent' && !input.clock) return { ok: false, error: rejection('rotation-needs-clocks') };
  if (input.rotation && input.rotation !== 'table-order') setup.rotation = input.rotation;
  if (input.startFen !== undefined && input.startFen.trim() !== '') {
    const checked = checkPosition(input.startFen);
    if (!checked.ok) return { ok: false, error: rejection('position-invalid', { problem: checked.problem }) };
    setup.startFen = checked.fen;
  }
  const boardFens: Record<number, string> = {};
  for (const [key, fen] of Object.entries(input.boardFens ?? {})) {
    const board = Number(key);
    if (!Number.isInteger(board) || board < 1 || board > input.boards) return { ok: false, error: rejection('unknown-board', { board }) };
    if (fen.trim() === '') continue;
    const checked = checkPosition(fen);
    if (!checked.ok) return { ok: false, error: rejection('position-invalid', { problem: checked.problem, board }) };
    boardFens[board] = checked.fen;
  }
  if (Object.keys(boardFens).length > 0) setup.boardFens = boardFens;
  return { ok: true, setup };
}
