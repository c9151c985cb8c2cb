// Bots in a teaching simul: nobody moves while the class is paused, and a bot's think resumes
// where it stood; after a takeback or a rematch the bot plays the board again.
import { describe, expect, it } from 'vitest';
import type { BotSpec } from '../../lib/bots/spec';
import type { SimulEvent } from '../../lib/simul/types';
import { botMoveId } from './bot-runner';
import { ManualClock } from './simul-time';
import { SimulHub } from './simul-hub';
import { MemoryEventStore } from '../store/memory-store';
import { runBotsUntil, settle } from '../testing/bot-simul';

const T0 = Date.UTC(2026, 11, 1, 9);
const bot = (meanMs: number): BotSpec => ({ strength: 'sensible', think: { meanMs, spreadMs: 0 } });
const HOST = { role: 'host' } as const;

/** A person hosts two boards; a bot that thinks 4 s sits at each. */
async function setUp() {
  const clock = new ManualClock(T0);
  const hub = new SimulHub(new MemoryEventStore(), clock);
  const { simulId } = await hub.create({ title: 'Class', boards: 2, hostColor: 'white', mode: 'async' });
  const room = (await hub.open(simulId))!;
  for (const n of [1, 2]) await room.dispatch(HOST, { type: 'seat-bot', board: n, name: `Bot ${n}`, bot: bot(4000) });
  await room.dispatch(HOST, { type: 'start' });
  await settle();
  const hostMove = async (board: number, from: string, to: string) => {
    const r = await room.dispatch(HOST, { type: 'move', board, from, to, clientMoveId: `h-${board}-${from}-${clock.now()}` });
    if (!r.ok) throw new Error(r.error.code);
    await settle();
  };
  return { clock, room, hostMove };
}

const movesOf = (log: readonly SimulEvent[]) => log.filter((e) => e.type === 'move-made');

describe('bots in a teaching simul', () => {
  it('stand still while the class is paused and move the rest of their think after the resume', async () => {
    const { clock, room, hostMove } = await setUp();
    await hostMove(1, 'e2', 'e4'); // at T0: the bot on board 1 would answer at T0 + 4 s
    clock.advanceTo(T0 + 1000);
    await room.dispatch(HOST, { type: 'pause' });
    await settle();
    // Ten seconds paused: no timer fires, no move is made.
    clock.advanceTo(T0 + 11_000);
    await settle();
    expect(movesOf(room.log)).toHaveLength(1);
    await room.dispatch(HOST, { type: 'resume' });
    await settle();
    await runBotsUntil(clock, () => movesOf(room.log).length === 2);
    // 1 s thought before the pause, 3 s after it: the answer at T0 + 14 s.
    expect(movesOf(room.log)[1]).toMatchObject({ board: 1, by: 'opponent', at: T0 + 14_000 });
  });

  it('plays a board again after the host takes back its move, and after a rematch', async () => {
    const { clock, room, hostMove } = await setUp();
    await hostMove(1, 'e2', 'e4');
    await room.dispatch(HOST, { type: 'take-back', board: 1 });
    await settle();
    await hostMove(1, 'd2', 'd4');
    await runBotsUntil(clock, () => movesOf(room.log).length === 3);
    const answers = movesOf(room.log).filter((e) => e.by === 'opponent');
    expect(answers).toHaveLength(1);
    expect(answers[0].clientMoveId).toBe(botMoveId(1, 1, 1, 1));
    await room.dispatch(HOST, { type: 'abort-game', board: 1 });
    const rematch = await room.dispatch(HOST, { type: 'rematch', board: 1, swapColors: true });
    expect(rematch.ok).toBe(true);
    await settle();
    // The bot has white now: it moves first in the new game.
    await runBotsUntil(clock, () => movesOf(room.log).length === 4);
    expect(movesOf(room.log)[3]).toMatchObject({ board: 1, by: 'opponent', clientMoveId: botMoveId(1, 0, 2, 1) });
  });
});
