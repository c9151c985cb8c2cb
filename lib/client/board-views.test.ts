import { describe, expect, it } from 'vitest';
import { TestSimul } from '../simul/test-log';
import { boardViews, updateBoardViews } from './board-views';

describe('board views', () => {
  it('rebuilds only the boards a change touched, and keeps a view that shows nothing new', () => {
    const s = new TestSimul({ boards: 3, hostColor: 'white' });
    s.seatAndStart('Ada', 'Bob', 'Cy');
    const before = boardViews(s.state);
    s.playLine(2, 'e4');
    const after = updateBoardViews(before, s.state, [2]);
    expect(after.get(1)).toBe(before.get(1));
    expect(after.get(3)).toBe(before.get(3));
    expect(after.get(2)).not.toBe(before.get(2));
    expect(after.get(2)).toMatchObject({ moveCount: 1, lastMove: 'e2e4', name: 'Bob' });
    // Touched, but unchanged: the same object.
    expect(updateBoardViews(after, s.state, [1, 2, 3]).get(2)).toBe(after.get(2));
  });

  it('follows the boards a start drops', () => {
    const s = new TestSimul({ boards: 3, hostColor: 'white' });
    s.join('Ada');
    const lobby = boardViews(s.state);
    expect([...lobby.keys()]).toEqual([1, 2, 3]);
    s.ok({ role: 'host' }, { type: 'start' });
    expect([...updateBoardViews(lobby, s.state, s.state.order).keys()]).toEqual([1]);
  });
});
