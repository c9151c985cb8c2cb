import { describe, expect, it } from 'vitest';
import { evolve, replay } from './evolve';
import { fromSnapshot, toSnapshot } from './snapshot';
import { HOST, opponent, TestSimul } from './test-log';

function playedSimul() {
  const s = new TestSimul({ boards: 3, hostColor: 'alternate' });
  s.seatAndStart('Ada', 'Bo', 'Cy');
  s.playLine(1, 'e4 e5 Nf3');
  s.playLine(2, 'd4 d5');
  s.ok(opponent(3), { type: 'offer-draw', board: 3 });
  return s;
}

describe('snapshots', () => {
  it('carry the state as plain data and restore it', () => {
    const s = playedSimul();
    const snapshot = JSON.parse(JSON.stringify(toSnapshot(s.state)));
    const restored = fromSnapshot(snapshot);
    expect(restored.seq).toBe(s.state.seq);
    expect(restored.focus).toBe(s.state.focus);
    expect(restored.order).toEqual(s.state.order);
    for (const n of s.state.order) {
      const { chess, ...board } = s.state.boards.get(n)!;
      const { chess: restoredChess, ...restoredBoard } = restored.boards.get(n)!;
      expect(restoredBoard).toEqual(board);
      expect(restoredChess.fen()).toBe(chess.fen());
    }
  });

  it('fold the events that follow as the full log does', () => {
    const s = playedSimul();
    const restored = fromSnapshot(toSnapshot(s.state));
    const from = s.log.length;
    s.playLine(1, 'Nc6');
    s.ok(HOST, { type: 'answer-draw', board: 3, accept: true });
    for (const e of s.log.slice(from)) evolve(restored, e);
    const full = replay(s.log);
    expect(restored.seq).toBe(full.seq);
    expect(restored.boards.get(1)!.chess.fen()).toBe(full.boards.get(1)!.chess.fen());
    expect(restored.boards.get(3)!.status).toBe('finished');
    expect(restored.focus).toBe(full.focus);
  });
});
