// Bots in seats and on the host's side: the host seats and removes them in the lobby; a bot is
// an opponent like any other once seated, marked as a bot in the state.
import { describe, expect, it } from 'vitest';
import type { BotSpec } from '../bots/spec';
import { replay } from './evolve';
import { fromSnapshot, toSnapshot } from './snapshot';
import { HOST, SPECTATOR, TestSimul, opponent, snapshot } from './test-log';
import type { Command } from './types';

const BOT: BotSpec = { strength: 'sensible', think: { meanMs: 5000, spreadMs: 1000 } };
const seatBot = (board: number, name = `Bot ${board}`, bot: unknown = BOT): Command => ({
  type: 'seat-bot',
  board,
  name,
  bot: bot as BotSpec,
});

describe('seating a bot', () => {
  it('seats a bot at an empty seat, marked as a bot', () => {
    const s = new TestSimul({ boards: 3 });
    const [e] = s.ok(HOST, seatBot(2));
    expect(e).toMatchObject({ type: 'seat-taken', board: 2, name: 'Bot 2', bot: BOT });
    expect(s.board(2).opponent).toEqual({ name: 'Bot 2', playerId: 'bot-2', bot: BOT });
    expect(s.board(2).status).toBe('seated');
    // A person who joins takes the next free seat, unmarked.
    expect(s.join('Ada')).toBe(1);
    expect(s.board(1).opponent?.bot).toBeUndefined();
    expect(s.join('Bob')).toBe(3);
  });

  it('is the host\'s to do, in the lobby, at a seat that exists and is empty', () => {
    const s = new TestSimul({ boards: 2 });
    expect(s.refused(SPECTATOR, seatBot(1))).toBe('not-host');
    s.join('Ada');
    expect(s.refused(opponent(1), seatBot(2))).toBe('not-host');
    expect(s.refused(HOST, seatBot(1))).toBe('seat-taken');
    expect(s.refused(HOST, seatBot(3))).toBe('unknown-board');
    s.ok(HOST, seatBot(2));
    expect(s.refused(HOST, seatBot(2, 'Bot 9'))).toBe('seat-taken');
    s.ok(HOST, { type: 'start' });
    const t = new TestSimul({ boards: 3 });
    t.join('Ada');
    t.ok(HOST, { type: 'start' });
    expect(t.refused(HOST, seatBot(1))).toBe('already-started');
  });

  it('seats bots when joining is closed: only students are kept out', () => {
    const s = new TestSimul({ boards: 2 });
    s.ok(HOST, { type: 'close-joining' });
    s.ok(HOST, seatBot(1));
    expect(s.board(1).opponent?.bot).toEqual(BOT);
  });

  it('refuses a bot whose settings are out of range, and changes nothing', () => {
    const s = new TestSimul({ boards: 2 });
    for (const bot of [
      { ...BOT, strength: 'strong' },
      { ...BOT, think: { meanMs: -1, spreadMs: 0 } },
      { ...BOT, think: { meanMs: 1.5, spreadMs: 0 } },
      { ...BOT, think: { meanMs: 1000, spreadMs: 10 * 60_000 + 1 } },
      { ...BOT, think: { meanMs: 1000 } },
      // A bot's seed is the server's secret: a client may not choose (and so know) it.
      { ...BOT, seed: 7 },
      { ...BOT, avoidEnding: 'yes' },
      { ...BOT, extra: 1 },
      null,
    ]) {
      expect(s.refused(HOST, seatBot(1, 'Bot 1', bot)), JSON.stringify(bot)).toBe('bot-invalid');
    }
    expect(s.board(1).opponent).toBeNull();
    s.ok(HOST, seatBot(1, 'Bot 1', { ...BOT, avoidEnding: true }));
  });

  it('checks a bot\'s name like a person\'s: clean, and unlike any seated name', () => {
    const s = new TestSimul({ boards: 3 });
    expect(s.refused(HOST, seatBot(1, '   '))).toBe('name-invalid');
    s.join('Ada', 1);
    expect(s.refused(HOST, seatBot(2, 'ADA'))).toBe('name-taken');
    s.ok(HOST, seatBot(2, '  Bot 2 '));
    expect(s.board(2).opponent?.name).toBe('Bot 2');
    expect(s.refused(SPECTATOR, { type: 'join', name: 'bot 2', playerId: 'x' })).toBe('name-taken');
  });

  it('seats a bot with no name (the server\'s exhibitions): each view names it by its board, in its reader\'s words', () => {
    const s = new TestSimul({ boards: 3 });
    s.ok(HOST, seatBot(1, ''));
    s.ok(HOST, seatBot(2, ''));
    expect([s.board(1).opponent?.name, s.board(2).opponent?.name]).toEqual(['', '']);
    expect(s.refused(SPECTATOR, { type: 'join', name: '', playerId: 'x' })).toBe('name-invalid');
  });

  it('takes a bot out again before the start, and the seat is free for anyone', () => {
    const s = new TestSimul({ boards: 2 });
    s.ok(HOST, seatBot(1));
    expect(s.ok(HOST, { type: 'free-seat', board: 1 })).toMatchObject([{ type: 'seat-freed', board: 1 }]);
    expect(s.board(1).opponent).toBeNull();
    expect(s.join('Bot 1')).toBe(1);
    expect(s.board(1).opponent?.bot).toBeUndefined();
  });

  it('has no link to re-issue', () => {
    const s = new TestSimul({ boards: 2 });
    s.ok(HOST, seatBot(1));
    expect(s.refused(HOST, { type: 'reissue-seat', board: 1 })).toBe('bot-seat');
  });

  it('applies a resent seat-bot once', () => {
    const s = new TestSimul({ boards: 2 });
    s.ok(HOST, { ...seatBot(1), commandId: 'c1' });
    expect(s.dispatch(HOST, { ...seatBot(1), commandId: 'c1' })).toEqual({ ok: true, events: [], duplicate: true });
  });

  it('plays as an opponent seated at its board once the simul starts, and only there', () => {
    const s = new TestSimul({ boards: 2 });
    s.ok(HOST, seatBot(1));
    s.ok(HOST, seatBot(2));
    s.ok(HOST, { type: 'start' });
    expect(s.state.order).toEqual([1, 2]);
    s.play(1, 'e4');
    expect(s.refused(opponent(2), s.moveCommand(1, 'e5'))).toBe('not-your-board');
    s.ok(opponent(1), s.moveCommand(1, 'e5'));
    expect(s.board(1).opponent?.bot).toEqual(BOT);
  });
});

describe('a bot on the host\'s side', () => {
  it('is set at creation and kept in the state', () => {
    const hostBot: BotSpec = { strength: 'random', think: { meanMs: 5000, spreadMs: 0 }, avoidEnding: true };
    expect(new TestSimul({ hostBot }).state.hostBot).toEqual(hostBot);
    expect(new TestSimul().state.hostBot).toBeNull();
  });
});

describe('logs with bots', () => {
  it('replay and travel as a snapshot with every bot marked', () => {
    const hostBot: BotSpec = { strength: 'random', think: { meanMs: 100, spreadMs: 0 } };
    const s = new TestSimul({ boards: 3, hostBot });
    s.ok(HOST, seatBot(1));
    s.join('Ada');
    s.ok(HOST, { type: 'start' });
    s.play(1, 'e4');
    expect(snapshot(replay(s.log))).toEqual(snapshot(s.state));
    const back = fromSnapshot(toSnapshot(s.state));
    expect(back.hostBot).toEqual(hostBot);
    expect(back.boards.get(1)!.opponent).toEqual({ name: 'Bot 1', playerId: 'bot-1', bot: BOT });
    expect(back.boards.get(2)!.opponent).toEqual({ name: 'Ada', playerId: 'p-Ada' });
  });
});
