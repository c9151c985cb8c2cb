// A bot's secret against a student who records everything it hears: 200 bot moves, each with
// its time to the ms, do not let the bot's own code (lib/bots) find the next move from any
// 64-bit guess of the seed; the server's secret (256 bits from the OS, in the store) reproduces
// every one of them, across a restart. A simul from before the keys keeps its 32-bit seed.
import { randomBytes } from 'node:crypto';
import { Chess } from 'chess.js';
import { describe, expect, it } from 'vitest';
import { botRandom, botSeedFrom } from '../../lib/bots/bot-random';
import { chooseMove } from '../../lib/bots/moves';
import type { BotSeed, BotSpec } from '../../lib/bots/spec';
import { thinkMsFor } from '../../lib/bots/think-time';
import type { SimulEvent } from '../../lib/simul/types';
import { MemoryEventStore } from '../store/memory-store';
import { RecordingLink } from '../testing/recording-link';
import { runBotsUntil, settle } from '../testing/bot-simul';
import { SECRET_NAMES, type BotSlot } from './room-credentials';
import type { SimulRoom } from './simul-room';
import { SimulHub } from './simul-hub';
import { ManualClock } from './simul-time';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
// Think times as the attack measured them (1.5 s +/- 0.5), moves of a game that must last.
const BOT: BotSpec = { strength: 'random', avoidEnding: true, think: { meanMs: 1_500, spreadMs: 500 } };
const BOARDS = 4;
const admit = () => null;
/** The watchers' frames go out a slice a turn: a few turns, and every one has heard. */
const hearAll = async () => {
  for (let i = 0; i < 5; i++) await settle();
};

type MoveMade = Extract<SimulEvent, { type: 'move-made' }>;

/** A host bot against three seated bots, and a student seated at board 4 who hears the whole simul. */
async function classWithBots(store: MemoryEventStore, clock: ManualClock) {
  const hub = new SimulHub(store, clock);
  const { simulId } = await hub.create({ title: 'Bots', boards: BOARDS, hostColor: 'white', mode: 'async', hostBot: BOT });
  const room = (await hub.open(simulId))!;
  for (let n = 1; n < BOARDS; n++) await room.dispatch({ role: 'host' }, { type: 'seat-bot', board: n, name: `Bot ${n}`, bot: BOT });
  const student = new RecordingLink('student');
  const watching = room.hello(student, 'net-student', { v: 2, simulId, lastSeq: 0 }, admit).session!;
  const joined = await room.join(watching, { name: 'Eve' });
  if (!joined.ok) throw new Error(joined.error.code);
  room.hello(student, 'net-student', { v: 2, simulId, lastSeq: 0, seatToken: joined.seatToken }, admit);
  await room.dispatch({ role: 'host' }, { type: 'start' });
  await settle();
  return { hub, room, student, seatToken: joined.seatToken };
}

/** Every event the student's link was sent, in order, once each. */
function heard(link: RecordingLink): SimulEvent[] {
  const bySeq = new Map<number, SimulEvent>();
  for (const { event, payload } of link.frames) {
    if (event === 'simul:events') for (const e of payload as SimulEvent[]) bySeq.set(e.seq, e);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** One bot move as the student saw it: when the bot got the move, the position before, what it played. */
interface Seen {
  move: MoveMade;
  slot: BotSlot;
  since: number;
  ply: number;
  before: Chess;
}

/** The bot moves in what the student heard (the student's own board has no bot: not one of them). */
function botMoves(events: readonly SimulEvent[]): Seen[] {
  const since = new Map<number, number>();
  const games = new Map<number, Chess>();
  let hostFree = -Infinity;
  const seen: Seen[] = [];
  for (const e of events) {
    if (e.type === 'game-started') {
      since.set(e.board, e.at);
      games.set(e.board, new Chess());
    }
    if (e.type !== 'move-made') continue;
    const game = games.get(e.board)!;
    const from = e.by === 'host' ? Math.max(since.get(e.board)!, hostFree) : since.get(e.board)!;
    if (e.by === 'host' || e.board !== BOARDS) {
      const before = new Chess();
      for (const m of game.history({ verbose: true })) before.move(m.san);
      seen.push({ move: e, slot: e.by === 'host' ? 'host' : e.board, since: from, ply: game.history().length, before });
    }
    game.move({ from: e.from, to: e.to, promotion: e.promotion });
    if (e.by === 'host') hostFree = e.at;
    since.set(e.board, e.at);
  }
  return seen;
}

/** How many of `moves`, from the first, the bot's code reproduces (time to the ms and move) from `seedOf(slot)`. */
function reproduced(moves: readonly Seen[], seedOf: (slot: BotSlot) => BotSeed): number {
  let count = 0;
  for (const { move, slot, since, ply, before } of moves) {
    const seed = seedOf(slot);
    if (since + thinkMsFor(BOT, seed, move.board, ply) !== move.at) break;
    const chosen = chooseMove(before, BOT, botRandom(seed, { board: move.board, ply }, 'move'));
    if (chosen.from !== move.from || chosen.to !== move.to) break;
    count++;
  }
  return count;
}

describe("a bot's secret", () => {
  it('is 256 bits in the store, and what a student hears of 200 bot moves is reproduced by it alone, across a restart', async () => {
    const store = new MemoryEventStore();
    const clock = new ManualClock(T0);
    const first = await classWithBots(store, clock);
    const count = (room: SimulRoom) => room.log.filter((e) => e.type === 'move-made' && (e.by === 'host' || e.board !== BOARDS)).length;
    await runBotsUntil(clock, () => count(first.room) >= 100);
    await hearAll();
    // A restart: the first hub's clock stops; a new hub loads the store, the student says hello again.
    first.room.stop();
    const later = new ManualClock(clock.now());
    const hub = new SimulHub(store, later);
    const room = (await hub.open(first.room.id))!;
    room.hello(first.student, 'net-student', { v: 2, simulId: room.id, lastSeq: room.log.length, seatToken: first.seatToken }, admit);
    await runBotsUntil(later, () => count(room) >= 200);
    await hearAll();

    const events = heard(first.student);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1 + events[0].seq - 1));
    const moves = botMoves(events);
    expect(moves.length).toBeGreaterThanOrEqual(200);
    // The think times are drawn (not one fixed time), so they carry what a seed could give away.
    expect(new Set(moves.map((m) => m.move.at - m.since)).size).toBeGreaterThan(100);

    // The secrets in the store: 64 hex digits (256 bits) each, the same for no two bots, in nothing heard.
    const { secrets } = (await store.load(room.id))!.credentials;
    const slots: BotSlot[] = ['host', 1, 2, 3];
    const keys = slots.map((slot) => secrets.get(SECRET_NAMES.botSeed(slot))!);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(keys).size).toBe(slots.length);
    const frames = JSON.stringify(first.student.frames);
    for (const key of keys) expect(frames).not.toContain(key);
    expect(frames).not.toMatch(/seed/i);

    // The server's secret reproduces every bot move the student heard, its time to the ms.
    const server = (slot: BotSlot) => botSeedFrom(secrets.get(SECRET_NAMES.botSeed(slot)));
    expect(reproduced(moves, server)).toBe(moves.length);

    // 64-bit guesses, each tried as a key and as a seed of the old kind: none reproduces the first 10.
    const first10 = moves.slice(0, 10);
    for (let i = 0; i < 300; i++) {
      const guess = randomBytes(8);
      const asKey = guess.toString('hex').padStart(64, '0');
      const asOldSeed = guess.readUInt32BE(4);
      expect(reproduced(first10, () => asKey)).toBeLessThan(first10.length);
      expect(reproduced(first10, () => asOldSeed)).toBeLessThan(first10.length);
    }
  }, 60_000);

  it('of a simul created before the keys (a 32-bit seed in the store) loads and draws as it did: the old generator', async () => {
    const store = new MemoryEventStore();
    const clock = new ManualClock(T0);
    const hub = new SimulHub(store, clock);
    const { simulId } = await hub.create({ title: 'Old', boards: 1, hostColor: 'white', mode: 'async', hostBot: BOT }, { hostBotSeed: 123_456_789 });
    const room = (await hub.open(simulId))!;
    expect((await store.load(simulId))!.credentials.secrets.get(SECRET_NAMES.botSeed('host'))).toBe('123456789');
    expect(room.botSeed('host')).toBe(123_456_789);
    await room.dispatch({ role: 'host' }, { type: 'seat-bot', board: 1, name: 'Bot 1', bot: BOT }, { botSeed: 42 });
    await room.dispatch({ role: 'host' }, { type: 'start' });
    await settle();
    await runBotsUntil(clock, () => room.log.filter((e) => e.type === 'move-made').length >= 20);
    const moves = botMoves(room.log);
    expect(reproduced(moves, (slot) => (slot === 'host' ? 123_456_789 : 42))).toBe(moves.length);
  });
});
