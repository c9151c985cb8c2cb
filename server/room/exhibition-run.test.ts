// An exhibition's simul runs on a simulated clock of its own, advanced by its run from one
// timer to the next: events carry simulated time, games are agreed drawn after the move pairs,
// the run keeps behind real time × speed, and a simul loaded again goes on from its last event.
import { describe, expect, it, vi } from 'vitest';
import { ManualClock, realClock } from './simul-time';
import { CommitQueue } from '../store/commit-queue';
import { ExhibitionRun, UNWATCHED_MS } from './exhibition-run';
import { SimulHub } from './simul-hub';
import { SimulRoom } from './simul-room';
import { MemoryEventStore } from '../store/memory-store';
import type { SimulEvent } from '../../lib/simul/types';

const T0 = 1_700_000_000_000;
const MOVES = [
  ['e2', 'e4'],
  ['e7', 'e5'],
  ['g1', 'f3'],
  ['b8', 'c6'],
  ['f1', 'c4'],
  ['g8', 'f6'],
];

/**
 * Players for the test: the host moves 5 s after it gets the move, the opponent 55 s after,
 * each on the room's clock, as bots do. Only what the test needs: one board, fixed moves.
 */
function scriptedPlayers(room: SimulRoom): void {
  const board = room.state.boards.get(1)!;
  const next = () => {
    if (board.status !== 'playing') return;
    const ply = board.moveCount;
    const host = ply % 2 === 0;
    const [from, to] = MOVES[ply];
    room.clock.at(board.turnSince! + (host ? 5_000 : 55_000), () => {
      void room.dispatch(host ? { role: 'host' } : { role: 'opponent', board: 1 }, { type: 'move', board: 1, from, to, clientMoveId: `p${ply}` }).then(next);
    });
  };
  next();
}

async function exhibitionHub(speed: number | 'max', movePairs: number) {
  const store = new MemoryEventStore();
  const hub = new SimulHub(store, realClock(() => T0));
  const { simulId } = await hub.create(
    { title: 'Exhibition', boards: 1, hostColor: 'white', mode: 'async' },
    { exhibition: { simulId: 'exhibitiona', speed, movePairs, pair: 'exhibitionb' } },
  );
  return { store, hub, simulId };
}

describe('an exhibition on its own simulated clock', () => {
  it('plays on simulated time as fast as it goes, ends each game after the move pairs, then stops its clock', async () => {
    const { hub, simulId } = await exhibitionHub('max', 2);
    const room = (await hub.open(simulId))!;
    expect(room.clock).toBeInstanceOf(ManualClock);
    expect(room.state.exhibition).toEqual({ speed: 'max', movePairs: 2, pair: 'exhibitionb' });
    await room.dispatch({ role: 'spectator' }, { type: 'join', name: 'Ada', playerId: 'a' });
    await room.dispatch({ role: 'host' }, { type: 'start' });
    expect(hub.isRunning(simulId)).toBe(true);
    scriptedPlayers(room);

    await vi.waitFor(() => expect(room.state.phase).toBe('finished'), { timeout: 60_000 });
    const timed = (e: SimulEvent) => [e.type, e.at - T0];
    expect(room.log.slice(3).map(timed)).toEqual([
      ['game-started', 0],
      ['move-made', 5_000],
      ['move-made', 60_000],
      ['move-made', 65_000],
      ['move-made', 120_000],
      ['game-ended', 120_000],
      ['simul-finished', 120_000],
    ]);
    expect(room.log.find((e) => e.type === 'game-ended')).toMatchObject({ result: '1/2-1/2', reason: 'draw-agreed', movePairs: 2 });
    await vi.waitFor(() => expect(hub.isRunning(simulId)).toBe(false), { timeout: 60_000 });
    expect(room.state.endedEarly).toBe(false);
  });

  it('goes on after a restart from its last event, on a new clock at that time', async () => {
    const { store, hub, simulId } = await exhibitionHub('max', 3);
    const room = (await hub.open(simulId))!;
    await room.dispatch({ role: 'spectator' }, { type: 'join', name: 'Ada', playerId: 'a' });
    await room.dispatch({ role: 'host' }, { type: 'start' });
    await room.dispatch({ role: 'host' }, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'p0' });
    hub.stopExhibitions();
    // The server stops; another loads what the store holds.
    const again = new SimulHub(store, realClock(() => T0 + 3600_000));
    expect(await again.loadUnfinished()).toBe(1);
    const reloaded = again.get(simulId)!;
    expect(reloaded.clock.now()).toBe(T0);
    expect(again.isRunning(simulId)).toBe(true);
    scriptedPlayers(reloaded);
    await vi.waitFor(() => expect(reloaded.state.phase).toBe('finished'), { timeout: 60_000 });
    expect(reloaded.log.filter((e) => e.type === 'move-made').map((e) => e.at - T0)).toEqual([0, 55_000, 60_000, 115_000, 120_000, 175_000]);
  });

  it('keeps its clock behind real time × speed: a 5 s think at 600x waits for 8⅓ ms of real time', async () => {
    const store = new MemoryEventStore();
    const created: SimulEvent = {
      seq: 1, at: T0, type: 'simul-created', simulId: 'paced', title: 'Paced', boardCount: 1, hostColor: 'white',
      mode: 'async', joinCode: '123456', exhibition: { speed: 600, movePairs: 30, pair: 'other' },
    };
    await store.createSimul('paced', 'hash', created);
    const clock = new ManualClock(T0);
    const room = new SimulRoom({ id: 'paced', log: [created], credentials: { hostKeyHash: 'hash', seatTokenHashes: new Map(), secrets: new Map() }, commits: new CommitQueue(store), clock, onLost: () => {} });
    await room.dispatch({ role: 'spectator' }, { type: 'join', name: 'Ada', playerId: 'a' });
    await room.dispatch({ role: 'host' }, { type: 'start' });
    let wall = 0;
    const run = new ExhibitionRun(room, clock, 600, () => {}, () => wall);
    run.start();
    scriptedPlayers(room);

    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(clock.now()).toBe(T0);
    wall = 8;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(clock.now()).toBe(T0);
    wall = 5_000 / 600 + 0.001;
    await vi.waitFor(() => expect(room.state.boards.get(1)!.moveCount).toBe(1), { timeout: 60_000 });
    expect(clock.now()).toBe(T0 + 5_000);
    run.stop();
  });

  it('ends, as the server, an exhibition nobody has watched for a minute; a watched one goes on', async () => {
    const store = new MemoryEventStore();
    const created: SimulEvent = {
      seq: 1, at: T0, type: 'simul-created', simulId: 'alone', title: 'Alone', boardCount: 1, hostColor: 'white',
      mode: 'async', joinCode: '123457', exhibition: { speed: 1, movePairs: 30, pair: 'other' },
    };
    store.createSimul('alone', 'hash', created);
    const clock = new ManualClock(T0);
    const room = new SimulRoom({ id: 'alone', log: [created], credentials: { hostKeyHash: 'hash', seatTokenHashes: new Map(), secrets: new Map() }, commits: new CommitQueue(store), clock, onLost: () => {} });
    await room.dispatch({ role: 'spectator' }, { type: 'join', name: 'Ada', playerId: 'a' });
    await room.dispatch({ role: 'host' }, { type: 'start' });
    let wall = 0;
    let watching = true;
    let ended = false;
    const run = new ExhibitionRun(room, clock, 1, () => (ended = true), () => wall, () => watching);
    run.start();
    run.checkWatched();
    wall = 10 * UNWATCHED_MS;
    run.checkWatched();
    expect(room.state.phase).toBe('playing');
    watching = false;
    run.checkWatched(); // nobody since now
    wall += UNWATCHED_MS - 1;
    run.checkWatched();
    expect(room.state.phase).toBe('playing');
    wall += 1;
    run.checkWatched();
    await vi.waitFor(() => expect(ended).toBe(true), { timeout: 60_000 });
    const last = room.log[room.log.length - 1];
    expect(last).toMatchObject({ type: 'simul-finished', early: true, ending: 'unwatched' });
  });
});
