// A word to the class: presets and the host's own text, cleaned as a title is; only the host;
// at most three a minute on the server's time; the latest is in the state (a phone that was away sees it).
import { describe, expect, it } from 'vitest';
import { replay } from './evolve';
import { HOST, SPECTATOR, TestSimul, opponent } from './test-log';

function started() {
  const s = new TestSimul({ boards: 2, now: 0 });
  s.seatAndStart('Ada', 'Bo');
  return s;
}

describe('a word to the class', () => {
  it('sends a preset and the host’s own text, and keeps the latest', () => {
    const s = started();
    const [preset] = s.ok(HOST, { type: 'message-class', preset: 'five-minutes' });
    expect(preset).toMatchObject({ type: 'class-message', preset: 'five-minutes' });
    s.tick(1000);
    const [text] = s.ok(HOST, { type: 'message-class', text: '  Eyes   on the\nboard, please ' });
    expect(text).toMatchObject({ type: 'class-message', text: 'Eyes on the board, please' });
    expect(s.state.message).toEqual({ seq: text.seq, at: 1000, text: 'Eyes on the board, please' });
    expect(replay(s.log).message).toEqual(s.state.message);
  });

  it('is the host’s alone: a student, a spectator are refused', () => {
    const s = started();
    expect(s.refused(opponent(1), { type: 'message-class', preset: 'well-played' })).toBe('not-host');
    expect(s.refused(SPECTATOR, { type: 'message-class', text: 'hi' })).toBe('not-host');
  });

  it('refuses hostile text and keeps nothing of it', () => {
    const s = started();
    const hostile = [
      'a'.repeat(141),
      '   ',
      'Look \u202Eereht\u202C',
      'zero\u200Bwidth',
      'Z\u0301\u0302\u0303\u0304algo',
      'bell\u0007',
      '\uD800 lone',
    ];
    for (const text of hostile) expect(s.refused(HOST, { type: 'message-class', text })).toBe('message-invalid');
    expect(s.state.message).toBeNull();
    expect(s.refused(HOST, { type: 'message-class' })).toBe('bad-payload');
    expect(s.refused(HOST, { type: 'message-class', preset: 'well-played', text: 'x' })).toBe('bad-payload');
    expect(s.ok(HOST, { type: 'message-class', text: 'ä'.repeat(140) })).toHaveLength(1);
  });

  it('goes at most three times a minute, on the server’s time', () => {
    const s = started();
    for (let i = 0; i < 3; i++) s.tick(5_000).ok(HOST, { type: 'message-class', preset: 'finish-game' });
    s.tick(5_000);
    expect(s.dispatch(HOST, { type: 'message-class', preset: 'finish-game' })).toEqual({
      ok: false,
      error: { code: 'too-many-messages', params: { perMinute: 3, retryAfterMs: 45_000 } },
    });
    s.tick(44_999);
    expect(s.refused(HOST, { type: 'message-class', preset: 'well-played' })).toBe('too-many-messages');
    s.tick(1);
    expect(s.ok(HOST, { type: 'message-class', preset: 'well-played' })).toHaveLength(1);
  });

  it('may say "Well played" after the last game, and while paused', () => {
    const s = started();
    s.ok(HOST, { type: 'pause' });
    expect(s.ok(HOST, { type: 'message-class', preset: 'look-at-projector' })).toHaveLength(1);
    s.ok(HOST, { type: 'end-simul' });
    expect(s.state.phase).toBe('finished');
    expect(s.ok(HOST, { type: 'message-class', preset: 'well-played' })).toHaveLength(1);
  });
});
