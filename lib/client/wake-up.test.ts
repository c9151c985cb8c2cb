// A page that comes back catches up at once: the browser's signals (online, shown again,
// resumed from frozen, restored from the cache) reach the connection, which opens a link that is
// down now, or, with the link up, says hello for what it missed and the server's clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimulConnection } from './simul-connection';
import { delta, openOnFake } from './testing/open-on-fake';
import { FakeSocket, flush } from './testing/fake-socket';
import { withBrowserStorage } from './testing/memory-storage';
import { onWake, WAKE_WINDOW_MS } from './wake-up';

let undoStorage: () => void;
beforeEach(() => void (undoStorage = withBrowserStorage()));
afterEach(() => {
  undoStorage();
  vi.useRealTimers();
});

describe('the page coming back', () => {
  it('is heard from each of the browser’s signals, a tab shown again but not one hidden, until stopped', () => {
    const win = new EventTarget();
    const doc = new EventTarget();
    let visible = true;
    const woke: string[] = [];
    const stop = onWake(win, doc, () => visible, (why) => woke.push(why));
    win.dispatchEvent(new Event('online'));
    win.dispatchEvent(new Event('pageshow'));
    doc.dispatchEvent(new Event('resume'));
    doc.dispatchEvent(new Event('visibilitychange'));
    visible = false;
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(woke).toEqual(['online', 'pageshow', 'resume', 'visible']);
    stop();
    win.dispatchEvent(new Event('online'));
    expect(woke).toHaveLength(4);
  });

  it('opens a link that is down at once, instead of waiting for the socket’s retry', () => {
    const socket = new FakeSocket();
    const connection = new SimulConnection('sim-1', socket);
    expect(socket.reconnects).toBe(0);
    connection.wake();
    expect(socket.reconnects).toBe(1);
  });

  it('with the link up, says hello again: what was missed comes, and the server’s clock as it is now', async () => {
    const { simul, socket, connection, view } = await openOnFake('host');
    const held = view().log.length;
    expect(socket.sent).toHaveLength(0);
    connection.wake();
    const hello = socket.take('simul:hello');
    expect(hello.input).toMatchObject({ lastSeq: held });
    simul.play(1, 'e4');
    hello.answer({ ...delta(simul.log.slice(held)), serverNow: Date.now() + 60_000 });
    await flush();
    expect(view().state.boards.get(1)!.chess.history()).toEqual(['e4']);
    expect(view().clockOffset).toBeGreaterThan(59_000);
  });

  it('a link found dead just after waking opens again at once; one dropped at another time waits for the socket’s retry', async () => {
    vi.useFakeTimers();
    let now = 1_000_000;
    const socket = new FakeSocket();
    const connection = new SimulConnection('sim-1', socket, {}, () => now);
    socket.connect();
    socket.drop();
    await vi.runAllTimersAsync();
    expect(socket.reconnects).toBe(0);
    socket.connect();
    connection.wake(); // up: a hello, no reconnect
    expect(socket.reconnects).toBe(0);
    now += WAKE_WINDOW_MS - 1;
    socket.drop();
    await vi.runAllTimersAsync();
    expect(socket.reconnects).toBe(1);
  });
});
