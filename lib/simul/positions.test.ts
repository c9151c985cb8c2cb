// Games from a position: the FEN checked at creation, every board (or one) starting there.
import { describe, expect, it } from 'vitest';
import { checkPosition, drillGoal, NAMED_POSITIONS } from '../chess/positions';
import { replay } from './evolve';
import { checkSetup } from './setup';
import { HOST, TestSimul, opponent, snapshot, types } from './test-log';

const KQ = '8/8/8/4k3/8/8/8/3QK3 w - - 0 1';
const BLACK_TO_MOVE = '4k3/R7/1r6/3PK3/8/8/8/8 b - - 0 1';

describe('drillGoal', () => {
  it('names what a shipped drill asks, and nothing for an opening or an unnamed position', () => {
    expect(drillGoal(KQ)).toBe('white-wins');
    expect(drillGoal(BLACK_TO_MOVE)).toBe('black-draws'); // Philidor: Black holds
    for (const p of NAMED_POSITIONS) expect(drillGoal(p.fen) !== null).toBe(p.kind === 'endgame');
    expect(drillGoal('8/8/8/4k3/8/8/8/R3K2R w - - 0 1')).toBeNull();
    expect(drillGoal(null)).toBeNull();
  });
});

describe('checkPosition', () => {
  it('accepts every shipped position, written as chess.js writes it', () => {
    for (const p of NAMED_POSITIONS) expect(checkPosition(p.fen)).toEqual({ ok: true, fen: p.fen });
    expect(checkPosition(`  ${KQ.replace(/ /g, '   ')} `)).toEqual({ ok: true, fen: KQ });
  });

  it('says what is wrong with a FEN', () => {
    expect(checkPosition('8/8/8 w - - 0 1')).toEqual({ ok: false, problem: { kind: 'format', field: 'placement' } });
    expect(checkPosition('hello')).toEqual({ ok: false, problem: { kind: 'format', field: 'fields' } });
    expect(checkPosition('8/8/8/4k3/8/8/8/3QK3 x - - 0 1')).toEqual({ ok: false, problem: { kind: 'format', field: 'side-to-move' } });
    expect(checkPosition('8/8/8/8/8/8/8/3QK3 w - - 0 1')).toEqual({ ok: false, problem: { kind: 'kings' } });
    expect(checkPosition('P3k3/8/8/8/8/8/8/4K3 w - - 0 1')).toEqual({ ok: false, problem: { kind: 'pawns-on-edge' } });
  });

  it('refuses a position no game reaches and one already over', () => {
    // White to move, but black's king stands in check from the queen.
    expect(checkPosition('4k3/8/8/8/8/8/8/4QK2 w - - 0 1')).toEqual({ ok: false, problem: { kind: 'in-check' } });
    expect(checkPosition('4k3/4Q3/4K3/8/8/8/8/8 b - - 0 1')).toEqual({ ok: false, problem: { kind: 'over', reason: 'checkmate' } });
    expect(checkPosition('k7/8/1QK5/8/8/8/8/8 b - - 0 1')).toEqual({ ok: false, problem: { kind: 'over', reason: 'stalemate' } });
    expect(checkPosition('4k3/8/8/8/8/8/8/4K3 w - - 0 1')).toEqual({ ok: false, problem: { kind: 'over', reason: 'insufficient-material' } });
  });
});

describe('checkSetup', () => {
  it('records the FENs as written by chess.js and refuses a bad one naming its board', () => {
    expect(checkSetup({ boards: 4, startFen: KQ, boardFens: { '2': BLACK_TO_MOVE, '3': ' ' } })).toEqual({
      ok: true,
      setup: { startFen: KQ, boardFens: { 2: BLACK_TO_MOVE } },
    });
    expect(checkSetup({ boards: 4, boardFens: { '3': '4k3/8/8/8/8/8/8/4K3 w - - 0 1' } })).toEqual({
      ok: false,
      error: { code: 'position-invalid', params: { problem: { kind: 'over', reason: 'insufficient-material' }, board: 3 } },
    });
    expect(checkSetup({ boards: 4, boardFens: { '5': KQ } })).toMatchObject({ ok: false, error: { code: 'unknown-board' } });
  });

  it('lets the host go to the most urgent board only with clocks', () => {
    expect(checkSetup({ boards: 2, rotation: 'most-urgent' })).toEqual({ ok: false, error: { code: 'rotation-needs-clocks' } });
    const clock = { initialMs: 60_000, incrementMs: 0, hostExtraMs: 0 };
    expect(checkSetup({ boards: 2, rotation: 'most-urgent', clock })).toEqual({ ok: true, setup: { rotation: 'most-urgent' } });
    expect(checkSetup({ boards: 2, rotation: 'table-order' })).toEqual({ ok: true, setup: {} });
  });
});

describe('a simul from a position', () => {
  it('starts every board there, one board from its own, and the side to move plays first', () => {
    const s = new TestSimul({ boards: 3, hostColor: 'alternate', startFen: KQ, boardFens: { 3: BLACK_TO_MOVE } });
    s.seatAndStart('Ada', 'Bo', 'Cy');
    expect(s.board(1).chess.fen()).toBe(KQ);
    expect(s.board(3).startFen).toBe(BLACK_TO_MOVE);
    // Board 1: host white, white to move. Board 2: host black, white (the student) to move.
    // Board 3: host white, black to move: the student first.
    expect(s.state.focus).toBe(1);
    expect(s.refused(HOST, s.moveCommand(2, 'Qd2'))).toBe('not-your-turn');
    s.ok(opponent(3), s.moveCommand(3, 'Rb5'));
    s.play(1, 'Qd5+');
    expect(s.state.focus).toBe(3);
    expect(snapshot(replay(s.log))).toEqual(snapshot(s.state));
  });

  it('ends the game by rule from the position: the queen mates', () => {
    const s = new TestSimul({ boards: 1, startFen: '7k/8/6K1/8/8/8/8/Q7 w - - 0 1' });
    s.seatAndStart('Ada');
    expect(types(s.play(1, 'Qa8#'))).toEqual(['move-made', 'game-ended', 'simul-finished']);
  });
});
