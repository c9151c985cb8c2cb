// One board's game through the simul: colours, moves, rule endings, resignation, draws, tally.
import { describe, expect, it } from 'vitest';
import { Game } from '../chess/game';
import { sideToMove } from './queries';
import { tally } from './results';
import { HOST, SPECTATOR, TestSimul, opponent, types } from './test-log';
import type { SimulEvent } from './types';

/** The bodies of events (without seq/at), for exact comparisons. */
function bodies(events: SimulEvent[]) {
  return events.map(({ seq, at, ...body }) => body);
}

const SAM_LOYD_STALEMATE = 'e3 a5 Qh5 Ra6 Qxa5 h5 h4 Rah6 Qxc7 f6 Qxd7+ Kf7 Qxb7 Qd3 Qxb8 Qh7 Qxc8 Kg6 Qe6';

describe('host colour', () => {
  it('white: the host has white everywhere and moves first', () => {
    const s = new TestSimul({ boards: 3, hostColor: 'white' });
    s.seatAndStart('Ada', 'Bob', 'Cy');
    expect([1, 2, 3].map((n) => s.board(n).hostColor)).toEqual(['w', 'w', 'w']);
    expect([1, 2, 3].map((n) => sideToMove(s.board(n)))).toEqual(['host', 'host', 'host']);
    expect(s.state.focus).toBe(1);
  });

  it('black: the host has black everywhere, the opponents move first, and nobody awaits the host', () => {
    const s = new TestSimul({ boards: 3, hostColor: 'black' });
    s.seatAndStart('Ada', 'Bob', 'Cy');
    expect([1, 2, 3].map((n) => s.board(n).hostColor)).toEqual(['b', 'b', 'b']);
    expect([1, 2, 3].map((n) => sideToMove(s.board(n)))).toEqual(['opponent', 'opponent', 'opponent']);
    expect(s.state.focus).toBeNull();
    expect(s.refused(HOST, s.moveCommand(1, 'e4'))).toBe('not-your-turn');
    expect(types(s.ok(opponent(1), s.moveCommand(1, 'e4')))).toEqual(['move-made']);
  });

  it('alternate: the host has white on odd tables and black on even ones', () => {
    const s = new TestSimul({ boards: 4, hostColor: 'alternate' });
    expect([1, 2, 3, 4].map((n) => s.board(n).hostColor)).toEqual(['w', 'b', 'w', 'b']);
    s.seatAndStart('Ada', 'Bob', 'Cy', 'Di');
    expect([1, 2, 3, 4].map((n) => sideToMove(s.board(n)))).toEqual(['host', 'opponent', 'host', 'opponent']);
    expect(s.state.focus).toBe(1);
  });

  it('alternate keeps the table parity when odd boards are dropped at the start', () => {
    const s = new TestSimul({ boards: 4, hostColor: 'alternate' });
    s.join('Bob', 2);
    s.join('Di', 4);
    s.ok(HOST, { type: 'start' });
    expect(s.board(2).hostColor).toBe('b');
    expect(s.board(4).hostColor).toBe('b');
    expect(s.state.focus).toBeNull();
  });
});

describe('moves', () => {
  function started() {
    const s = new TestSimul({ boards: 2, hostColor: 'white', now: 10_000 });
    s.seatAndStart('Ada', 'Bob');
    return s;
  }

  it('records a legal move with its SAN, squares and client id, and passes the turn', () => {
    const s = started();
    s.tick(2_500);
    const events = s.ok(HOST, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'h1' });
    // seq: created 1, two seats 2-3, simul-started 4, two game-started 5-6.
    expect(events).toEqual([
      { seq: 7, at: 12_500, type: 'move-made', board: 1, by: 'host', san: 'e4', from: 'e2', to: 'e4', clientMoveId: 'h1' },
    ]);
    const b = s.board(1);
    expect(b.chess.fen()).toBe('rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq - 0 1');
    expect(b).toMatchObject({ moveCount: 1, lastMove: { from: 'e2', to: 'e4' }, turnSince: 12_500 });
    expect(b.lastClientMoveId).toEqual({ host: 'h1', opponent: null });
    expect(sideToMove(b)).toBe('opponent');
  });

  it('refuses an illegal move and a move from a non-square', () => {
    const s = started();
    expect(s.refused(HOST, { type: 'move', board: 1, from: 'e2', to: 'e5', clientMoveId: 'x' })).toBe('illegal-move');
    expect(s.refused(HOST, { type: 'move', board: 1, from: 'e3', to: 'e4', clientMoveId: 'x' })).toBe('illegal-move');
    expect(s.refused(HOST, { type: 'move', board: 1, from: 'k9', to: 'e4', clientMoveId: 'x' })).toBe('illegal-move');
    expect(s.board(1).chess.history()).toEqual([]);
  });

  it('refuses a move out of turn, by either side', () => {
    const s = started();
    expect(s.refused(opponent(1), { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'o1' })).toBe(
      'not-your-turn',
    );
    s.play(1, 'e4');
    expect(s.refused(HOST, { type: 'move', board: 1, from: 'd2', to: 'd4', clientMoveId: 'h2' })).toBe(
      'not-your-turn',
    );
  });

  it("refuses a move on another opponent's board", () => {
    const s = started();
    s.play(1, 'e4');
    expect(s.refused(opponent(2), { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'o1' })).toBe(
      'not-your-board',
    );
  });

  it('refuses a move from a spectator', () => {
    const s = started();
    s.play(1, 'e4');
    expect(s.refused(SPECTATOR, { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 's1' })).toBe(
      'not-seated',
    );
  });

  it('refuses a move on a board that is not in play', () => {
    const s = new TestSimul({ boards: 3 });
    s.join('Ada', 1);
    s.ok(HOST, { type: 'start' });
    expect(s.refused(HOST, { type: 'move', board: 2, from: 'e2', to: 'e4', clientMoveId: 'h' })).toBe('unknown-board');
  });

  it('promotes to the piece chosen (underpromotion to a knight)', () => {
    const s = started();
    s.playLine(1, 'a4 b5 axb5 a6 bxa6 Bb7 axb7 Nc6');
    const events = s.ok(HOST, { type: 'move', board: 1, from: 'b7', to: 'a8', promotion: 'n', clientMoveId: 'promo' });
    expect(bodies(events)).toEqual([
      { type: 'move-made', board: 1, by: 'host', san: 'bxa8=N', from: 'b7', to: 'a8', promotion: 'n', clientMoveId: 'promo' },
    ]);
    expect(s.board(1).chess.get('a8')).toEqual({ type: 'n', color: 'w' });
  });

  it('promotes to a queen when no piece is given', () => {
    const s = started();
    s.playLine(1, 'a4 b5 axb5 a6 bxa6 Bb7 axb7 Nc6');
    const [moved] = s.ok(HOST, { type: 'move', board: 1, from: 'b7', to: 'a8', clientMoveId: 'promo' });
    expect(moved).toMatchObject({ san: 'bxa8=Q', promotion: 'q' });
    expect(s.board(1).chess.get('a8')).toEqual({ type: 'q', color: 'w' });
  });

  it('leaves out the promotion field for an ordinary move even if a piece was sent', () => {
    const s = started();
    const [moved] = s.ok(HOST, { type: 'move', board: 1, from: 'e2', to: 'e4', promotion: 'n', clientMoveId: 'h' });
    expect(moved).not.toHaveProperty('promotion');
    expect(moved).toMatchObject({ san: 'e4' });
  });

  it('keeps the boards independent', () => {
    const s = started();
    s.play(1, 'e4');
    s.play(2, 'd4');
    expect(s.board(1).chess.history()).toEqual(['e4']);
    expect(s.board(2).chess.history()).toEqual(['d4']);
  });
});

describe('endings by rule', () => {
  it("fool's mate: the opponent (white) mates the host (black)", () => {
    const s = new TestSimul({ boards: 2, hostColor: 'black' });
    s.seatAndStart('Ada', 'Bob');
    s.playLine(1, 'f3 e5 g4');
    const events = s.play(1, 'Qh4#');
    expect(bodies(events)).toEqual([
      { type: 'move-made', board: 1, by: 'host', san: 'Qh4#', from: 'd8', to: 'h4', clientMoveId: expect.any(String) },
      { type: 'game-ended', board: 1, result: '0-1', reason: 'checkmate' },
    ]);
    expect(s.board(1)).toMatchObject({ status: 'finished', result: '0-1', endReason: 'checkmate', turnSince: null });
    expect(tally(s.state)).toEqual({ wins: 1, draws: 0, losses: 0, unfinished: 0, playing: 1 });
  });

  it("scholar's mate: the host (white) mates the opponent", () => {
    const s = new TestSimul({ boards: 2, hostColor: 'white' });
    s.seatAndStart('Ada', 'Bob');
    s.playLine(2, 'e4 e5 Bc4 Nc6 Qh5 Nf6');
    const events = s.play(2, 'Qxf7#');
    expect(types(events)).toEqual(['move-made', 'game-ended']);
    expect(events[1]).toMatchObject({ board: 2, result: '1-0', reason: 'checkmate' });
    expect(s.board(2).endReason).toBe('checkmate');
    expect(tally(s.state).wins).toBe(1);
  });

  it('the host can be mated when it has white (fool\'s mate against the host)', () => {
    const s = new TestSimul({ boards: 2, hostColor: 'white' });
    s.seatAndStart('Ada', 'Bob');
    s.playLine(1, 'f3 e5 g4');
    const events = s.play(1, 'Qh4#');
    expect(events[0]).toMatchObject({ by: 'opponent' });
    expect(events[1]).toMatchObject({ type: 'game-ended', result: '0-1', reason: 'checkmate' });
    expect(tally(s.state)).toMatchObject({ wins: 0, losses: 1 });
  });

  it("stalemate (Sam Loyd's ten moves) is a draw", () => {
    const s = new TestSimul({ boards: 2, hostColor: 'white' });
    s.seatAndStart('Ada', 'Bob');
    const events = s.playLine(1, SAM_LOYD_STALEMATE);
    expect(events.at(-1)).toMatchObject({ type: 'game-ended', board: 1, result: '1/2-1/2', reason: 'stalemate' });
    expect(types(events).filter((t) => t === 'game-ended')).toHaveLength(1);
    expect(s.board(1).chess.fen()).toBe('5bnr/4p1pq/4Qpkr/7p/7P/4P3/PPPP1PP1/RNB1KBNR b KQ - 2 10');
    expect(s.board(1).moveCount).toBe(19);
  });

  it('threefold repetition ends the game on the third occurrence (knights back and forth)', () => {
    const s = new TestSimul({ boards: 2, hostColor: 'white' });
    s.seatAndStart('Ada', 'Bob');
    const before = s.playLine(1, 'Nf3 Nf6 Ng1 Ng8 Nf3 Nf6 Ng1');
    expect(types(before)).not.toContain('game-ended');
    const events = s.play(1, 'Ng8');
    expect(bodies(events)[1]).toEqual({
      type: 'game-ended',
      board: 1,
      result: '1/2-1/2',
      reason: 'threefold-repetition',
    });
  });

  // No short game from the initial position reaches these, so the position is loaded into the
  // board directly: decide reads the board's chess.js game, whatever its history.
  it('insufficient material ends the game (position loaded into the board)', () => {
    const s = new TestSimul({ boards: 2, hostColor: 'white' });
    s.seatAndStart('Ada', 'Bob');
    s.board(1).chess = new Game('4k3/8/8/8/8/8/5r2/4KB2 w - - 0 1');
    const events = s.ok(HOST, { type: 'move', board: 1, from: 'e1', to: 'f2', clientMoveId: 'h' });
    expect(events[1]).toMatchObject({ type: 'game-ended', result: '1/2-1/2', reason: 'insufficient-material' });
  });

  it('the fifty-move rule ends the game (position loaded into the board)', () => {
    const s = new TestSimul({ boards: 2, hostColor: 'white' });
    s.seatAndStart('Ada', 'Bob');
    s.board(1).chess = new Game('4k3/8/8/8/8/8/8/R3K3 w - - 99 80');
    const events = s.ok(HOST, { type: 'move', board: 1, from: 'a1', to: 'a2', clientMoveId: 'h' });
    expect(events[1]).toMatchObject({ type: 'game-ended', result: '1/2-1/2', reason: 'fifty-move-rule' });
  });

  it('refuses any further move on a finished game', () => {
    const s = new TestSimul({ boards: 2, hostColor: 'black' });
    s.seatAndStart('Ada', 'Bob');
    s.playLine(1, 'f3 e5 g4 Qh4#');
    expect(s.refused(opponent(1), { type: 'move', board: 1, from: 'a2', to: 'a3', clientMoveId: 'z' })).toBe(
      'game-over',
    );
    expect(s.refused(opponent(1), { type: 'resign', board: 1 })).toBe('game-over');
  });
});

describe('resignation', () => {
  const cases = [
    { hostColor: 'white', resigner: 'host', result: '0-1', score: 'losses' },
    { hostColor: 'white', resigner: 'opponent', result: '1-0', score: 'wins' },
    { hostColor: 'black', resigner: 'host', result: '1-0', score: 'losses' },
    { hostColor: 'black', resigner: 'opponent', result: '0-1', score: 'wins' },
  ] as const;

  for (const c of cases) {
    it(`host ${c.hostColor}, ${c.resigner} resigns: ${c.result}`, () => {
      const s = new TestSimul({ boards: 2, hostColor: c.hostColor });
      s.seatAndStart('Ada', 'Bob');
      const actor = c.resigner === 'host' ? HOST : opponent(1);
      const events = s.ok(actor, { type: 'resign', board: 1 });
      expect(bodies(events)).toEqual([
        { type: 'game-ended', board: 1, result: c.result, reason: 'resignation', by: c.resigner },
      ]);
      expect(s.board(1)).toMatchObject({ status: 'finished', result: c.result, endReason: 'resignation' });
      expect(tally(s.state)[c.score]).toBe(1);
    });
  }

  it('may be done when it is not your turn', () => {
    const s = new TestSimul({ boards: 2, hostColor: 'white' });
    s.seatAndStart('Ada', 'Bob');
    expect(sideToMove(s.board(1))).toBe('host');
    expect(types(s.ok(opponent(1), { type: 'resign', board: 1 }))).toEqual(['game-ended']);
  });

  it('refuses spectators and other boards', () => {
    const s = new TestSimul({ boards: 2 });
    s.seatAndStart('Ada', 'Bob');
    expect(s.refused(SPECTATOR, { type: 'resign', board: 1 })).toBe('not-seated');
    expect(s.refused(opponent(2), { type: 'resign', board: 1 })).toBe('not-your-board');
  });
});

describe('draw offers', () => {
  function started() {
    const s = new TestSimul({ boards: 2, hostColor: 'white' });
    s.seatAndStart('Ada', 'Bob');
    s.playLine(1, 'e4 e5');
    return s;
  }

  it('opponent offers, host accepts: a draw by agreement', () => {
    const s = started();
    expect(bodies(s.ok(opponent(1), { type: 'offer-draw', board: 1 }))).toEqual([
      { type: 'draw-offered', board: 1, by: 'opponent' },
    ]);
    expect(s.board(1).drawOfferBy).toBe('opponent');
    expect(bodies(s.ok(HOST, { type: 'answer-draw', board: 1, accept: true }))).toEqual([
      { type: 'game-ended', board: 1, result: '1/2-1/2', reason: 'draw-agreed' },
    ]);
    expect(s.board(1)).toMatchObject({ status: 'finished', result: '1/2-1/2', endReason: 'draw-agreed', drawOfferBy: null });
    expect(tally(s.state)).toEqual({ wins: 0, draws: 1, losses: 0, unfinished: 0, playing: 1 });
  });

  it('opponent offers, host declines: the game goes on and a new offer may be made', () => {
    const s = started();
    s.ok(opponent(1), { type: 'offer-draw', board: 1 });
    expect(bodies(s.ok(HOST, { type: 'answer-draw', board: 1, accept: false }))).toEqual([
      { type: 'draw-declined', board: 1, by: 'host' },
    ]);
    expect(s.board(1)).toMatchObject({ status: 'playing', drawOfferBy: null, result: null });
    expect(types(s.ok(opponent(1), { type: 'offer-draw', board: 1 }))).toEqual(['draw-offered']);
  });

  it('host offers, opponent accepts', () => {
    const s = started();
    expect(s.ok(HOST, { type: 'offer-draw', board: 1 })[0]).toMatchObject({ by: 'host' });
    const [ended] = s.ok(opponent(1), { type: 'answer-draw', board: 1, accept: true });
    expect(ended).toMatchObject({ type: 'game-ended', result: '1/2-1/2', reason: 'draw-agreed' });
  });

  it('refuses answering your own offer, or answering when there is none', () => {
    const s = started();
    expect(s.refused(HOST, { type: 'answer-draw', board: 1, accept: true })).toBe('no-draw-offer');
    s.ok(opponent(1), { type: 'offer-draw', board: 1 });
    expect(s.refused(opponent(1), { type: 'answer-draw', board: 1, accept: true })).toBe('no-draw-offer');
    expect(s.refused(opponent(1), { type: 'answer-draw', board: 1, accept: false })).toBe('no-draw-offer');
  });

  it('refuses a second offer while one is open, from either side', () => {
    const s = started();
    s.ok(HOST, { type: 'offer-draw', board: 1 });
    expect(s.refused(HOST, { type: 'offer-draw', board: 1 })).toBe('draw-already-offered');
    expect(s.refused(opponent(1), { type: 'offer-draw', board: 1 })).toBe('draw-already-offered');
  });

  it("the other side's move declines an open offer", () => {
    const s = started();
    s.play(1, 'Nf3');
    s.ok(HOST, { type: 'offer-draw', board: 1 });
    s.play(1, 'Nc6');
    expect(s.board(1).drawOfferBy).toBeNull();
    expect(s.refused(opponent(1), { type: 'answer-draw', board: 1, accept: true })).toBe('no-draw-offer');
  });

  it("an offer stands through its maker's move and lapses with the other side's move", () => {
    const s = started();
    s.ok(HOST, { type: 'offer-draw', board: 1 });
    s.play(1, 'Nf3');
    expect(s.board(1).drawOfferBy).toBe('host');
    s.play(1, 'Nf6');
    expect(s.board(1).drawOfferBy).toBeNull();
  });

  it('refuses spectators and other boards', () => {
    const s = started();
    expect(s.refused(SPECTATOR, { type: 'offer-draw', board: 1 })).toBe('not-seated');
    expect(s.refused(opponent(2), { type: 'offer-draw', board: 1 })).toBe('not-your-board');
  });
});

describe('tally (from the host side)', () => {
  function play(hostColor: 'white' | 'black') {
    const s = new TestSimul({ boards: 5, hostColor });
    s.seatAndStart('Ada', 'Bob', 'Cy', 'Di', 'Ed');
    expect(tally(s.state)).toEqual({ wins: 0, draws: 0, losses: 0, unfinished: 0, playing: 5 });
    s.ok(opponent(1), { type: 'resign', board: 1 }); // host wins
    s.ok(HOST, { type: 'resign', board: 2 }); // host loses
    s.ok(opponent(3), { type: 'resign', board: 3 }); // host wins
    s.ok(HOST, { type: 'offer-draw', board: 4 });
    s.ok(opponent(4), { type: 'answer-draw', board: 4, accept: true }); // draw
    s.ok(HOST, { type: 'abort-game', board: 5 }); // unfinished, and the simul finishes
    return s;
  }

  it('counts wins, draws, losses and aborted games with the host as white', () => {
    const s = play('white');
    expect([1, 2, 3].map((n) => s.board(n).result)).toEqual(['1-0', '0-1', '1-0']);
    expect(tally(s.state)).toEqual({ wins: 2, draws: 1, losses: 1, unfinished: 1, playing: 0 });
    expect(s.state.phase).toBe('finished');
  });

  it('counts the same from the host side with the host as black', () => {
    const s = play('black');
    expect([1, 2, 3].map((n) => s.board(n).result)).toEqual(['0-1', '1-0', '0-1']);
    expect(tally(s.state)).toEqual({ wins: 2, draws: 1, losses: 1, unfinished: 1, playing: 0 });
  });

  it('counts nothing as playing in the lobby', () => {
    const s = new TestSimul({ boards: 3 });
    s.join('Ada');
    expect(tally(s.state)).toEqual({ wins: 0, draws: 0, losses: 0, unfinished: 0, playing: 0 });
  });
});
