// A started simul (three boards unless asked) (real events, lib/simul/test-log.ts) and a screen's connection
// to it through a fake socket, its first hello answered with the log so far: the host's
// console, or the phone seated at board 2 (a phone that asks for the log hears the whole simul).
import { expect } from 'vitest';
import type { HelloReply } from '../../protocol/events';
import { TestSimul } from '../../simul/test-log';
import type { SimulEvent } from '../../simul/types';
import { credentials } from '../saved-credentials';
import { SimulConnection } from '../simul-connection';
import { FakeSocket, flush } from './fake-socket';

type Who = 'host' | 'board 2';

const whoOf = (who: Who) => (who === 'host' ? { role: 'host' as const, board: null } : { role: 'opponent' as const, board: 2 });

export const reset = (events: SimulEvent[], who: Who = 'host'): { ok: true } & HelloReply => ({
  ok: true,
  ...whoOf(who),
  serverNow: 5_000,
  kind: 'reset',
  snapshot: null,
  events,
  more: false,
});

export const delta = (events: SimulEvent[], who: Who = 'host'): { ok: true } & HelloReply => ({
  ok: true,
  ...whoOf(who),
  serverNow: 5_000,
  kind: 'delta',
  events,
  more: false,
});

export async function openOnFake(who: Who, boards = 3) {
  const simul = new TestSimul({ boards });
  simul.seatAndStart(...Array.from({ length: boards }, (_, i) => `Player ${i + 1}`));
  if (who === 'host') credentials.saveHostKey('sim-1', 'k'.repeat(20));
  else credentials.saveSeatToken('sim-1', 's'.repeat(20));
  const socket = new FakeSocket();
  const connection = new SimulConnection('sim-1', socket);
  socket.connect();
  const hello = socket.take('simul:hello');
  expect(hello.input).toMatchObject({ simulId: 'sim-1', lastSeq: 0, listen: 'simul' });
  hello.answer(reset([...simul.log], who));
  await flush();
  return { simul, socket, connection, view: () => connection.store.getState() };
}
