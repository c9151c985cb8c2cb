// The seats still free: apart from the other queries (queries.ts), so that the phone's join form
// carries none of the chess rules those need.
import type { SimulState } from './types';

/** Tables 1 to boardCount nobody sits at: in the lobby the free seats, after the start where a late joiner may sit. */
export function freeSeats(state: SimulState): number[] {
  const free: number[] = [];
  for (let n = 1; n <= state.boardCount; n++) if (!state.boards.get(n)?.opponent) free.push(n);
  return free;
}
