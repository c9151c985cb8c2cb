// Draws by repetition and the fifty-move rule as a simul setting: automatic (the default) or
// claimed by the player to move, with a claim-draw command or a draw offer and then the move.
import { describe, expect, it } from 'vitest';
import { drawClaim, timesNow } from '../chess/rules';
import { fromSnapshot, toSnapshot } from './snapshot';
import { HOST, TestSimul, opponent, types } from './test-log';
import type { DrawRules } from './types';

function started(drawRules?: DrawRules) {
  const s = new TestSimul({ boards: 2, hostColor: 'white', ...(drawRules ? { drawRules } : {}) });
  s.seatAndStart('Ada', 'Bo');
  return s;
}

/** The knight dance: the initial position twice more, the third time after black's ...Ng8. */
const TWICE = 'Nf3 Nf6 Ng1 Ng8';
const ALMOST_THRICE = 'Nf3 Nf6 Ng1 Ng8 Nf3 Nf6 Ng1';

describe('automatic draws (the default)', () => {
  it('ends the game at the third appearance of a position', () => {
    const s = started();
    expect(s.state.drawRules).toBe('automatic');
    const events = s.playLine(1, `${ALMOST_THRICE} Ng8`);
    expect(events.at(-1)).toMatchObject({ type: 'game-ended', result: '1/2-1/2', reason: 'threefold-repetition' });
  });

  it('refuses a claim: a valid one can never wait for it', () => {
    const s = started();
    s.playLine(1, TWICE);
    expect(s.refused(HOST, { type: 'claim-draw', board: 1 })).toBe('no-draw-claim');
    s.playLine(1, ALMOST_THRICE.slice(TWICE.length + 1));
    s.play(1, 'Ng8');
    expect(s.refused(HOST, { type: 'claim-draw', board: 1 })).toBe('game-over');
  });
});

describe('claimed draws', () => {
  it('plays on at the third appearance; the player to move claims it and the game is drawn', () => {
    const s = started('claimed');
    const events = s.playLine(1, `${ALMOST_THRICE} Ng8`);
    expect(types(events)).not.toContain('game-ended');
    expect(s.board(1).status).toBe('playing');
    expect(s.refused(opponent(1), { type: 'claim-draw', board: 1 })).toBe('not-your-turn');
    expect(s.ok(HOST, { type: 'claim-draw', board: 1 })).toMatchObject([
      { type: 'game-ended', board: 1, result: '1/2-1/2', reason: 'threefold-repetition', by: 'host' },
    ]);
    expect(s.board(1)).toMatchObject({ status: 'finished', result: '1/2-1/2', endReason: 'threefold-repetition' });
  });

  it('refuses a claim on the second appearance with the counts, and changes nothing', () => {
    const s = started('claimed');
    s.playLine(1, TWICE);
    const out = s.dispatch(HOST, { type: 'claim-draw', board: 1 });
    expect(out).toEqual({ ok: false, error: { code: 'no-draw-claim', params: { repetitions: 2, quietMoves: 2 } } });
    expect(s.board(1).status).toBe('playing');
  });

  it('lets the claim lapse when the player to move plays on instead', () => {
    const s = started('claimed');
    s.playLine(1, `${ALMOST_THRICE} Ng8 Nc3`);
    expect(s.refused(opponent(1), { type: 'claim-draw', board: 1 })).toBe('no-draw-claim');
  });

  it('claims with a move: a draw offered, then the move that makes the third appearance', () => {
    const s = started('claimed');
    s.playLine(1, ALMOST_THRICE);
    s.ok(opponent(1), { type: 'offer-draw', board: 1 });
    const events = s.play(1, 'Ng8');
    expect(types(events)).toEqual(['move-made', 'game-ended']);
    expect(events[1]).toMatchObject({ result: '1/2-1/2', reason: 'threefold-repetition', by: 'opponent' });
  });

  it('a draw offered, then another move: the move stands and the offer stays open', () => {
    const s = started('claimed');
    s.playLine(1, ALMOST_THRICE);
    s.ok(opponent(1), { type: 'offer-draw', board: 1 });
    s.play(1, 'Nc6');
    expect(s.board(1)).toMatchObject({ status: 'playing', drawOfferBy: 'opponent' });
    expect(s.ok(HOST, { type: 'answer-draw', board: 1, accept: true }).at(0)).toMatchObject({ reason: 'draw-agreed' });
  });

  it('ends the game at the fifth appearance though nobody claims', () => {
    const s = started('claimed');
    const events = s.playLine(1, `${ALMOST_THRICE} Ng8 ${ALMOST_THRICE} Ng8`);
    expect(events.filter((e) => e.type === 'game-ended')).toMatchObject([{ reason: 'fivefold-repetition', result: '1/2-1/2' }]);
  });

  it('refuses a claim from a spectator or another board', () => {
    const s = started('claimed');
    s.playLine(1, `${ALMOST_THRICE} Ng8`);
    expect(s.refused(opponent(2), { type: 'claim-draw', board: 1 })).toBe('not-your-board');
    expect(s.refused({ role: 'spectator' }, { type: 'claim-draw', board: 1 })).toBe('not-seated');
  });
});

describe('a phone that opens from a snapshot', () => {
  it('knows the positions since the last capture or pawn move, so it knows a claim is valid', () => {
    const s = started('claimed');
    s.playLine(1, `e4 e5 ${ALMOST_THRICE} Ng8`);
    const phone = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(s.state))));
    const board = phone.boards.get(1)!;
    expect(timesNow(board.positions, board.chess)).toBe(3);
    expect(drawClaim(board.chess, 3)).toBe('threefold-repetition');
    expect(board.positions.size).toBe(4); // the four positions of the dance after ...e5
  });
});
