// The room speaks the protocol itself, behind any transport: here links that keep the frames
// they are sent (no Socket.IO, no server). Hello, join, commands, what each session hears,
// revocation, and a lost room closing its sessions.
import { describe, expect, it } from 'vitest';
import type { BoardEvents } from '../../lib/protocol/events';
import type { SimulEvent } from '../../lib/simul/types';
import { MemoryEventStore } from '../store/memory-store';
import { RecordingLink } from '../testing/recording-link';
import { sliceSpacingMs, WATCHER_EVERY_MS, WATCHER_SLICE } from './room-listeners';
import { SimulHub } from './simul-hub';
import type { RoomSession } from './room-session';
import type { SimulRoom } from './simul-room';
import { realClock } from './simul-time';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const open = () => null;

async function classroom() {
  const hub = new SimulHub(new MemoryEventStore(), realClock(() => 1_000));
  const { simulId, hostKey } = await hub.create({ title: 'Period 3', boards: 2, hostColor: 'white', mode: 'async' });
  const room = hub.get(simulId)!;
  const say = (link: RecordingLink, extra: Record<string, unknown> = {}) => room.hello(link, `net-${link.id}`, { v: 2, simulId, lastSeq: 0, ...extra }, open);
  const host = new RecordingLink('host');
  const hostSession = say(host, { hostKey }).session!;
  return { hub, room, simulId, say, host, hostSession };
}

async function seat(room: SimulRoom, say: (l: RecordingLink, e?: Record<string, unknown>) => { session?: RoomSession }, link: RecordingLink, name: string) {
  const watching = say(link).session!;
  const joined = await room.join(watching, { name });
  if (!joined.ok) throw new Error(joined.error.code);
  const phone = say(link, { seatToken: joined.seatToken, listen: 'board' });
  return { ...joined, session: phone.session! };
}

function eventsOf(link: RecordingLink): SimulEvent[] {
  return link.frames.filter((f) => f.event === 'simul:events').flatMap((f) => f.payload as SimulEvent[]);
}

describe('a room behind a transport of its own', () => {
  it('answers a hello by who the credential makes the session, and refuses a wrong one', async () => {
    const { room, say, hostSession } = await classroom();
    expect(room.actorFor(hostSession.credential)).toEqual({ role: 'host' });
    const spectator = say(new RecordingLink('s'));
    expect(spectator.ack).toMatchObject({ ok: true, role: 'spectator', kind: 'reset' });
    expect(say(new RecordingLink('x'), { hostKey: 'not-the-key-of-this-simul' }).ack).toMatchObject({ ok: false, error: { code: 'bad-credentials' } });
    expect(say(new RecordingLink('y'), { listen: 'board' }).ack).toMatchObject({ ok: false, error: { code: 'not-seated' } });
    // A reply the transport's budget refuses leaves no session.
    const refused = room.hello(new RecordingLink('z'), 'net-z', { v: 2, simulId: room.id, lastSeq: 0 }, () => ({ ok: false, error: { code: 'rate-limited' } }) as never);
    expect(refused.session).toBeUndefined();
    expect(room.sessionOf(new RecordingLink('z'))).toBeNull();
  });

  it('tells each session what it listens to, once per turn: the host the whole stream, a phone its board', async () => {
    const { room, say, host, hostSession } = await classroom();
    const ada = new RecordingLink('ada');
    const bo = new RecordingLink('bo');
    const adaSeat = await seat(room, say, ada, 'Ada');
    await seat(room, say, bo, 'Bo');
    await room.command(hostSession, { type: 'start' });
    await nextTurn();
    host.frames.length = ada.frames.length = bo.frames.length = 0;

    const moved = await room.command(hostSession, { type: 'move', board: adaSeat.board, from: 'e2', to: 'e4', clientMoveId: 'h1' });
    expect(moved.ok).toBe(true);
    await nextTurn();
    expect(eventsOf(host).map((e) => e.type)).toContain('move-made');
    const adaBoard = ada.frames.filter((f) => f.event === 'board:events').map((f) => f.payload as BoardEvents);
    expect(adaBoard).toHaveLength(1);
    expect(adaBoard[0].events.some((e) => e.type === 'move-made')).toBe(true);
    // She is to move: her phone says so from her board's own event and shows nothing of where
    // the host is, so no summary comes with it, and none on its own.
    expect(adaBoard[0].summary).toBeUndefined();
    expect(ada.frames.some((f) => f.event === 'simul:summary')).toBe(false);
    // Her move puts her board in the host's queue: where the host is rides on her board's frame.
    ada.frames.length = 0;
    expect(await room.command(adaSeat.session, { type: 'move', board: adaSeat.board, from: 'e7', to: 'e5', clientMoveId: 'a1' })).toMatchObject({ ok: true });
    await nextTurn();
    const answer = ada.frames.filter((f) => f.event === 'board:events').map((f) => f.payload as BoardEvents);
    expect(answer).toHaveLength(1);
    expect(answer[0].summary?.phase).toBe('playing');
    expect(answer[0].summary?.queue).toContain(adaSeat.board);
    expect(ada.frames.some((f) => f.event === 'simul:summary')).toBe(false);
    // Bo's board did not change: no board frame for it, and never the whole stream to a phone.
    expect(bo.frames.some((f) => f.event === 'board:events')).toBe(false);
    expect([...ada.frames, ...bo.frames].some((f) => f.event === 'simul:events')).toBe(false);
  });

  it('runs a command as whoever the credential makes the session now: a freed seat is told and acts no more', async () => {
    const { room, say, hostSession } = await classroom();
    const ada = new RecordingLink('ada');
    const adaSeat = await seat(room, say, ada, 'Ada');
    await room.command(hostSession, { type: 'free-seat', board: adaSeat.board });
    await nextTurn();
    expect(ada.frames.filter((f) => f.event === 'simul:revoked').map((f) => f.payload)).toEqual([{ board: adaSeat.board, reason: 'freed' }]);
    expect(room.actorFor(adaSeat.session.credential)).toEqual({ role: 'spectator' });
    expect(await room.command(adaSeat.session, { type: 'resign', board: adaSeat.board })).toMatchObject({ ok: false });
  });

  it('forgets a session that left, and closes every session when it leaves memory', async () => {
    const { room, say, host } = await classroom();
    const watcher = new RecordingLink('w');
    say(watcher);
    expect(room.listened).toBe(true);
    room.leave(watcher);
    room.leave(host);
    expect(room.listened).toBe(false);
    const again = new RecordingLink('again');
    say(again);
    room.closeSessions('elsewhere');
    expect(again.closed).toBe('elsewhere');
    expect(room.listened).toBe(false);
  });

  it("spreads a big crowd's pass over most of its wait: a slice every few milliseconds, not one turn after another", async () => {
    const { room, say, hostSession } = await classroom();
    const ada = new RecordingLink('ada');
    const adaSeat = await seat(room, say, ada, 'Ada');
    await room.command(hostSession, { type: 'start' });
    const crowd = 20 * WATCHER_SLICE;
    const spacing = sliceSpacingMs(crowd);
    expect(spacing).toBeGreaterThanOrEqual(4);
    const heardAt = new Map<string, number>();
    const watchers = Array.from({ length: crowd }, (_, i) => {
      const link = new RecordingLink(`w${i}`);
      const send = link.send.bind(link);
      link.send = (event, payload) => {
        send(event, payload);
        if (event === 'simul:events' && (payload as SimulEvent[]).some((e) => e.type === 'move-made')) heardAt.set(link.id, performance.now());
      };
      return link;
    });
    for (const w of watchers) expect(say(w).ack.ok).toBe(true);
    // The start's pass is over and the next may begin at once.
    await new Promise((resolve) => setTimeout(resolve, 2 * WATCHER_EVERY_MS));
    await room.command(hostSession, { type: 'move', board: adaSeat.board, from: 'e2', to: 'e4', clientMoveId: 'h1' });
    await new Promise((resolve) => setTimeout(resolve, 2 * WATCHER_EVERY_MS));
    expect(heardAt.size).toBe(crowd);
    // Twenty slices, each at least `spacing` after the one before (a timer may fire up to a
    // millisecond early): the pass takes most of the wait, however fast the machine.
    const times = [...heardAt.values()];
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(19 * (spacing - 1));
  });

  it('tells the host at once and the watchers a slice a turn, each event exactly once and in order', async () => {
    const { room, say, host, hostSession } = await classroom();
    const ada = new RecordingLink('ada');
    const adaSeat = await seat(room, say, ada, 'Ada');
    await room.command(hostSession, { type: 'start' });
    const watchers = Array.from({ length: 2 * WATCHER_SLICE + 50 }, (_, i) => new RecordingLink(`w${i}`));
    for (const w of watchers) expect(say(w).ack.ok).toBe(true);
    // The start's pass reaches them; the next may start a pacing interval after it.
    await new Promise((resolve) => setTimeout(resolve, WATCHER_EVERY_MS + 50));
    for (let i = 0; i < 8; i++) await nextTurn();
    for (const l of [host, ada, ...watchers]) l.frames.length = 0;

    await room.command(hostSession, { type: 'move', board: adaSeat.board, from: 'e2', to: 'e4', clientMoveId: 'h1' });
    await nextTurn();
    // The turn that sent the move: the host and the board, and only the first slice of watchers.
    expect(eventsOf(host).map((e) => e.type)).toContain('move-made');
    expect(ada.frames.some((f) => f.event === 'board:events')).toBe(true);
    expect(watchers.filter((w) => eventsOf(w).length > 0)).toHaveLength(WATCHER_SLICE);
    // A move decided meanwhile goes to every watcher in the next pass, a crowd's pass at most
    // every WATCHER_EVERY_MS (real time: the pacing is the network's, not the simul's clock).
    await room.command(adaSeat.session, { type: 'move', board: adaSeat.board, from: 'e7', to: 'e5', clientMoveId: 'a1' });
    await new Promise((resolve) => setTimeout(resolve, WATCHER_EVERY_MS + 50));
    for (let i = 0; i < 8; i++) await nextTurn();
    const seqs = eventsOf(host).map((e) => e.seq);
    expect(seqs.length).toBeGreaterThanOrEqual(2);
    for (const w of watchers) expect(eventsOf(w).map((e) => e.seq)).toEqual(seqs);
  });
});
