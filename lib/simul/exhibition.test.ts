// An exhibition's rule: a game is agreed drawn with the move that completes its move pairs
// (both sides have moved that many times), as the lesson counts a game. Other endings come first.
import { describe, expect, it } from 'vitest';
import { TestSimul, types } from './test-log';

const EXHIBITION = { speed: 600, movePairs: 2, pair: 'sim-2' } as const;

describe("an exhibition's games end after its move pairs", () => {
  it('with the host white: with the opponent move that completes the pairs', () => {
    const s = new TestSimul({ boards: 2, exhibition: EXHIBITION });
    s.seatAndStart('Ada', 'Bo');
    expect(s.state.exhibition).toEqual(EXHIBITION);
    s.playLine(1, 'e4 e5 Nf3');
    expect(s.board(1).status).toBe('playing');
    const events = s.play(1, 'Nc6');
    expect(types(events)).toEqual(['move-made', 'game-ended']);
    expect(events[1]).toMatchObject({ board: 1, result: '1/2-1/2', reason: 'draw-agreed', movePairs: 2 });
    s.playLine(2, 'd4 d5 c4');
    expect(types(s.play(2, 'e6'))).toEqual(['move-made', 'game-ended', 'simul-finished']);
  });

  it('with the host black: with the host move that completes the pairs', () => {
    const s = new TestSimul({ boards: 1, hostColor: 'black', exhibition: EXHIBITION });
    s.seatAndStart('Ada');
    s.playLine(1, 'e4 e5 Nf3');
    expect(types(s.play(1, 'Nc6'))).toEqual(['move-made', 'game-ended', 'simul-finished']);
  });

  it('the sync game after it begins at the same instant', () => {
    const s = new TestSimul({ boards: 2, mode: 'sync', exhibition: EXHIBITION });
    s.seatAndStart('Ada', 'Bo');
    s.playLine(1, 'e4 e5 Nf3');
    s.tick(55_000);
    const events = s.play(1, 'Nc6');
    expect(types(events)).toEqual(['move-made', 'game-ended', 'game-started']);
    expect(new Set(events.map((e) => e.at)).size).toBe(1);
  });

  it('a mate before the pairs ends the game by the rules', () => {
    const s = new TestSimul({ boards: 1, hostColor: 'black', exhibition: { ...EXHIBITION, movePairs: 30 } });
    s.seatAndStart('Ada');
    s.playLine(1, 'f3 e5 g4');
    expect(s.play(1, 'Qh4#')[1]).toMatchObject({ type: 'game-ended', reason: 'checkmate', result: '0-1' });
  });

  it('a simul that is no exhibition has no such rule', () => {
    const s = new TestSimul({ boards: 1 });
    s.seatAndStart('Ada');
    expect(s.state.exhibition).toBeNull();
    expect(types(s.playLine(1, 'e4 e5 Nf3 Nc6'))).toEqual(['move-made', 'move-made', 'move-made', 'move-made']);
  });
});
