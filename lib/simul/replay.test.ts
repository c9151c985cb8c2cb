// The log is the record: replaying it reproduces the state; decide never changes the state;
// a resent move is applied once.
import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { evolve, initialState, replay } from './evolve';
import { HOST, SPECTATOR, TestSimul, opponent, snapshot, types } from './test-log';
import type { Command, SimulEvent } from './types';

/** A mixed async session: seats, a freed seat, moves, a promotion, a mate, draws, an abort, the finish. */
function asyncSession(): TestSimul {
  const s = new TestSimul({ boards: 5, mode: 'async', hostColor: 'alternate', now: 100 });
  s.join('Ada');
  s.join('Bob');
  s.join('Cy', 4);
  s.tick(10).ok(HOST, { type: 'free-seat', board: 2 });
  s.join('Dee');
  s.ok(HOST, { type: 'reissue-seat', board: 1 });
  s.ok(HOST, { type: 'close-joining' });
  s.tick(10).ok(HOST, { type: 'start' });
  s.tick(1_000).play(1, 'e4');
  s.tick(1_000).play(2, 'd4');
  s.tick(1_000).play(1, 'e5');
  s.tick(1_000).play(2, 'd5');
  s.tick(1_000).ok(HOST, { type: 'focus', board: 4 });
  s.tick(1_000).playLine(4, 'e4 e5 Bc4');
  s.tick(1_000).ok(opponent(4), { type: 'offer-draw', board: 4 });
  s.tick(1_000).ok(HOST, { type: 'answer-draw', board: 4, accept: false });
  s.tick(1_000).playLine(1, 'Bc4 Nc6 Qh5 Nf6 Qxf7#');
  s.tick(1_000).playLine(2, 'c4 dxc4 e4 b5 a4 b4 Bxc4');
  s.tick(1_000).ok(HOST, { type: 'abort-game', board: 2 });
  return s;
}

describe('replay', () => {
  it('reproduces a mid-simul async state from the log', () => {
    const s = asyncSession();
    expect(s.state.phase).toBe('playing');
    const folded = replay(s.log);
    expect(snapshot(folded)).toEqual(snapshot(s.state));
    // spot-check that the comparison is not vacuous
    expect(folded.seq).toBe(s.log.length);
    expect(folded.order).toEqual([1, 2, 4]);
    expect(folded.boards.get(1)!.result).toBe('1-0');
    expect(folded.boards.get(2)!.status).toBe('aborted');
    expect(folded.boards.get(4)!.chess.fen()).toBe(s.board(4).chess.fen());
    expect(folded.focus).toBe(s.state.focus);
  });

  it('reproduces a finished sync state from the log', () => {
    const s = new TestSimul({ boards: 3, mode: 'sync', hostColor: 'black', now: 0 });
    s.seatAndStart('Ada', 'Bob', 'Cy');
    s.tick(500).playLine(1, 'f3 e5 g4 Qh4#');
    s.tick(500).playLine(2, 'e4 e5');
    s.tick(500).ok(HOST, { type: 'offer-draw', board: 2 });
    s.tick(500).ok(opponent(2), { type: 'answer-draw', board: 2, accept: true });
    s.tick(500).playLine(3, 'a4 b5 axb5 Bb7 b6 Nc6 bxc7 Rc8 cxd8=N');
    s.tick(500).ok(HOST, { type: 'end-simul' });
    expect(s.board(3).chess.get('d8')).toEqual({ type: 'n', color: 'w' });
    expect(s.state).toMatchObject({ phase: 'finished', endedEarly: true, finishedAt: 3_000 });
    expect(snapshot(replay(s.log))).toEqual(snapshot(s.state));
  });

  it('can resume from a partial fold', () => {
    const s = asyncSession();
    const cut = Math.floor(s.log.length / 2);
    const resumed = replay(s.log.slice(cut), replay(s.log.slice(0, cut)));
    expect(snapshot(resumed)).toEqual(snapshot(s.state));
  });

  it('keeps the threefold count across a replay', () => {
    const s = new TestSimul({ boards: 2 });
    s.seatAndStart('Ada', 'Bob');
    s.playLine(1, 'Nf3 Nf6 Ng1 Ng8 Nf3 Nf6 Ng1');
    const folded = replay(s.log);
    // One more repetition ends the game on the folded state exactly as on the live one.
    const command = s.moveCommand(1, 'Ng8');
    const live = decide(s.state, opponent(1), command, 0);
    const again = decide(folded, opponent(1), command, 0);
    expect(again).toEqual(live);
    expect(live.ok && live.events.map((e) => e.type)).toEqual(['move-made', 'game-ended']);
  });

  it('evolve throws on a gap in the sequence and on a repeated event', () => {
    const s = asyncSession();
    const gap = [...s.log.slice(0, 5), ...s.log.slice(6)];
    expect(() => replay(gap)).toThrow('event seq 7 does not follow 5');
    const state = replay(s.log.slice(0, 5));
    expect(() => evolve(state, s.log[4])).toThrow('event seq 5 does not follow 5');
    expect(state.seq).toBe(5);
  });

  it('evolve throws on an event for a board that does not exist', () => {
    const state = replay(new TestSimul({ boards: 2 }).log);
    const stray: SimulEvent = { seq: 2, at: 0, type: 'seat-taken', board: 3, name: 'X', playerId: 'x' };
    expect(() => evolve(state, stray)).toThrow('unknown board 3');
  });

  it('an empty log folds to the initial state', () => {
    expect(snapshot(replay([]))).toEqual(snapshot(initialState()));
  });
});

describe('idempotent moves (clientMoveId)', () => {
  function started() {
    const s = new TestSimul({ boards: 2, hostColor: 'white' });
    s.seatAndStart('Ada', 'Bob');
    return s;
  }
  const e4: Command = { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'h1' };

  it("a resend of the side's last move is a duplicate: ok, no events, nothing changes", () => {
    const s = started();
    s.ok(HOST, e4);
    const before = snapshot(s.state);
    const again = decide(s.state, HOST, e4, 0);
    expect(again).toEqual({ ok: true, events: [], duplicate: true });
    expect(s.dispatch(HOST, e4)).toEqual({ ok: true, events: [], duplicate: true });
    expect(snapshot(s.state)).toEqual(before);
    expect(s.board(1).chess.history()).toEqual(['e4']);
  });

  it('is still a duplicate after the other side has replied (it is the host turn again)', () => {
    const s = started();
    s.ok(HOST, e4);
    s.ok(opponent(1), { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'o1' });
    expect(s.dispatch(HOST, e4)).toEqual({ ok: true, events: [], duplicate: true });
    expect(s.board(1).chess.history()).toEqual(['e4', 'e5']);
  });

  it('every move counts, not only the last: an older resend is still a duplicate', () => {
    const s = started();
    s.ok(HOST, e4);
    s.ok(opponent(1), { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'o1' });
    s.ok(HOST, { type: 'move', board: 1, from: 'g1', to: 'f3', clientMoveId: 'h2' });
    expect(s.dispatch(HOST, e4)).toEqual({ ok: true, events: [], duplicate: true });
    expect(s.board(1).chess.history()).toEqual(['e4', 'e5', 'Nf3']);
  });

  it('ids are per side: the opponent may use the id the host used', () => {
    const s = started();
    s.ok(HOST, e4);
    const reply = s.ok(opponent(1), { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'h1' });
    expect(types(reply)).toEqual(['move-made']);
    expect(s.board(1).lastClientMoveId).toEqual({ host: 'h1', opponent: 'h1' });
  });

  it('an id is the sender\'s: the same id for a move on another board is refused, and changes nothing', () => {
    const s = started();
    s.ok(HOST, e4);
    const before = s.log.length;
    expect(s.refused(HOST, { ...e4, board: 2 })).toBe('command-id-reused');
    expect(s.refused(HOST, { ...e4, from: 'd2', to: 'd4', board: 1 })).toBe('command-id-reused');
    expect(s.log.length).toBe(before);
    expect(types(s.ok(HOST, { ...e4, board: 2, clientMoveId: 'other' }))).toEqual(['move-made']);
  });

  it('a duplicate is still refused to someone who does not play that side', () => {
    const s = started();
    s.ok(HOST, e4);
    expect(s.refused(SPECTATOR, e4)).toBe('not-seated');
    expect(s.refused(opponent(2), e4)).toBe('not-your-board');
  });

  // Known gap (see the report): decide checks that the board is live before it looks for a
  // duplicate, so the resend of a move that ended the game (ack lost) is refused with game-over
  // although the move was applied. When that is fixed, drop `.fails`.
  it('a resent move that ended the game is acknowledged as a duplicate', () => {
    const s = started();
    s.playLine(1, 'e4 e5 Bc4 Nc6 Qh5 Nf6');
    const mate: Command = { type: 'move', board: 1, from: 'h5', to: 'f7', clientMoveId: 'mate' };
    expect(types(s.ok(HOST, mate))).toEqual(['move-made', 'game-ended']);
    expect(s.dispatch(HOST, mate)).toEqual({ ok: true, events: [], duplicate: true });
  });

  it('the last ids survive a replay', () => {
    const s = started();
    s.ok(HOST, e4);
    expect(decide(replay(s.log), HOST, e4, 0)).toEqual({ ok: true, events: [], duplicate: true });
  });
});

describe('decide never changes the state', () => {
  function expectPure(s: TestSimul, actor: Parameters<typeof decide>[1], command: Command) {
    const before = snapshot(s.state);
    const threefold = [...s.state.boards.values()].map((b) => b.chess.isThreefoldRepetition());
    const decision = decide(s.state, actor, command, 0);
    expect(snapshot(s.state)).toEqual(before);
    expect([...s.state.boards.values()].map((b) => b.chess.isThreefoldRepetition())).toEqual(threefold);
    return decision;
  }

  it('for a mating move (and the events still describe the mate)', () => {
    const s = new TestSimul({ boards: 2 });
    s.seatAndStart('Ada', 'Bob');
    s.playLine(1, 'e4 e5 Bc4 Nc6 Qh5 Nf6');
    const decision = expectPure(s, HOST, s.moveCommand(1, 'Qxf7#'));
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['move-made', 'game-ended']);
    expect(s.board(1).status).toBe('playing');
    expect(s.board(1).chess.isCheckmate()).toBe(false);
  });

  it('for the move that ends the simul', () => {
    const s = new TestSimul({ boards: 1 });
    s.seatAndStart('Ada');
    s.playLine(1, 'e4 e5 Bc4 Nc6 Qh5 Nf6');
    const decision = expectPure(s, HOST, s.moveCommand(1, 'Qxf7#'));
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['move-made', 'game-ended', 'simul-finished']);
    expect(s.state.phase).toBe('playing');
  });

  it('for ordinary, illegal and out-of-turn moves, promotions and every other command', () => {
    const s = new TestSimul({ boards: 3, mode: 'sync' });
    s.seatAndStart('Ada', 'Bob', 'Cy');
    s.playLine(1, 'a4 b5 axb5 a6 bxa6 Bb7 axb7 Nc6');
    expectPure(s, HOST, s.moveCommand(1, 'bxa8=N'));
    expectPure(s, HOST, { type: 'move', board: 1, from: 'b7', to: 'b8', clientMoveId: 'x' });
    expectPure(s, opponent(1), { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'y' });
    expectPure(s, HOST, { type: 'move', board: 2, from: 'e2', to: 'e4', clientMoveId: 'z' });
    expectPure(s, opponent(1), { type: 'resign', board: 1 });
    expectPure(s, HOST, { type: 'offer-draw', board: 1 });
    expectPure(s, HOST, { type: 'abort-game', board: 1 });
    expectPure(s, HOST, { type: 'end-simul' });
    expectPure(s, HOST, { type: 'focus', board: 1 });
  });

  it('deciding a repetition many times does not count towards threefold', () => {
    const s = new TestSimul({ boards: 2 });
    s.seatAndStart('Ada', 'Bob');
    s.playLine(1, 'Nf3 Nf6 Ng1');
    for (let i = 0; i < 5; i++) expectPure(s, opponent(1), s.moveCommand(1, 'Ng8'));
    const events = s.playLine(1, 'Ng8 Nf3 Nf6 Ng1');
    expect(types(events)).not.toContain('game-ended');
    expect(types(s.play(1, 'Ng8'))).toEqual(['move-made', 'game-ended']);
  });

  it('in the lobby', () => {
    const s = new TestSimul({ boards: 2 });
    s.join('Ada');
    expectPure(s, SPECTATOR, { type: 'join', name: 'Bob', playerId: 'b' });
    expectPure(s, HOST, { type: 'free-seat', board: 1 });
    expectPure(s, HOST, { type: 'start' });
    expectPure(s, HOST, { type: 'close-joining' });
    expectPure(s, HOST, { type: 'end-simul' });
  });
});

describe('idempotent commands (commandId)', () => {
  function started() {
    const s = new TestSimul({ boards: 2, hostColor: 'white' });
    s.seatAndStart('Ada', 'Bob');
    return s;
  }

  it('a resent resignation is acknowledged with its first outcome, not "game over"', () => {
    const s = started();
    const resign: Command = { type: 'resign', board: 1, commandId: 'r1' };
    expect(types(s.ok(opponent(1), resign))).toEqual(['game-ended']);
    expect(s.dispatch(opponent(1), resign)).toEqual({ ok: true, events: [], duplicate: true });
    // Without an id it is an ordinary command: the game is over.
    expect(s.refused(opponent(1), { type: 'resign', board: 1 })).toBe('game-over');
  });

  it('covers draw answers and the host\'s commands, and survives a replay (a server restart)', () => {
    const s = started();
    s.ok(HOST, { type: 'offer-draw', board: 2, commandId: 'd1' });
    const answer: Command = { type: 'answer-draw', board: 2, accept: true, commandId: 'a1' };
    s.ok(opponent(2), answer);
    const focus: Command = { type: 'focus', board: 1, commandId: 'f1' };
    s.dispatch(HOST, focus);
    const restarted = replay(s.log);
    expect(decide(restarted, opponent(2), answer, 0)).toEqual({ ok: true, events: [], duplicate: true });
    expect(decide(restarted, HOST, { type: 'offer-draw', board: 2, commandId: 'd1' }, 0)).toEqual({ ok: true, events: [], duplicate: true });
  });

  it('is a duplicate only from its sender: the same id from someone else is decided as theirs', () => {
    const s = started();
    s.ok(opponent(1), { type: 'resign', board: 1, commandId: 'x' });
    // Who asks is checked first: another student's board, a spectator's command.
    expect(s.refused(opponent(2), { type: 'resign', board: 1, commandId: 'x' })).toBe('not-your-board');
    expect(s.refused(SPECTATOR, { type: 'resign', board: 1, commandId: 'x' })).toBe('not-seated');
    expect(types(s.ok(opponent(2), { type: 'resign', board: 2, commandId: 'x' }))).toEqual(['game-ended', 'simul-finished']);
  });

  it('remembers the command on its first event only: sender (seat and since when), id and fingerprint', () => {
    const s = started();
    const reply = s.ok(opponent(1), { type: 'resign', board: 1, commandId: 'r9' });
    expect(reply.map((e) => e.command)).toEqual([expect.stringMatching(/^board 1@\d+#r9#[0-9a-f]{8}$/)]);
    expect(reply.slice(1).every((e) => e.command === undefined)).toBe(true);
  });

  it('refuses a reused id for another command: offer-draw k1 then resign k1 is no silent no-op', () => {
    const s = started();
    s.ok(opponent(1), { type: 'offer-draw', board: 1, commandId: 'k1' });
    const before = s.log.length;
    expect(s.refused(opponent(1), { type: 'resign', board: 1, commandId: 'k1' })).toBe('command-id-reused');
    expect(s.log.length).toBe(before);
    // A move with that id is another request too.
    s.ok(HOST, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'h1' });
    expect(s.refused(opponent(1), { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'k1' })).toBe('command-id-reused');
    // The resend of the same offer is still a duplicate.
    expect(s.dispatch(opponent(1), { type: 'offer-draw', board: 1, commandId: 'k1' })).toEqual({ ok: true, events: [], duplicate: true });
  });

  it('a re-issued seat\'s new device shares no ids with the old one', () => {
    const s = started();
    s.ok(opponent(1), { type: 'offer-draw', board: 1, commandId: 'k1' });
    s.ok(HOST, { type: 'answer-draw', board: 1, accept: false });
    s.ok(HOST, { type: 'reissue-seat', board: 1 });
    // The new device's first command happens to reuse the old device's id: it is applied.
    expect(types(s.ok(opponent(1), { type: 'resign', board: 1, commandId: 'k1' }))).toEqual(['game-ended']);
  });
});
