// The lobby: seats, names, joining, freeing, starting, and who may do what.
import { describe, expect, it } from 'vitest';
import { HOST, SPECTATOR, TestSimul, opponent, types } from './test-log';
import type { Command } from './types';

describe('joining', () => {
  it('fills seats in table order', () => {
    const s = new TestSimul({ boards: 3 });
    expect([s.join('Ada'), s.join('Bob'), s.join('Cy')]).toEqual([1, 2, 3]);
    expect(s.board(1).opponent).toEqual({ name: 'Ada', playerId: 'p-Ada' });
    expect(s.board(2).status).toBe('seated');
  });

  it('seats a player at a chosen board, and fills the gaps in table order afterwards', () => {
    const s = new TestSimul({ boards: 3 });
    expect(s.join('Ada', 2)).toBe(2);
    expect(s.join('Bob')).toBe(1);
    expect(s.join('Cy')).toBe(3);
  });

  it('refuses a chosen board that is taken or does not exist', () => {
    const s = new TestSimul({ boards: 3 });
    s.join('Ada', 2);
    expect(s.refused(SPECTATOR, { type: 'join', name: 'Bob', board: 2, playerId: 'b' })).toBe('seat-taken');
    expect(s.refused(SPECTATOR, { type: 'join', name: 'Bob', board: 4, playerId: 'b' })).toBe('unknown-board');
    expect(s.refused(SPECTATOR, { type: 'join', name: 'Bob', board: 0, playerId: 'b' })).toBe('unknown-board');
  });

  it('stores the trimmed name', () => {
    const s = new TestSimul();
    s.join('   Ada  ');
    expect(s.board(1).opponent?.name).toBe('Ada');
    expect(s.log.at(-1)).toMatchObject({ type: 'seat-taken', name: 'Ada', board: 1 });
  });

  it('refuses an empty, blank or too long name', () => {
    const s = new TestSimul();
    for (const name of ['', '    ', 'x'.repeat(41)]) {
      expect(s.refused(SPECTATOR, { type: 'join', name, playerId: 'p' })).toBe('name-invalid');
    }
    expect(s.join('x'.repeat(40))).toBe(1);
  });

  it('refuses control and invisible characters, lone surrogates and stacks of accents', () => {
    const s = new TestSimul();
    const names = ['Ada\u200b', 'A\u202eda', 'Ada\u0007', 'Bo\u00ad', 'Ada\uD800', '\uDC00', `Zo${'\u0308'.repeat(5)}`];
    for (const name of names) {
      expect(s.refused(SPECTATOR, { type: 'join', name, playerId: 'p' }), JSON.stringify(name)).toBe('name-invalid');
    }
  });

  it('says what is wrong with a refused name', () => {
    const s = new TestSimul();
    const reason = (name: string) => {
      const outcome = s.dispatch(SPECTATOR, { type: 'join', name, playerId: 'p' });
      return outcome.ok ? null : outcome.error;
    };
    expect(reason('x'.repeat(41))).toEqual({ code: 'name-invalid', params: { kind: 'length', max: 40 } });
    expect(reason('Ada\u200b')).toEqual({ code: 'name-invalid', params: { kind: 'invisible' } });
    expect(reason('Ada\uD800')).toEqual({ code: 'name-invalid', params: { kind: 'lone-surrogate' } });
    expect(reason(`Zo${'\u0308'.repeat(5)}`)).toEqual({ code: 'name-invalid', params: { kind: 'mark-stack', max: 3 } });
  });

  it('accepts accents however they are typed, and emoji, joined ones included', () => {
    const s = new TestSimul({ boards: 4 });
    expect(s.join('Zoë')).toBe(1);
    expect(s.join('Jose\u0301')).toBe(2); // e and a combining acute: stored composed
    expect(s.board(2).opponent?.name).toBe('José');
    expect(s.join('👨‍👩‍👧‍👦')).toBe(3);
    expect(s.join('Kai 🧑🏽‍💻')).toBe(4);
  });

  it('refuses a name already taken, ignoring case and surrounding spaces', () => {
    const s = new TestSimul();
    s.join('Ada');
    expect(s.refused(SPECTATOR, { type: 'join', name: 'ada', playerId: 'p2' })).toBe('name-taken');
    expect(s.refused(SPECTATOR, { type: 'join', name: '  ADA ', playerId: 'p3' })).toBe('name-taken');
    expect(s.join('Adam')).toBe(2);
  });

  it('refuses a name that only looks like a seated one (homoglyphs), naming the seated one', () => {
    const s = new TestSimul();
    s.join('Anna');
    const lookAlikes = ['\u0430nna', 'ANNA', '\u0410nn\u0430', '\uff21nna', 'Ann\u0430'];
    for (const name of lookAlikes) {
      expect(s.refused(SPECTATOR, { type: 'join', name, playerId: 'p2' }), JSON.stringify(name)).toBe('name-taken');
    }
    const outcome = s.dispatch(SPECTATOR, { type: 'join', name: '\u0430nna', playerId: 'p2' });
    expect(outcome.ok ? null : outcome.error).toEqual({ code: 'name-taken', params: { name: 'Anna' } });
    expect(s.join('Ivan')).toBe(2);
    expect(s.refused(SPECTATOR, { type: 'join', name: 'lvan', playerId: 'p3' })).toBe('name-taken');
    expect(s.join('Anne')).toBe(3);
    expect(s.log.filter((e) => e.type === 'seat-taken')).toHaveLength(3);
  });

  it('refuses when every seat is taken', () => {
    const s = new TestSimul({ boards: 2 });
    s.join('Ada');
    s.join('Bob');
    expect(s.refused(SPECTATOR, { type: 'join', name: 'Cy', playerId: 'c' })).toBe('simul-full');
  });

  it('refuses the host and a seated opponent', () => {
    const s = new TestSimul();
    s.join('Ada');
    expect(s.refused(HOST, { type: 'join', name: 'Host', playerId: 'h' })).toBe('already-seated');
    expect(s.refused(opponent(1), { type: 'join', name: 'Ada2', playerId: 'p-Ada' })).toBe('already-seated');
  });

  it('refuses joining while closed, and accepts again once reopened', () => {
    const s = new TestSimul();
    expect(types(s.ok(HOST, { type: 'close-joining' }))).toEqual(['joining-closed']);
    expect(s.state.joiningClosed).toBe(true);
    expect(s.refused(SPECTATOR, { type: 'join', name: 'Ada', playerId: 'a' })).toBe('joining-closed');
    expect(types(s.ok(HOST, { type: 'open-joining' }))).toEqual(['joining-opened']);
    expect(s.state.joiningClosed).toBe(false);
    expect(s.join('Ada')).toBe(1);
  });

  it('refuses joining after the start once the host closed joining', () => {
    const s = new TestSimul();
    s.seatAndStart('Ada');
    s.ok(HOST, { type: 'close-joining' });
    expect(s.refused(SPECTATOR, { type: 'join', name: 'Bob', playerId: 'b' })).toBe('already-started');
  });
});

describe('freeing a seat', () => {
  it('lets the host free a seat, which can then be taken again, even by the same name', () => {
    const s = new TestSimul();
    s.join('Ada');
    s.join('Bob');
    expect(types(s.ok(HOST, { type: 'free-seat', board: 1 }))).toEqual(['seat-freed']);
    expect(s.board(1)).toMatchObject({ opponent: null, status: 'open' });
    expect(s.join('ada')).toBe(1);
  });

  it('refuses an empty seat, an unknown board, and any time after the start', () => {
    const s = new TestSimul();
    expect(s.refused(HOST, { type: 'free-seat', board: 1 })).toBe('not-seated');
    expect(s.refused(HOST, { type: 'free-seat', board: 9 })).toBe('unknown-board');
    s.seatAndStart('Ada');
    expect(s.refused(HOST, { type: 'free-seat', board: 1 })).toBe('already-started');
  });
});

describe('reissuing a seat', () => {
  it('emits seat-reissued and changes nothing public', () => {
    const s = new TestSimul();
    s.join('Ada');
    expect(types(s.ok(HOST, { type: 'reissue-seat', board: 1 }))).toEqual(['seat-reissued']);
    expect(s.board(1).opponent?.name).toBe('Ada');
    s.ok(HOST, { type: 'start' });
    expect(types(s.ok(HOST, { type: 'reissue-seat', board: 1 }))).toEqual(['seat-reissued']);
  });

  it('refuses an empty seat and a finished game', () => {
    const s = new TestSimul({ boards: 2 });
    expect(s.refused(HOST, { type: 'reissue-seat', board: 1 })).toBe('not-seated');
    s.seatAndStart('Ada', 'Bob');
    s.ok(opponent(1), { type: 'resign', board: 1 });
    expect(s.refused(HOST, { type: 'reissue-seat', board: 1 })).toBe('game-over');
  });
});

describe('starting', () => {
  it('needs at least one seated opponent', () => {
    const s = new TestSimul();
    expect(s.refused(HOST, { type: 'start' })).toBe('no-opponents');
    expect(s.state.phase).toBe('lobby');
  });

  it('drops the empty boards and keeps table numbers', () => {
    const s = new TestSimul({ boards: 5, now: 5_000 });
    s.join('Ada', 2);
    s.join('Bob', 4);
    s.tick(100);
    const events = s.ok(HOST, { type: 'start' });
    expect(events.map(({ seq, at, ...body }) => body)).toEqual([
      { type: 'simul-started', boards: [2, 4] },
      { type: 'game-started', board: 2 },
      { type: 'game-started', board: 4 },
    ]);
    expect(s.state.order).toEqual([2, 4]);
    expect([...s.state.boards.keys()]).toEqual([2, 4]);
    expect(s.state).toMatchObject({ phase: 'playing', joiningClosed: false, startedAt: 5_100 });
    expect(s.board(2)).toMatchObject({ status: 'playing', startedAt: 5_100, turnSince: 5_100 });
  });

  it('cannot start twice', () => {
    const s = new TestSimul();
    s.seatAndStart('Ada');
    expect(s.refused(HOST, { type: 'start' })).toBe('already-started');
  });

  it('refuses freeing a seat after the start, and lets the host close and open joining', () => {
    const s = new TestSimul();
    s.seatAndStart('Ada');
    expect(s.refused(HOST, { type: 'free-seat', board: 1 })).toBe('already-started');
    expect(types(s.ok(HOST, { type: 'close-joining' }))).toEqual(['joining-closed']);
    expect(types(s.ok(HOST, { type: 'open-joining' }))).toEqual(['joining-opened']);
  });

  it('refuses game commands before the start', () => {
    const s = new TestSimul();
    s.join('Ada');
    const move: Command = { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'm1' };
    expect(s.refused(HOST, move)).toBe('not-started');
    expect(s.refused(opponent(1), { type: 'resign', board: 1 })).toBe('not-started');
    expect(s.refused(opponent(1), { type: 'offer-draw', board: 1 })).toBe('not-started');
    expect(s.refused(HOST, { type: 'focus', board: 1 })).toBe('not-started');
    expect(s.refused(HOST, { type: 'abort-game', board: 1 })).toBe('not-started');
  });
});

describe('host-only commands', () => {
  const hostOnly: Command[] = [
    { type: 'free-seat', board: 1 },
    { type: 'reissue-seat', board: 1 },
    { type: 'close-joining' },
    { type: 'open-joining' },
    { type: 'start' },
    { type: 'focus', board: 1 },
    { type: 'abort-game', board: 1 },
    { type: 'end-simul' },
  ];

  for (const command of hostOnly) {
    it(`refuses ${command.type} from an opponent and a spectator, in the lobby and in play`, () => {
      const s = new TestSimul({ boards: 2 });
      s.join('Ada');
      expect(s.refused(opponent(1), command)).toBe('not-host');
      expect(s.refused(SPECTATOR, command)).toBe('not-host');
      s.join('Bob');
      s.ok(HOST, { type: 'start' });
      expect(s.refused(opponent(1), command)).toBe('not-host');
      expect(s.refused(SPECTATOR, command)).toBe('not-host');
    });
  }
});
