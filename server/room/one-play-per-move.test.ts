// The cost of a move: the room plays each move's chess once. decide looks at it (legal, its
// notation, the ending) and the fold makes what the look found (lib/chess/game.ts); the board's
// game counts every search and every chess.js move() and undo() made on it.
import { describe, expect, it } from 'vitest';
import { SimulHub } from './simul-hub';
import { realClock } from './simul-time';
import { MemoryEventStore } from '../store/memory-store';
import type { Actor } from '../../lib/simul/types';

const HOST: Actor = { role: 'host' };
const ADA: Actor = { role: 'opponent', board: 1 };

async function playingRoom() {
  const hub = new SimulHub(new MemoryEventStore(), realClock(() => 1_000));
  const { simulId } = await hub.create({ title: 'Class', boards: 2, hostColor: 'white', mode: 'async' });
  const room = hub.get(simulId)!;
  await room.dispatch({ role: 'spectator' }, { type: 'join', name: 'Ada', playerId: 'a' });
  await room.dispatch({ role: 'spectator' }, { type: 'join', name: 'Bo', playerId: 'b' });
  await room.dispatch(HOST, { type: 'start' });
  return { hub, simulId, room };
}

const BO: Actor = { role: 'opponent', board: 2 };

/** Board 1: a capture, an en passant capture, checks, a promotion, castling. Board 2: a mate, the move that ends the game. */
const LINE = ['e2e4', 'd7d5', 'e4d5', 'e7e5', 'd5e6', 'f8c5', 'e6f7', 'e8f8', 'f7g8q', 'f8g8', 'f1c4', 'g8f8', 'g1f3', 'b8c6', 'e1g1'];
const MATE = ['f2f3', 'e7e5', 'g2g4', 'd8h4'];

function moveOf(board: number, uci: string, id: string) {
  const promotion = uci[4] as 'q' | undefined;
  return { type: 'move' as const, board, from: uci.slice(0, 2), to: uci.slice(2, 4), ...(promotion ? { promotion } : {}), clientMoveId: id };
}

describe('one chess play per move on the server', () => {
  it('decide and the fold search each move once between them, the move that ends the game too', async () => {
    const { room } = await playingRoom();
    const [one, two] = [room.state.boards.get(1)!.chess, room.state.boards.get(2)!.chess];
    const before = [one.plays, two.plays];
    for (const [i, uci] of LINE.entries()) expect((await room.dispatch(i % 2 === 0 ? HOST : ADA, moveOf(1, uci, `a${i}`))).ok, uci).toBe(true);
    for (const [i, uci] of MATE.entries()) expect((await room.dispatch(i % 2 === 0 ? HOST : BO, moveOf(2, uci, `b${i}`))).ok, uci).toBe(true);
    const sans = room.log.flatMap((e) => (e.type === 'move-made' ? [e.san] : []));
    expect(sans).toEqual(['e4', 'd5', 'exd5', 'e5', 'dxe6', 'Bc5', 'exf7+', 'Kf8', 'fxg8=Q+', 'Kxg8', 'Bc4+', 'Kf8', 'Nf3', 'Nc6', 'O-O', 'f3', 'e5', 'g4', 'Qh4#']);
    expect(room.log.find((e) => e.type === 'game-ended')).toMatchObject({ board: 2, result: '0-1', reason: 'checkmate' });
    expect([one.plays - before[0], two.plays - before[1]]).toEqual([LINE.length, MATE.length]);
  });

  it('a refused move costs one search and leaves the game as it was; the move after it is still played once', async () => {
    const { room } = await playingRoom();
    const board = room.state.boards.get(1)!;
    const fen = board.chess.fen();
    const before = board.chess.plays;
    const refused = await room.dispatch(HOST, { type: 'move', board: 1, from: 'e2', to: 'e5', clientMoveId: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'illegal-move' } });
    expect(board.chess.fen()).toBe(fen);
    await room.dispatch(HOST, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'm1' });
    expect(board.chess.plays - before).toBe(2);
  });

  it('a room loaded from the store replays each move once', async () => {
    const { hub, simulId, room } = await playingRoom();
    for (const [i, uci] of LINE.slice(0, 6).entries()) {
      await room.dispatch(i % 2 === 0 ? HOST : ADA, moveOf(1, uci, `m${i}`));
    }
    hub.evictIdle({ idleMs: 0, finishedMs: 0 });
    const loaded = (await hub.open(simulId))!;
    expect(loaded).not.toBe(room);
    expect(loaded.state.boards.get(1)!.chess.fen()).toBe(room.state.boards.get(1)!.chess.fen());
    expect(loaded.state.boards.get(1)!.chess.plays).toBe(6);
  });
});
