// The console's "waited" counter on controlled time: it stands still while the class is paused and
// goes on from there after the resume.
import { describe, expect, it } from 'vitest';
import { HOST, TestSimul } from '../simul/test-log';
import { waitedSoFar } from './waited';

const S = 1000;

describe('waitedSoFar', () => {
  it('counts whole seconds from the move, never below 0', () => {
    expect(waitedSoFar(10 * S, 25_700, null)).toBe(15 * S);
    expect(waitedSoFar(10 * S, 9 * S, null)).toBe(0);
  });

  it('stands still while the class is paused, and goes on after the resume', () => {
    const s = new TestSimul({ boards: 2, now: 0 });
    s.seatAndStart('Ada', 'Bo');
    s.tick(4 * S).play(1, 'e4'); // board 2 has awaited the host since 0
    const waited = () => waitedSoFar(s.board(2).turnSince!, s.now, s.state.pausedSince);
    s.tick(6 * S);
    expect(waited()).toBe(10 * S);
    s.ok(HOST, { type: 'pause' });
    s.tick(1 * S);
    expect(waited()).toBe(10 * S);
    s.tick(59 * S);
    expect(waited()).toBe(10 * S);
    s.ok(HOST, { type: 'resume' });
    expect(waited()).toBe(10 * S);
    s.tick(3 * S);
    expect(waited()).toBe(13 * S);
  });
});
