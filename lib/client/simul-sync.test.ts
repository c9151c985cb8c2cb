// The sync against a fake socket: the hello and its reply, a gap seen and caught up, a
// reconnect's catch-up from the last event held, overlapping frames, and one store update per
// frame. The events are real (lib/simul/test-log.ts drives the domain as the room does).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOST } from '../simul/test-log';
import { delta, openOnFake } from './testing/open-on-fake';
import { flush } from './testing/fake-socket';
import { withBrowserStorage } from './testing/memory-storage';

let undoStorage: () => void;
beforeEach(() => void (undoStorage = withBrowserStorage()));
afterEach(() => undoStorage());

describe('the sync', () => {
  it('folds the log of its hello, then each frame as it comes, with one store update per frame', async () => {
    const { simul, socket, connection, view } = await openOnFake('host');
    expect(view().state.phase).toBe('playing');
    expect(view().log.map((e) => e.seq)).toEqual(simul.log.map((e) => e.seq));
    let updates = 0;
    connection.store.subscribe(() => updates++);
    socket.hear('simul:events', simul.play(1, 'e4'));
    expect(updates).toBe(1);
    expect(view().boards.get(1)!.lastMove).toBe('e2e4');
    expect(view().state.boards.get(1)!.chess.history()).toEqual(['e4']);
  });

  it('sees a gap and says hello again from the last event it holds, then folds what it missed', async () => {
    const { simul, socket, view } = await openOnFake('host');
    const held = view().log.length;
    simul.play(1, 'e4'); // lost on the way
    const next = simul.play(1, 'e5');
    socket.hear('simul:events', next);
    expect(view().state.boards.get(1)!.moveCount).toBe(0); // nothing folded past the gap
    const hello = socket.take('simul:hello');
    expect(hello.input).toMatchObject({ lastSeq: held });
    hello.answer(delta(simul.log.slice(held)));
    await flush();
    expect(view().state.boards.get(1)!.chess.history()).toEqual(['e4', 'e5']);
    expect(view().log.map((e) => e.seq)).toEqual(simul.log.map((e) => e.seq));
  });

  it('catches up after a drop from the last event it holds, and folds an overlapping frame once', async () => {
    const { simul, socket, view } = await openOnFake('host');
    socket.drop();
    expect(view().status).toBe('reconnecting');
    const held = view().log.length;
    const missed = simul.play(2, 'd4');
    socket.connect();
    const hello = socket.take('simul:hello');
    expect(hello.input).toMatchObject({ lastSeq: held });
    hello.answer(delta(missed));
    await flush();
    socket.hear('simul:events', missed); // the broadcast, after the catch-up that held it
    expect(view().status).toBe('online');
    expect(view().state.boards.get(2)!.chess.history()).toEqual(['d4']);
    expect(view().log.length).toBe(simul.log.length);
  });

  it('redraws only the views of the boards an event touched', async () => {
    const { simul, socket, view } = await openOnFake('host');
    const before = view().boards;
    socket.hear('simul:events', simul.ok(HOST, simul.moveCommand(3, 'c4')));
    const after = view().boards;
    expect(after.get(3)).not.toBe(before.get(3));
    expect(after.get(2)).toBe(before.get(2));
  });
});
