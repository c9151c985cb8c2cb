// A bot's randomness is the server's secret: no event, snapshot, summary or export carries a
// seed, so a student cannot run the app's own move chooser to foresee a bot's replies. And no
// client's command can pass for a bot's move, or stop one, by sharing its id.
import { describe, expect, it } from 'vitest';
import type { BotSpec } from '../lib/bots/spec';
import { simulLogJson } from '../lib/export/json';
import type { SimulEvent } from '../lib/simul/types';
import { botMoveId } from './room/bot-runner';
import { SECRET_NAMES } from './room/room-credentials';
import { command, createSimul, hello, join, outcomeOf } from './testing/simul-fixture';
import { serveForTest } from './testing/serve-for-test';

const HOST_BOT: BotSpec = { strength: 'sensible', think: { meanMs: 60_000, spreadMs: 0 } };
const SEAT_BOT: BotSpec = { strength: 'random', think: { meanMs: 60_000, spreadMs: 20_000 } };


async function botSimul() {
  const { server, clients } = await serveForTest();
  const host = await clients.connect();
  const created = await createSimul(host, { boards: 3, hostBot: HOST_BOT });
  await hello(host, created.simulId, { hostKey: created.hostKey });
  await command(host, { type: 'seat-bot', board: 1, name: 'Bot 1', bot: SEAT_BOT });
  const student = await clients.connect();
  await hello(student, created.simulId);
  const seat = await join(student, 'Ada', 2);
  await command(host, { type: 'start' });
  return { server, clients, host, student, seat, created };
}

describe("bots' seeds", () => {
  it('reach no event, hello reply, snapshot, summary or export; the server keeps them in its store', async () => {
    const { server, clients, host, student, seat, created } = await botSimul();
    const seen: unknown[] = [];
    // A seated phone listening to its board: its snapshot, its board's events and the summaries.
    const phone = await clients.connect();
    phone.socket.on('board:events', (batch) => seen.push(batch));
    phone.socket.on('simul:summary', (summary) => seen.push(summary));
    seen.push(await phone.send('simul:hello', { v: 2, simulId: created.simulId, lastSeq: 0, seatToken: seat.seatToken, listen: 'board' }));
    // A spectator asking for the state, and for the log; the host's own console.
    const spectator = await clients.connect();
    seen.push(await spectator.send('simul:hello', { v: 2, simulId: created.simulId, lastSeq: 0, want: 'state' }));
    seen.push(await spectator.send('simul:hello', { v: 2, simulId: created.simulId, lastSeq: 0 }));
    seen.push(await host.send('simul:hello', { v: 2, simulId: created.simulId, lastSeq: 0, hostKey: created.hostKey }));
    // A move by the student, so that broadcasts follow.
    await command(student, { type: 'move', board: 2, from: 'e7', to: 'e5', clientMoveId: 'nope' }).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const log = server.hub.get(created.simulId)!.log;
    seen.push(host.received, student.received, spectator.received, simulLogJson(log as SimulEvent[]));

    const text = JSON.stringify(seen);
    expect(text).toContain('"hostBot"');
    expect(text).toContain('"bot"');
    expect(text).not.toMatch(/seed/i);

    const secrets = (await server.store.load(created.simulId))!.credentials.secrets;
    expect(secrets.has(SECRET_NAMES.botSeed('host'))).toBe(true);
    expect(secrets.has(SECRET_NAMES.botSeed(1))).toBe(true);
  });

  it('cannot be chosen by a client: a bot sent with a seed is refused', async () => {
    const { server, clients } = await serveForTest();
    const host = await clients.connect();
    const created = await createSimul(host, { boards: 2 });
    await hello(host, created.simulId, { hostKey: created.hostKey });
    const withSeed = await host.send('simul:command', { type: 'seat-bot', board: 1, name: 'Bot 1', bot: { ...SEAT_BOT, seed: 7 } });
    expect(outcomeOf(withSeed)).toBe('bad-payload');
    const created2 = await host.send('simul:create', { title: 'x', boards: 2, hostColor: 'white', mode: 'async', hostBot: { ...HOST_BOT, seed: 1 } });
    expect(outcomeOf(created2)).toBe('bad-payload');
  });
});

describe("bots' move ids", () => {
  it("are out of every client's reach: a host's move with a bot's id is refused, and an id like one does not stop the bot", async () => {
    const { server, clients } = await serveForTest();
    const host = await clients.connect();
    const created = await createSimul(host, { boards: 2 });
    await hello(host, created.simulId, { hostKey: created.hostKey });
    await command(host, { type: 'seat-bot', board: 1, name: 'Bot 1', bot: { strength: 'random', think: { meanMs: 1_000, spreadMs: 0 } } });
    await command(host, { type: 'seat-bot', board: 2, name: 'Bot 2', bot: { strength: 'random', think: { meanMs: 1_000, spreadMs: 0 } } });
    await command(host, { type: 'start' });
    const forged = await host.send('simul:command', { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: botMoveId(1, 1) });
    expect(outcomeOf(forged)).toBe('bad-payload');
    // Today's ids have a colon; an id that looks like an older bot id is the host's own.
    await command(host, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'bot-1' });
    await command(host, { type: 'move', board: 2, from: 'd2', to: 'd4', clientMoveId: 'bot-2' });
    server.clock.advance(1_000);
    // Each bot still answers: nothing of the host's suppressed their moves.
    await host.waitFor((e) => e.type === 'move-made' && e.by === 'opponent' && e.board === 1, 10_000);
    await host.waitFor((e) => e.type === 'move-made' && e.by === 'opponent' && e.board === 2, 10_000);
  });
});
