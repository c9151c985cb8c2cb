// Test helper: simuls of bots run in-process on a ManualClock, stepped from one bot timer to
// the next with the commits in between, as the server runs them. Only tests import this.
import type { BotSeed, BotSpec } from '../../lib/bots/spec';
import type { HostColorChoice, Mode, SimulEvent } from '../../lib/simul/types';
import { ManualClock } from '../room/simul-time';
import { SimulHub } from '../room/simul-hub';
import type { SimulRoom } from '../room/simul-room';
import { MemoryEventStore } from '../store/memory-store';

/** The commit queue flushes on the next turn; its broadcast plans the bots' next moves. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Moves `clock` from bot timer to bot timer until `done` holds or no timer is left. */
export async function runBotsUntil(clock: ManualClock, done: () => boolean, maxSteps = 100_000): Promise<void> {
  for (let step = 0; !done() && step < maxSteps; step++) {
    const next = clock.nextTimer();
    if (next === undefined) return;
    clock.advanceTo(next);
    await settle();
  }
}

/** A bot and the secret seed the server keeps for it: a test chooses it to play the same games again. */
export interface SeededBot {
  spec: BotSpec;
  seed: BotSeed;
}

export interface BotSimulSpec {
  mode: Mode;
  boards: number;
  hostColor: HostColorChoice;
  host: SeededBot;
  seat: (board: number) => SeededBot;
}

/** Creates a simul with a bot host and a bot in every seat, and starts it. */
export async function startBotSimul(hub: SimulHub, spec: BotSimulSpec, open = async (id: string) => (await hub.open(id))!): Promise<SimulRoom> {
  const { simulId } = await hub.create(
    { title: 'Bots', boards: spec.boards, hostColor: spec.hostColor, mode: spec.mode, hostBot: spec.host.spec },
    { hostBotSeed: spec.host.seed },
  );
  const room = await open(simulId);
  for (let n = 1; n <= spec.boards; n++) {
    const { spec: bot, seed } = spec.seat(n);
    const seated = await room.dispatch({ role: 'host' }, { type: 'seat-bot', board: n, name: `Bot ${n}`, bot }, { botSeed: seed });
    if (!seated.ok) throw new Error(`seat-bot refused: ${seated.error.code}`);
  }
  const started = await room.dispatch({ role: 'host' }, { type: 'start' });
  if (!started.ok) throw new Error(`start refused: ${started.error.code}`);
  await settle();
  return room;
}

/** Each board's moves in order, in SAN. */
export function gamesOf(log: readonly SimulEvent[]): Record<number, string[]> {
  const games: Record<number, string[]> = {};
  for (const e of log) if (e.type === 'move-made') (games[e.board] ??= []).push(e.san);
  return games;
}

/** The games bots play from these specs, played to the end in memory on a manual clock. */
export async function referenceGames(spec: BotSimulSpec): Promise<Record<number, string[]>> {
  const clock = new ManualClock(0);
  const hub = new SimulHub(new MemoryEventStore(), clock);
  const room = await startBotSimul(hub, spec);
  await runBotsUntil(clock, () => room.state.phase === 'finished');
  if (room.state.phase !== 'finished') throw new Error('the bots did not finish');
  return gamesOf(room.log);
}
