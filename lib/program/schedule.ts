// What the program is run with: each board's recorded waits and the host's think times, in
// seconds, as the JSON the program reads on stdin, with the simul's rule and the host's clock.
import { readStates, type Interval } from '../metrics/states';
import type { Rotation, SimulEvent } from '../simul/types';

/** One host move: how long the board awaited its opponent before it awaited the host, then the host's think (s). */
type ProgramMove = [opponentThinks: number, hostThinks: number];
/** A board and its games, each the host's moves in it. */
type ProgramBoard = [table: number, games: ProgramMove[][]];
/** One game, played to its end before the next (sync). */
type ProgramGame = [table: number, moves: ProgramMove[]];

export type ProgramInput =
  | { rule: Rotation; clock: [hostStarts: number, increment: number] | null; boards: ProgramBoard[] }
  | { games: ProgramGame[] };

/** The part of (from, to] the class was paused. */
function pausedIn(pauses: readonly Interval[], from: number, to: number): number {
  let sum = 0;
  for (const p of pauses) sum += Math.max(0, Math.min(to, p.to) - Math.max(from, p.from));
  return sum;
}

/**
 * The program's input, from the log; `scale` shortens every time. Each host move is the wait
 * before it, from the host's previous move on that board (async: or the simul's start, so a late
 * joiner's first wait is its join; sync: or its game's start, the loop reaching it), to the
 * moment the board got the host's move; and the host's think, from then or from its previous
 * move (on any board) if that came later, to the move; both less the pauses between. A move
 * later taken back was made, and counts; an opponent's last move, with no host move after it,
 * moves no host.
 */
export function programInput(events: readonly SimulEvent[], scale = 1): ProgramInput {
  const states = readStates(events);
  const seconds = (ms: number) => (ms * scale) / 1000;
  if (!states) return { games: [] };
  // Each board's games, each its host moves; and where each board's next wait is counted from.
  const games = new Map(states.boards.map((b) => [b.board, b.games.map((): ProgramMove[] => [])]));
  const from = new Map<string, number>();
  let hostFree = states.start;
  const key = (board: number, game: number) => (states.mode === 'sync' ? `${board}/${game}` : `${board}`);
  for (const mv of states.moves) {
    if (mv.by !== 'host') continue;
    const record = states.boards.find((b) => b.board === mv.board)!;
    const k = key(mv.board, mv.game);
    const since = from.get(k) ?? (states.mode === 'sync' ? record.games[mv.game - 1].startedAt! : states.start);
    const began = Math.max(hostFree, mv.since);
    const wait = mv.since - since - pausedIn(states.pauses, since, mv.since);
    games.get(mv.board)![mv.game - 1].push([seconds(wait), seconds(mv.at - began - pausedIn(states.pauses, began, mv.at))]);
    from.set(k, mv.at);
    hostFree = mv.at;
  }
  if (states.mode === 'sync') {
    // One game after another, in the order they began.
    const played = states.boards.flatMap((b) => b.games.flatMap((g, i) => (g.startedAt === null ? [] : [{ table: b.board, at: g.startedAt, moves: games.get(b.board)![i] }])));
    played.sort((a, b) => a.at - b.at);
    return { games: played.map((g): ProgramGame => [g.table, g.moves]) };
  }
  const created = events.find((e) => e.type === 'simul-created');
  const clock = created?.type === 'simul-created' ? created.clock : undefined;
  return {
    rule: (created?.type === 'simul-created' && created.rotation) || 'table-order',
    clock: clock ? [seconds(clock.initialMs + clock.hostExtraMs), seconds(clock.incrementMs)] : null,
    boards: states.boards.map((b): ProgramBoard => [b.board, games.get(b.board)!]),
  };
}

/** The boards of the host's moves, in the log's order: what the program prints, a line each. */
export function hostMoveOrder(events: readonly SimulEvent[]): number[] {
  return events.flatMap((e) => (e.type === 'move-made' && e.by === 'host' ? [e.board] : []));
}
