// A word to the class on a real server: the host's preset or text reaches every phone (board
// listeners hear it with their board's events) and the projector; a phone that was away sees the
// latest when it says hello again; a student, a spectator and another simul's host are refused;
// hostile text is refused and nothing of it is stored; at most three a minute on the room's clock.
import { describe, expect, it } from 'vitest';
import type { BoardEvents } from '../../lib/protocol/events';
import { startServer } from '../app';
import { MemoryEventStore } from '../store/memory-store';
import { Clients, command, createSimul, hello, seatedSimul } from '../testing/simul-fixture';
import { RAISED_LIMITS } from '../testing/test-client';
import { ManualClock } from './simul-time';
import { onTestFinished } from 'vitest';

async function serve() {
  const clock = new ManualClock(Date.UTC(2026, 2, 1, 9, 0, 0));
  const store = new MemoryEventStore();
  const server = await startServer({ port: 0, host: '127.0.0.1', store, testClock: clock, limits: RAISED_LIMITS });
  const clients = new Clients(server.url);
  onTestFinished(async () => {
    clients.closeAll();
    await server.close();
  });
  return { clients, clock, store };
}

describe('a word to the class', () => {
  it('reaches every phone and the projector; a phone back from away gets the latest', async () => {
    const { clients, store } = await serve();
    const simul = await seatedSimul(clients, { boards: 2, seated: 2, start: true });
    const phone = await clients.connect();
    const heard: BoardEvents[] = [];
    phone.socket.on('board:events', (batch) => heard.push(batch));
    await phone.send('simul:hello', { v: 2, simulId: simul.simulId, lastSeq: 0, seatToken: simul.opponents[1].seatToken, listen: 'board', want: 'state' });
    const projector = await clients.connect();
    await hello(projector, simul.simulId);
    await command(simul.host, { type: 'message-class', preset: 'look-at-projector' });
    await projector.waitFor((e) => e.type === 'class-message');
    await new Promise((r) => setTimeout(r, 50));
    expect(heard.flatMap((b) => b.events).find((e) => e.type === 'class-message')).toMatchObject({ preset: 'look-at-projector' });

    await command(simul.host, { type: 'message-class', text: 'Ten minutes, then we review' });
    const back = await clients.connect();
    const reply = await back.send('simul:hello', { v: 2, simulId: simul.simulId, lastSeq: 0, seatToken: simul.opponents[0].seatToken, listen: 'board', want: 'state' });
    expect(reply).toMatchObject({ ok: true, kind: 'snapshot', snapshot: { message: { text: 'Ten minutes, then we review' } } });
    const stored = (await store.load(simul.simulId))!.events.filter((e) => e.type === 'class-message');
    expect(stored).toHaveLength(2);
  });

  it('refuses a student, a spectator and another simul’s host; hostile text is refused and not stored', async () => {
    const { clients, store } = await serve();
    const simul = await seatedSimul(clients, { boards: 2, seated: 1, start: true });
    const spectator = await clients.connect();
    await hello(spectator, simul.simulId);
    const otherHost = await clients.connect();
    const other = await createSimul(otherHost);
    expect(await otherHost.send('simul:hello', { v: 2, simulId: simul.simulId, lastSeq: 0, hostKey: other.hostKey })).toMatchObject({
      ok: false,
      error: { code: 'bad-credentials' },
    });
    await hello(otherHost, simul.simulId);
    for (const client of [simul.opponents[0].client, spectator, otherHost]) {
      expect(await client.send('simul:command', { type: 'message-class', preset: 'well-played' })).toMatchObject({ ok: false, error: { code: 'not-host' } });
    }
    for (const text of ['x'.repeat(141), 'click \u202Eexe.gpj', '\u200B', 'Z\u0300\u0301\u0302\u0303']) {
      expect(await simul.host.send('simul:command', { type: 'message-class', text })).toMatchObject({ ok: false, error: { code: 'message-invalid' } });
    }
    expect(await simul.host.send('simul:command', { type: 'message-class', text: 'x'.repeat(1001) })).toMatchObject({
      ok: false,
      error: { code: 'bad-payload' },
    });
    expect(await simul.host.send('simul:command', { type: 'message-class', preset: 'free-pizza' })).toMatchObject({ ok: false, error: { code: 'bad-payload' } });
    expect((await store.load(simul.simulId))!.events.some((e) => e.type === 'class-message')).toBe(false);
  });

  it('lets a host send at most three a minute, on the room’s clock', async () => {
    const { clients, clock } = await serve();
    const simul = await seatedSimul(clients, { boards: 1, seated: 1, start: true });
    for (const preset of ['five-minutes', 'finish-game', 'look-at-projector']) await command(simul.host, { type: 'message-class', preset });
    clock.advance(59_999);
    expect(await simul.host.send('simul:command', { type: 'message-class', preset: 'well-played' })).toEqual({
      ok: false,
      error: { code: 'too-many-messages', params: { perMinute: 3, retryAfterMs: 1 } },
    });
    clock.advance(1);
    await command(simul.host, { type: 'message-class', preset: 'well-played' });
  });

  it('may say "Well played, everyone!" after the simul has ended, and the phones hear it', async () => {
    const { clients } = await serve();
    const simul = await seatedSimul(clients, { boards: 1, seated: 1, start: true });
    await command(simul.host, { type: 'end-simul' });
    await command(simul.host, { type: 'message-class', preset: 'well-played' });
    await simul.opponents[0].client.waitFor((e) => e.type === 'class-message' && e.preset === 'well-played');
  });
});
