// The frames the transport encodes itself are the bytes socket.emit would have written, and a
// part marked as sent unchanged is turned into JSON once however many frames carry it.
import { Encoder, PacketType } from 'socket.io-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sentUnchanged } from '../room/room-session';
import { eventPacket, payloadJson } from './frames';

/** What socket.io's own encoder makes of socket.emit(event, payload) on the main namespace. */
function socketIoPacket(event: string, payload: unknown): string {
  const [packet] = new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: [event, payload] });
  return packet as string;
}

const summary = () => ({
  phase: 'playing',
  focus: 2,
  queue: [2, 5],
  boards: [
    { board: 1, status: 'playing', moves: 3, result: null, reason: null },
    { board: 2, status: 'playing', moves: 4, result: null, reason: null, name: 'Zoë "Z" \u2028' },
  ],
  finishedAt: null,
  endedEarly: false,
});

const events = [{ seq: 7, at: 1000, type: 'move-made', board: 2, by: 'host', san: 'Nf3', from: 'g1', to: 'f3', clientMoveId: 'm1' }];

afterEach(() => vi.restoreAllMocks());

describe('eventPacket', () => {
  it("is socket.io's packet for the same event and payload, with or without parts marked as sent unchanged", () => {
    const shared = sentUnchanged(summary());
    const payloads: [string, unknown][] = [
      ['simul:events', events],
      ['simul:events', sentUnchanged([...events])],
      ['board:events', { board: 2, from: 4, events }],
      ['board:events', { board: 2, from: 4, events, summary: shared }],
      ['board:events', { board: 2, from: 4, events, summary: shared, missing: undefined, fn: () => 1 }],
      ['simul:summary', shared],
      ['simul:summary', summary()],
      ['simul:revoked', { board: 3, reason: 'freed' }],
      ['simul:revoked', { only: undefined, summary: shared }],
    ];
    for (const [event, payload] of payloads) expect(eventPacket(event, payload)).toBe(socketIoPacket(event, payload));
  });

  it('turns a part marked as sent unchanged into JSON once, however many frames carry it', () => {
    const shared = sentUnchanged(summary());
    const stringify = vi.spyOn(JSON, 'stringify');
    const first = payloadJson({ board: 1, from: 1, events, summary: shared });
    const calls = stringify.mock.calls.filter(([value]) => value === shared).length;
    expect(calls).toBe(1);
    for (let board = 2; board <= 5; board++) payloadJson({ board, from: 1, events, summary: shared });
    payloadJson(shared);
    expect(stringify.mock.calls.filter(([value]) => value === shared).length).toBe(1);
    expect(JSON.parse(first)).toEqual({ board: 1, from: 1, events, summary: summary() });
  });
});
