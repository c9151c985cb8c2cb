// Presence in the log: the room reports a seat away and back (seat-away, seat-back); every view
// reads presence.ts; how long a student was away is folded from the log, so it survives a restart.
import { describe, expect, it } from 'vitest';
import { replay } from './evolve';
import { awayTotalMs, presenceOf } from './presence';
import { fromSnapshot, toSnapshot } from './snapshot';
import { HOST, SPECTATOR, TestSimul, opponent, snapshot, types } from './test-log';
import type { Actor } from './types';

const SERVER: Actor = { role: 'server' };
const MINUTE = 60_000;

function started() {
  const s = new TestSimul({ boards: 3, now: 0 });
  s.seatAndStart('Ada', 'Bo');
  return s;
}

describe('presence', () => {
  it('is here once seated, away since the time the room gives, back when it returns', () => {
    const s = started();
    expect(presenceOf(s.board(1))).toEqual({ kind: 'here' });
    s.tick(10_000);
    expect(types(s.ok(SERVER, { type: 'mark-away', board: 1, since: 4_000 }))).toEqual(['seat-away']);
    expect(presenceOf(s.board(1))).toEqual({ kind: 'away', since: 4_000 });
    expect(presenceOf(s.board(2))).toEqual({ kind: 'here' });
    s.tick(2 * MINUTE);
    expect(awayTotalMs(s.board(1), s.now)).toBe(2 * MINUTE + 6_000);
    expect(types(s.ok(SERVER, { type: 'mark-back', board: 1 }))).toEqual(['seat-back']);
    expect(presenceOf(s.board(1))).toEqual({ kind: 'here' });
    s.tick(MINUTE);
    // The spell that ended stays counted; nothing runs while here.
    expect(awayTotalMs(s.board(1), s.now)).toBe(2 * MINUTE + 6_000);
  });

  it('records one report per change: a second away or back is nothing new', () => {
    const s = started();
    s.ok(SERVER, { type: 'mark-away', board: 1, since: 0 });
    expect(s.ok(SERVER, { type: 'mark-away', board: 1, since: 0 })).toEqual([]);
    s.ok(SERVER, { type: 'mark-back', board: 1 });
    expect(s.ok(SERVER, { type: 'mark-back', board: 1 })).toEqual([]);
  });

  it('is the room’s alone to report, and only for a seated person', () => {
    const s = started();
    for (const actor of [HOST, opponent(1), SPECTATOR]) {
      expect(s.refused(actor, { type: 'mark-away', board: 1, since: 0 })).toBe('bad-payload');
      expect(s.refused(actor, { type: 'mark-back', board: 1 })).toBe('bad-payload');
    }
    expect(s.refused(SERVER, { type: 'mark-away', board: 3, since: 0 })).toBe('unknown-board');
    const lobby = new TestSimul({ boards: 2 });
    lobby.ok(HOST, { type: 'seat-bot', board: 2, name: 'Botty', bot: { strength: 'random', think: { meanMs: 0, spreadMs: 0 } } });
    expect(lobby.refused(SERVER, { type: 'mark-away', board: 1, since: 0 })).toBe('not-seated');
    expect(lobby.refused(SERVER, { type: 'mark-away', board: 2, since: 0 })).toBe('not-seated');
    expect(presenceOf(lobby.board(2))).toBeNull();
  });

  it('says left once the seat is freed, and here again when someone sits down', () => {
    const s = new TestSimul({ boards: 2, now: 0 });
    s.join('Ada');
    s.ok(SERVER, { type: 'mark-away', board: 1, since: 0 });
    s.ok(HOST, { type: 'free-seat', board: 1 });
    expect(presenceOf(s.board(1))).toEqual({ kind: 'left' });
    s.join('Cy', 1);
    expect(presenceOf(s.board(1))).toEqual({ kind: 'here' });
  });

  it('is reported while paused, and the figure survives a replay and a snapshot', () => {
    const s = started();
    s.ok(HOST, { type: 'pause' });
    s.tick(1000).ok(SERVER, { type: 'mark-away', board: 2, since: 500 });
    s.tick(MINUTE).ok(SERVER, { type: 'mark-back', board: 2 });
    const again = replay(s.log);
    expect(snapshot(again)).toEqual(snapshot(s.state));
    expect(again.boards.get(2)!.awayMs).toBe(MINUTE + 500);
    expect(fromSnapshot(toSnapshot(s.state)).boards.get(2)!.awayMs).toBe(MINUTE + 500);
  });
});
