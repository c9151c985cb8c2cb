// The outbox against a fake socket: a command resent with its id after a reconnect, settled only
// by this sender's own command in the log (never by another's with the same id), and the
// optimistic move: shown at once, kept until the server's position changes, taken back on a
// refusal. The server's answers and events are the real domain's (lib/simul/test-log.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOST, opponent } from '../simul/test-log';
import type { Command } from '../simul/types';
import { SimulController } from './simul-controller';
import { flush } from './testing/fake-socket';
import { withBrowserStorage } from './testing/memory-storage';
import { delta, openOnFake } from './testing/open-on-fake';

let undoStorage: () => void;
beforeEach(() => void (undoStorage = withBrowserStorage()));
afterEach(() => undoStorage());

/** What the server answers a command with: its decision, as the room acknowledges it. */
function answerOf(out: ReturnType<import('../simul/test-log').TestSimul['dispatch']>) {
  return out.ok ? { ok: true as const } : out;
}

describe('the outbox', () => {
  it('resends a command with the same id after a reconnect, and settles it on the answer', async () => {
    const { simul, socket, connection, view } = await openOnFake('host');
    const controller = new SimulController(connection);
    const answer = controller.move(1, 'e2', 'e4');
    const first = socket.take('simul:command');
    socket.drop(); // its answer is lost with the link
    await flush();
    expect(view().pendingCommands).toBe(1);
    socket.connect();
    expect(socket.count('simul:command')).toBe(0); // not before the catch-up
    socket.take('simul:hello').answer(delta([]));
    await flush();
    const again = socket.take('simul:command');
    expect(again.input).toEqual(first.input);
    again.answer(answerOf(simul.dispatch(HOST, again.input as Command)));
    expect(await answer).toEqual({ ok: true });
    expect(view().pendingCommands).toBe(0);
  });

  it('holds a command made on a new connection until its hello is answered (the server would not know who sends)', async () => {
    const { simul, socket, connection } = await openOnFake('host');
    const controller = new SimulController(connection);
    socket.drop();
    await flush();
    socket.connect();
    const answer = controller.move(1, 'e2', 'e4');
    await flush();
    expect(socket.count('simul:command')).toBe(0);
    socket.take('simul:hello').answer(delta([]));
    await flush();
    const sent = socket.take('simul:command');
    sent.answer(answerOf(simul.dispatch(HOST, sent.input as Command)));
    expect(await answer).toEqual({ ok: true });
  });

  it('settles a command seen in the log only when it is this sender’s own, not another’s with the same id', async () => {
    const { simul, socket, connection, view } = await openOnFake('board 2');
    socket.hear('simul:events', simul.play(2, 'e4')); // the host's move: board 2 is to move
    let settled = false;
    void connection.outbox.command({ type: 'move', board: 2, from: 'e7', to: 'e5', clientMoveId: 'same' }).then(() => (settled = true));
    void connection.outbox.command({ type: 'offer-draw', board: 2, commandId: 'c1' });
    const mine = socket.take('simul:command');
    mine.lose(); // its answer never comes
    socket.take('simul:command').lose();
    await flush();
    // The host, on another board, sends a move and an offer with the same ids: not this phone's.
    socket.hear('simul:events', simul.ok(HOST, { type: 'move', board: 1, from: 'd2', to: 'd4', clientMoveId: 'same' }));
    socket.hear('simul:events', simul.ok(HOST, { type: 'offer-draw', board: 1, commandId: 'c1' }));
    await flush();
    expect(settled).toBe(false);
    expect(view().pendingCommands).toBe(2);
    // Its own move, applied (the answer lost), shows in the log: settled; the offer still waits.
    socket.hear('simul:events', simul.ok(opponent(2), mine.input as Command));
    await flush();
    expect(settled).toBe(true);
    expect(view().pendingCommands).toBe(1);
    socket.hear('simul:events', simul.ok(opponent(2), { type: 'offer-draw', board: 2, commandId: 'c1' }));
    expect(view().pendingCommands).toBe(0);
  });

  it('shows a move at once and keeps it until the server’s position changes', async () => {
    const { simul, socket, connection, view } = await openOnFake('host');
    const fen = view().state.boards.get(1)!.chess.fen();
    void new SimulController(connection).move(1, 'e2', 'e4');
    const shown = view().optimistic.get(1);
    expect(shown).toMatchObject({ basedOn: fen, from: 'e2', to: 'e4' });
    expect(shown!.fen).not.toBe(fen);
    const sent = socket.take('simul:command');
    const events = simul.ok(HOST, sent.input as Command);
    sent.answer({ ok: true }); // the answer before the event
    await flush();
    expect(view().optimistic.get(1)).toBe(shown);
    socket.hear('simul:events', events);
    expect(view().optimistic.has(1)).toBe(false);
    expect(view().state.boards.get(1)!.chess.fen()).toBe(shown!.fen);
  });

  it('takes an optimistic move back when the server refuses it, and keeps the refusal to show', async () => {
    const { simul, socket, connection, view } = await openOnFake('host');
    simul.ok(opponent(1), { type: 'resign', board: 1 }); // not yet heard by this console
    const answer = new SimulController(connection).move(1, 'e2', 'e4');
    expect(view().optimistic.has(1)).toBe(true);
    const sent = socket.take('simul:command');
    const refusal = answerOf(simul.dispatch(HOST, sent.input as Command));
    expect(refusal.ok).toBe(false);
    sent.answer(refusal);
    expect(await answer).toEqual(refusal);
    expect(view().optimistic.has(1)).toBe(false);
    expect(view().refusal).toEqual((refusal as { error: unknown }).error);
    expect(view().pendingCommands).toBe(0);
  });

  it('drops an optimistic move taken back in the same events, though the board stands where the move was made', async () => {
    const { simul, socket, connection, view } = await openOnFake('board 2');
    socket.hear('simul:events', simul.play(2, 'e4')); // the host's move: board 2 is to move
    const fen = view().state.boards.get(2)!.chess.fen();
    void new SimulController(connection).move(2, 'e7', 'e5');
    expect(view().optimistic.get(2)).toMatchObject({ basedOn: fen });
    const sent = socket.take('simul:command');
    sent.lose();
    // Its move, the student's request to take it back and the host's yes, heard at once.
    const events = [
      ...simul.ok(opponent(2), sent.input as Command),
      ...simul.ok(opponent(2), { type: 'request-takeback', board: 2 }),
      ...simul.ok(HOST, { type: 'answer-takeback', board: 2, accept: true }),
    ];
    socket.hear('simul:events', events);
    await flush();
    expect(view().state.boards.get(2)!.chess.fen()).toBe(fen);
    expect(view().optimistic.has(2)).toBe(false);
  });
});
