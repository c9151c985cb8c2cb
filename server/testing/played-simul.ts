// A simul with many games under way, played through the server's own rooms (the same decide,
// fold and store as a real one): for benchmarks and tests that need a big log quickly.
import { sideToMove } from '../../lib/simul/queries';
import type { HostColorChoice } from '../../lib/simul/types';
import type { SimulHub } from '../room/simul-hub';

/**
 * Creates a simul on `hub`, seats `boards` opponents, starts it and plays `plies` plies on every
 * board (legal moves picked by a fixed rule, so the same log every time). Returns the simul's id
 * and host key.
 */
export async function playSimul(
  hub: SimulHub,
  opts: { boards: number; plies: number; title?: string; hostColor?: HostColorChoice },
): Promise<{ simulId: string; hostKey: string }> {
  const { simulId, hostKey } = await hub.create({
    title: opts.title ?? 'Played simul',
    boards: opts.boards,
    hostColor: opts.hostColor ?? 'white',
    mode: 'async',
  });
  const room = hub.get(simulId)!;
  for (let b = 0; b < opts.boards; b++) {
    await room.dispatch({ role: 'spectator' }, { type: 'join', name: `P${b}`, playerId: `p${b}` });
  }
  await room.dispatch({ role: 'host' }, { type: 'start' });
  for (let ply = 0; ply < opts.plies; ply++) {
    for (const n of room.state.order) {
      const board = room.state.boards.get(n)!;
      if (board.status !== 'playing') continue;
      const legal = board.chess.moves({ verbose: true });
      const move = legal[(ply * 7 + n) % legal.length];
      const actor = sideToMove(board) === 'host' ? { role: 'host' as const } : { role: 'opponent' as const, board: n };
      await room.dispatch(actor, { type: 'move', board: n, from: move.from, to: move.to, promotion: 'q', clientMoveId: `${n}-${ply}` });
    }
  }
  return { simulId, hostKey };
}
