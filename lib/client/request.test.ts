// The one-shot request against a fake socket: the server's answer as it came, 'no-answer' when
// none comes, and the socket closed either way.
import { describe, expect, it } from 'vitest';
import { request } from './request';
import { FakeSocket, flush } from './testing/fake-socket';

const input = { title: 'Period 3', boards: 4, hostColor: 'white', mode: 'async', drawRules: 'automatic' };

describe('request', () => {
  it('sends one call and returns its answer, then closes its socket', async () => {
    const socket = new FakeSocket();
    const reply = request('simul:create', input, 8000, () => socket);
    const sent = socket.take('simul:create');
    expect(sent.input).toEqual(input);
    sent.answer({ ok: true, simulId: 's1', hostKey: 'k', joinCode: '123456' });
    expect(await reply).toEqual({ ok: true, simulId: 's1', hostKey: 'k', joinCode: '123456' });
    expect(socket.closed).toBe(true);
  });

  it('returns a refusal as the server gave it', async () => {
    const socket = new FakeSocket();
    const reply = request('exhibition:start', {}, 15_000, () => socket);
    socket.take('exhibition:start').answer({ ok: false, error: { code: 'bad-payload' } });
    expect(await reply).toEqual({ ok: false, error: { code: 'bad-payload' } });
  });

  it('says no answer came when none does, and closes its socket', async () => {
    const socket = new FakeSocket();
    const reply = request('simul:create', input, 8000, () => socket);
    await flush();
    socket.take('simul:create').lose();
    expect(await reply).toEqual({ ok: false, error: { code: 'no-answer' } });
    expect(socket.closed).toBe(true);
  });
});
