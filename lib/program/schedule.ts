// What the program is run with: each board's recorded think times (the ones the other mode's
// projection replays), in seconds, as the JSON the program reads on stdin.
import { MetricsFold } from '../metrics/metrics-fold';
import { boardThinks } from '../metrics/projection';
import type { SimulEvent } from '../simul/types';

/** One host move: the opponent's think before the board awaits the host, then the host's think (s). */
export type ProgramMove = [opponentThinks: number, hostThinks: number];
export type ProgramBoard = [table: number, moves: ProgramMove[]];

/**
 * The boards in the rotation order, for the program's stdin; `scale` shortens every time. With
 * the host to move first the first wait is nothing; a late joiner's (async) is its join's time
 * after the start. An opponent's last move, with no host move after it, moves no host.
 */
export function programBoards(events: readonly SimulEvent[], scale = 1): ProgramBoard[] {
  const fold = new MetricsFold();
  for (const e of events) fold.add(e);
  const metrics = fold.at();
  if (!metrics) return [];
  const seconds = (ms: number) => (ms * scale) / 1000;
  const startedAt = new Map(metrics.boards.map((b) => [b.board, b.startedAt]));
  return boardThinks(metrics.boards, metrics.moves).map((b) => {
    // A sync game waits for the one before it (the program's loop), not for its join.
    const joins = metrics.mode === 'async' ? (startedAt.get(b.board) ?? metrics.start) - metrics.start : 0;
    const thinks = b.first === 'host' ? [0, ...b.thinks] : [...b.thinks];
    thinks[0] += joins;
    const moves: ProgramMove[] = [];
    for (let i = 0; i + 1 < thinks.length; i += 2) moves.push([seconds(thinks[i]), seconds(thinks[i + 1])]);
    return [b.board, moves];
  });
}

/** The boards of the host's moves, in the log's order: what the program prints, a line each. */
export function hostMoveOrder(events: readonly SimulEvent[]): number[] {
  return events.flatMap((e) => (e.type === 'move-made' && e.by === 'host' ? [e.board] : []));
}
