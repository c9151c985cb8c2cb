// A bot takes over a board whose student is away, and gives it back: by the host only, never
// on a seat whose student is here; the log says who moved.
import { describe, expect, it } from 'vitest';
import type { BotSpec } from '../bots/spec';
import { replay } from './evolve';
import { hostWhere, phoneStatus } from './phone-status';
import { HOST, SPECTATOR, TestSimul, opponent, snapshot, types } from './test-log';
import type { Actor } from './types';

const SERVER: Actor = { role: 'server' };
const BOT: BotSpec = { strength: 'sensible', think: { meanMs: 1000, spreadMs: 0 } };

function awayOnBoard1() {
  const s = new TestSimul({ boards: 2, now: 0 });
  s.seatAndStart('Ada', 'Bo');
  s.play(1, 'e4');
  s.tick(10_000).ok(SERVER, { type: 'mark-away', board: 1, since: 2_000 });
  return s;
}

describe('a bot takes over a board', () => {
  it('is the host’s to ask, on a board whose student is away', () => {
    const s = awayOnBoard1();
    expect(s.refused(opponent(1), { type: 'hand-to-bot', board: 1, bot: BOT })).toBe('not-host');
    expect(s.refused(opponent(2), { type: 'hand-to-bot', board: 1, bot: BOT })).toBe('not-host');
    expect(s.refused(SPECTATOR, { type: 'hand-to-bot', board: 1, bot: BOT })).toBe('not-host');
    expect(s.refused(HOST, { type: 'hand-to-bot', board: 2, bot: BOT })).toBe('student-here');
    expect(s.refused(HOST, { type: 'hand-to-bot', board: 9, bot: BOT })).toBe('unknown-board');
    expect(types(s.ok(HOST, { type: 'hand-to-bot', board: 1, bot: BOT }))).toEqual(['bot-took-over']);
    expect(s.board(1).standIn).toEqual(BOT);
    expect(s.refused(HOST, { type: 'hand-to-bot', board: 1, bot: BOT })).toBe('bot-plays');
  });

  it('plays the student’s side through the room; the student cannot move meanwhile', () => {
    const s = awayOnBoard1();
    s.ok(HOST, { type: 'hand-to-bot', board: 1, bot: BOT });
    expect(s.refused(opponent(1), s.moveCommand(1, 'e5'))).toBe('bot-plays');
    expect(s.refused(opponent(1), { type: 'resign', board: 1 })).toBe('bot-plays');
    const [moved] = s.ok(SERVER, s.moveCommand(1, 'e5', 'bot:1:1'));
    expect(moved).toMatchObject({ type: 'move-made', by: 'opponent', san: 'e5' });
    // The room plays no other side, and no board without a bot for the student.
    expect(s.refused(SERVER, s.moveCommand(1, 'Nf3', 'bot:1:2'))).toBe('not-your-turn');
    expect(s.refused(SERVER, s.moveCommand(2, 'e4', 'bot:2:0'))).toBe('not-seated');
  });

  it('is what the student’s phone says while it plays, never "your move"', () => {
    const s = awayOnBoard1();
    expect(phoneStatus(s.board(1), hostWhere(s.state))).toEqual({ kind: 'your-move' });
    s.ok(HOST, { type: 'hand-to-bot', board: 1, bot: BOT });
    expect(phoneStatus(s.board(1), hostWhere(s.state))).toEqual({ kind: 'bot-plays' });
    s.ok(SERVER, s.moveCommand(1, 'e5', 'bot:1:1'));
    expect(phoneStatus(s.board(1), hostWhere(s.state))).toEqual({ kind: 'bot-plays' });
    s.ok(SERVER, { type: 'mark-back', board: 1 });
    s.ok(opponent(1), { type: 'take-board-back', board: 1 });
    expect(phoneStatus(s.board(1), hostWhere(s.state)).kind).not.toBe('bot-plays');
  });

  it('ends when the student takes the board back (or the host gives it), and the log says who moved', () => {
    const s = awayOnBoard1();
    expect(s.refused(opponent(1), { type: 'take-board-back', board: 1 })).toBe('no-stand-in');
    s.ok(HOST, { type: 'hand-to-bot', board: 1, bot: BOT });
    s.ok(SERVER, s.moveCommand(1, 'e5', 'bot:1:1'));
    s.ok(SERVER, { type: 'mark-back', board: 1 });
    expect(s.refused(opponent(2), { type: 'take-board-back', board: 1 })).toBe('not-your-board');
    expect(s.refused(SPECTATOR, { type: 'take-board-back', board: 1 })).toBe('not-seated');
    const [back] = s.ok(opponent(1), { type: 'take-board-back', board: 1 });
    expect(back).toMatchObject({ type: 'bot-handed-back', board: 1, by: 'opponent' });
    expect(s.board(1).standIn).toBeNull();
    s.play(1, 'Nf3');
    s.play(1, 'Nc6');
    expect(types(s.log.filter((e) => 'board' in e && e.board === 1)).slice(-6)).toEqual([
      'bot-took-over',
      'move-made',
      'seat-back',
      'bot-handed-back',
      'move-made',
      'move-made',
    ]);
    expect(snapshot(replay(s.log))).toEqual(snapshot(s.state));
  });

  it('ends when the seat is re-issued to a new device', () => {
    const s = awayOnBoard1();
    s.ok(HOST, { type: 'hand-to-bot', board: 1, bot: BOT });
    expect(types(s.ok(HOST, { type: 'reissue-seat', board: 1 }))).toEqual(['bot-handed-back', 'seat-reissued']);
    expect(s.board(1).standIn).toBeNull();
  });
});
