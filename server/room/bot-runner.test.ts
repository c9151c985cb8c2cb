// Bots run by the server on the room's clock: whole simuls played by bots, mixed with people,
// and resumed after a restart from the log alone. A ManualClock moves from one bot timer to the
// next; the commits in between run as they do in the server (the commit queue's next turn).
import { describe, expect, it } from 'vitest';
import type { BotSpec } from '../../lib/bots/spec';
import { thinkMsFor } from '../../lib/bots/think-time';
import { replay } from '../../lib/simul/evolve';
import type { Actor, Command, Mode, SimulEvent } from '../../lib/simul/types';
import { ManualClock } from './simul-time';
import { SimulHub } from './simul-hub';
import type { SimulRoom } from './simul-room';
import type { DispatchResult } from './room-port';
import { MemoryEventStore } from '../store/memory-store';
import { gamesOf, runBotsUntil, settle, startBotSimul, type SeededBot } from '../testing/bot-simul';

const T0 = Date.UTC(2025, 2, 14, 9, 0, 0);
const bot = (seed: number, meanMs: number, spreadMs = 0, strength: BotSpec['strength'] = 'sensible'): SeededBot => ({
  spec: { strength, think: { meanMs, spreadMs } },
  seed,
});

interface Sent {
  actor: Actor;
  command: Command;
  result: Promise<DispatchResult>;
}

/** A hub on a manual clock, with every dispatch to its rooms recorded (the real dispatch runs). */
function setUp(store = new MemoryEventStore(), clock = new ManualClock(T0)) {
  const hub = new SimulHub(store, clock);
  const sent: Sent[] = [];
  const open = async (simulId: string): Promise<SimulRoom> => {
    const room = (await hub.open(simulId))!;
    const dispatch = room.dispatch.bind(room);
    room.dispatch = (actor, command, network) => {
      const result = dispatch(actor, command, network);
      sent.push({ actor, command, result });
      return result;
    };
    return room;
  };
  const runUntil = (done: () => boolean) => runBotsUntil(clock, done);
  return { store, clock, hub, sent, open, runUntil };
}

/** A simul with a bot host and bots in every seat, started. */
function botSimul(t: ReturnType<typeof setUp>, mode: Mode, boards: number, host: SeededBot, seat: (n: number) => SeededBot) {
  return startBotSimul(t.hub, { mode, boards, hostColor: 'alternate', host, seat }, t.open);
}

const moves = (log: readonly SimulEvent[]) => log.filter((e) => e.type === 'move-made');
/**
 * Every move's time computed event by event from the rules, apart from the runner: an opponent
 * answers its board's last move after its think time; the host moves at its board after its
 * think time from when it got there (the board's last move, or the host's previous move).
 */
function expectedTimes(log: readonly SimulEvent[], host: SeededBot, seat: (n: number) => SeededBot): number[] {
  const since = new Map<number, number>();
  const plies = new Map<number, number>();
  let hostFree = -Infinity;
  const times: number[] = [];
  for (const e of log) {
    if (e.type === 'game-started') since.set(e.board, e.at);
    if (e.type !== 'move-made') continue;
    const ply = plies.get(e.board) ?? 0;
    const from = e.by === 'host' ? Math.max(since.get(e.board)!, hostFree) : since.get(e.board)!;
    const { spec, seed } = e.by === 'host' ? host : seat(e.board);
    times.push(from + thinkMsFor(spec, seed, e.board, ply));
    if (e.by === 'host') hostFree = e.at;
    since.set(e.board, e.at);
    plies.set(e.board, ply + 1);
  }
  return times;
}

describe('a simul of bots', () => {
  for (const mode of ['async', 'sync'] as const) {
    it(`plays a whole ${mode} simul to the end, every move on time and through the same dispatch as a person's`, async () => {
      const t = setUp();
      const host = bot(1, 5_000);
      const seat = (n: number) => bot(100 + n, 20_000, 6_000);
      const room = await botSimul(t, mode, 4, host, seat);
      await t.runUntil(() => room.state.phase === 'finished');

      expect(room.state.phase).toBe('finished');
      expect(room.state.endedEarly).toBe(false);
      for (const n of room.state.order) expect(room.state.boards.get(n)!.status).toBe('finished');
      // The log is the state: it replays, and the store holds the same.
      expect(replay(room.log).boards.get(1)!.chess.fen()).toBe(room.state.boards.get(1)!.chess.fen());
      expect((await t.store.load(room.id))!.events).toEqual(room.log);
      // Every bot move was sent as the actor it is and accepted: never out of turn, never on another board.
      const results = await Promise.all(t.sent.map((s) => s.result));
      const botMoves = t.sent.filter((s) => s.command.type === 'move');
      expect(botMoves.length).toBe(moves(room.log).length);
      expect(results.every((r) => r.ok && r.events.length > 0)).toBe(true);
      for (const { actor, command } of botMoves) {
        if (actor.role === 'opponent' && command.type === 'move') expect(actor.board).toBe(command.board);
      }
      // Timed from the clock alone, exactly as the think times say.
      expect(moves(room.log).map((e) => e.at)).toEqual(expectedTimes(room.log, host, seat));
      if (mode === 'sync') {
        // One game at a time, in table order.
        const order = moves(room.log).map((e) => e.board);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
      expect(room.bots).toBeNull();
    });
  }

  it('plays the same games from the same seeds, whatever the timing', async () => {
    const a = setUp();
    const b = setUp();
    const roomA = await botSimul(a, 'async', 3, bot(7, 5_000), (n) => bot(n, 20_000, 5_000, 'random'));
    // Other think times: the host reaches the boards in another order, the games stay the same.
    const roomB = await botSimul(b, 'async', 3, bot(7, 1_000, 500), (n) => bot(n, 3_000, 2_000, 'random'));
    await a.runUntil(() => roomA.state.phase === 'finished');
    await b.runUntil(() => roomB.state.phase === 'finished');
    expect(gamesOf(roomB.log)).toEqual(gamesOf(roomA.log));
    expect(moves(roomB.log).map((e) => e.board)).not.toEqual(moves(roomA.log).map((e) => e.board));
  });
});

describe('bots mixed with people', () => {
  it('plays only its own board, and only when its opponent, the host, has moved', async () => {
    const t = setUp();
    const { simulId } = await t.hub.create({ title: 'Mixed', boards: 4, hostColor: 'white', mode: 'async' });
    const room = await t.open(simulId);
    await room.dispatch({ role: 'spectator' }, { type: 'join', name: 'Ada', playerId: 'a' });
    await room.dispatch({ role: 'host' }, { type: 'seat-bot', board: 2, name: 'Bot 2', bot: bot(2, 10_000).spec });
    await room.dispatch({ role: 'spectator' }, { type: 'join', name: 'Bo', playerId: 'b' });
    await room.dispatch({ role: 'host' }, { type: 'seat-bot', board: 4, name: 'Bot 4', bot: bot(4, 10_000).spec });
    await room.dispatch({ role: 'host' }, { type: 'start' });
    await settle();
    // The host (a person) is to move everywhere: no bot moves, however long it waits.
    expect(room.bots!.pending).toBe(0);
    t.clock.advance(3_600_000);
    await settle();
    expect(moves(room.log)).toHaveLength(0);

    const hostMove = async (board: number, from: string, to: string, id: string) => {
      const r = await room.dispatch({ role: 'host' }, { type: 'move', board, from, to, clientMoveId: id });
      expect(r.ok).toBe(true);
      await settle();
    };
    for (const n of [1, 2, 3, 4]) await hostMove(n, 'e2', 'e4', `h${n}`);
    const movedAt = moves(room.log).map((e) => e.at);
    expect(room.bots!.pending).toBe(2);
    t.clock.advance(9_999);
    await settle();
    expect(moves(room.log)).toHaveLength(4);
    t.clock.advance(1);
    await settle();
    const replies = moves(room.log).slice(4);
    expect(replies.map((e) => [e.board, e.by, e.at])).toEqual([
      [2, 'opponent', movedAt[1] + 10_000],
      [4, 'opponent', movedAt[3] + 10_000],
    ]);
    // The people's boards wait for their people.
    t.clock.advance(3_600_000);
    await settle();
    expect(moves(room.log)).toHaveLength(6);
    const ada = await room.dispatch({ role: 'opponent', board: 1 }, { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'a1' });
    expect(ada.ok).toBe(true);
  });

  it('eight students and sixteen bots against a person: the bots wait for the host at every board', async () => {
    const t = setUp();
    const { simulId } = await t.hub.create({ title: 'Class', boards: 24, hostColor: 'white', mode: 'async' });
    const room = await t.open(simulId);
    for (let n = 1; n <= 24; n++) {
      const r =
        n % 3 === 1
          ? await room.dispatch({ role: 'spectator' }, { type: 'join', name: `Student ${n}`, playerId: `s${n}` })
          : await room.dispatch({ role: 'host' }, { type: 'seat-bot', board: n, name: `Bot ${n}`, bot: bot(n, 5_000, 2_000, 'random').spec });
      expect(r.ok).toBe(true);
    }
    await room.dispatch({ role: 'host' }, { type: 'start' });
    // The host plays two rounds on every board; the bots answer, the students' boards wait.
    for (let round = 0; round < 2; round++) {
      for (const n of room.state.order) {
        const board = room.state.boards.get(n)!;
        if (board.chess.turn() !== 'w') continue;
        const [move] = board.chess.moves({ verbose: true });
        await room.dispatch({ role: 'host' }, { type: 'move', board: n, from: move.from, to: move.to, clientMoveId: `r${round}b${n}` });
      }
      await settle();
      await t.runUntil(() => room.bots!.pending === 0);
      if (round === 0) {
        // Each student answers too.
        for (const n of room.state.order.filter((x) => x % 3 === 1)) {
          const [move] = room.state.boards.get(n)!.chess.moves({ verbose: true });
          await room.dispatch({ role: 'opponent', board: n }, { type: 'move', board: n, from: move.from, to: move.to, clientMoveId: `s${n}` });
        }
      }
    }
    const perBoard = new Map<number, number>();
    for (const e of moves(room.log)) perBoard.set(e.board, (perBoard.get(e.board) ?? 0) + 1);
    for (let n = 1; n <= 24; n++) expect(perBoard.get(n), `board ${n}`).toBe(n % 3 === 1 ? 3 : 4);
  });
});

describe('bots across a restart', () => {
  it('finish the simul from the log alone: the same log as a run with no restart', async () => {
    const host = bot(3, 5_000, 1_000);
    const seat = (n: number) => bot(30 + n, 20_000, 8_000);
    const whole = setUp();
    const reference = await botSimul(whole, 'async', 3, host, seat);
    await whole.runUntil(() => reference.state.phase === 'finished');

    const first = setUp();
    const room = await botSimul(first, 'async', 3, host, seat);
    await first.runUntil(() => moves(room.log).length >= 40);
    // The server stops: the first hub's clock never moves again. A new one loads the store.
    const again = setUp(first.store, new ManualClock(first.clock.now()));
    const resumed = await again.open(room.id);
    expect(resumed.bots!.pending).toBeGreaterThan(0);
    await again.runUntil(() => resumed.state.phase === 'finished');

    const withoutIds = (log: SimulEvent[]) => log.map((e) => (e.type === 'simul-created' ? { ...e, simulId: '', joinCode: '' } : e));
    expect(withoutIds(resumed.log)).toEqual(withoutIds(reference.log));
  });

  it('after a long downtime, plays the moves that fell due at once, and the same games', async () => {
    const host = bot(5, 5_000);
    const seat = (n: number) => bot(50 + n, 20_000, 8_000, 'random');
    const whole = setUp();
    const reference = await botSimul(whole, 'async', 2, host, seat);
    await whole.runUntil(() => reference.state.phase === 'finished');

    const first = setUp();
    const room = await botSimul(first, 'async', 2, host, seat);
    await first.runUntil(() => moves(room.log).length >= 10);
    const down = first.clock.now() + 3_600_000;
    const again = setUp(first.store, new ManualClock(down));
    const resumed = await again.open(room.id);
    await again.runUntil(() => resumed.state.phase === 'finished');
    expect(gamesOf(resumed.log)).toEqual(gamesOf(reference.log));
    const firstAfter = moves(resumed.log)[moves(room.log).length];
    expect(firstAfter.at).toBe(down);
  });

  it('keeps a room whose bots wait to move in memory', async () => {
    const t = setUp();
    const room = await botSimul(t, 'async', 2, bot(1, 60_000), (n) => bot(n, 60_000));
    t.clock.advance(59_000);
    expect(t.hub.evictIdle({ idleMs: 1, finishedMs: 1 })).toMatchObject({ idle: 0, inMemory: 1 });
    await t.runUntil(() => room.state.phase === 'finished');
    t.clock.advance(1_000);
    expect(t.hub.evictIdle({ idleMs: 1, finishedMs: 1 })).toMatchObject({ finished: 1, inMemory: 0 });
  });
});
