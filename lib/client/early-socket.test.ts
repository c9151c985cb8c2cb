// @vitest-environment happy-dom
// A seated phone's page opens its WebSocket as the browser reads the page: the inline script the
// server writes opens it to the very address the page's socket code asks for, only when the
// browser holds a seat token (never reading it out), and the socket code takes it over once.
import { afterEach, describe, expect, it } from 'vitest';
import { earlySocketScript, openEarly, socketAddress, takeEarly } from './early-socket';
import { seatTokenName } from './saved-credentials';

const opened: string[] = [];
const sockets: FakeWebSocket[] = [];
class FakeWebSocket {
  readyState = 0;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  sent: string[] = [];
  constructor(readonly url: string) {
    opened.push(url);
    sockets.push(this);
  }
  send(frame: string) {
    this.sent.push(frame);
  }
  close() {
    this.readyState = 3;
  }
}

const realWebSocket = globalThis.WebSocket;
afterEach(() => {
  globalThis.WebSocket = realWebSocket;
  opened.length = 0;
  sockets.length = 0;
  localStorage.clear();
  delete (globalThis as Record<string, unknown>).__simulEarlySocket;
});

/** Runs the page's inline script as the browser would, with a fake WebSocket. */
function runScript(simulId: string): void {
  globalThis.WebSocket = FakeWebSocket as unknown as typeof WebSocket;
  new Function(earlySocketScript(simulId))();
}

describe("a seated phone's early WebSocket", () => {
  it('is opened by the inline script to the address the page asks for, and taken over once, with what it heard', () => {
    localStorage.setItem(seatTokenName('abc123'), 'a-seat-token-of-the-right-length');
    runScript('abc123');
    const address = socketAddress(undefined, { simul: 'abc123' });
    expect(opened).toEqual([address]);
    // The script never writes the token anywhere: the address names the simul alone.
    expect(address).not.toContain('a-seat-token');
    const left = (globalThis as unknown as Record<string, { ws: FakeWebSocket }>).__simulEarlySocket;
    // Engine.IO's open heard: Socket.IO's connect sent at once, once.
    left.ws.onmessage!({ data: '0{"sid":"x"}' });
    left.ws.onmessage!({ data: '40{"sid":"y"}' });
    expect(left.ws.sent).toEqual(['40']);
    // The page's first script asks for one too: the inline script's is kept, no second is opened.
    openEarly(address);
    expect(opened).toHaveLength(1);
    const taken = takeEarly(address);
    expect(taken?.ws).toBe(left.ws);
    expect(taken?.heard).toEqual(['0{"sid":"x"}', '40{"sid":"y"}']);
    expect(taken?.connectSent).toBe(true);
    expect(takeEarly(address)).toBeNull();
  });

  it('opens nothing in a browser that holds no seat in that simul', () => {
    localStorage.setItem(seatTokenName('other1'), 'a-seat-token-of-the-right-length');
    runScript('abc123');
    expect(opened).toEqual([]);
  });

  it('opens nothing on a link that brings a seat (the page takes the new token first, then opens its socket)', () => {
    localStorage.setItem(seatTokenName('abc123'), 'an-old-seat-token-of-the-length');
    location.hash = '#seat=a-new-seat-token-of-the-length';
    try {
      runScript('abc123');
      expect(opened).toEqual([]);
    } finally {
      location.hash = '';
    }
  });

  it('is no script at all for an address that is not a simul id (nothing of the address is written into a script)', () => {
    expect(earlySocketScript('</script><script>alert(1)')).toBe('');
    expect(earlySocketScript('abc"123')).toBe('');
    expect(earlySocketScript('abc123')).not.toBe('');
  });

  it('is not taken once it closed: the page opens its own', () => {
    const address = socketAddress(undefined, { simul: 'abc123' });
    globalThis.WebSocket = FakeWebSocket as unknown as typeof WebSocket;
    openEarly(address);
    expect(opened).toEqual([address]);
    sockets[0].close(); // its link dropped before the page's socket code came
    expect(takeEarly(address)).toBeNull();
  });
});
