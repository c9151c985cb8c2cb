// The page's socket against a real Socket.IO server (WebSocket only, as server/app.ts): it
// connects, hears events, gets answers, times out, sends what was emitted while away once
// back, and comes back by itself when the link drops. Then, on the test's clock with a driven
// WebSocket: what it does while the browser says offline, just after waking, and with an
// attempt that hangs.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Server } from 'socket.io';
import { openEarly, socketAddress } from './early-socket';
import { WAKE_WINDOW_MS } from './wake-up';
import { CONNECT_TIMEOUT_MS, OFFLINE_RETRY_MS, WAKE_CONNECT_TIMEOUT_MS, WAKE_RETRY_MS, WireSocket } from './wire-socket';

let io: Server | null = null;
let sockets: WireSocket[] = [];

async function serve(): Promise<{ io: Server; url: string }> {
  const http = createServer();
  io = new Server(http, { transports: ['websocket'], pingInterval: 200, pingTimeout: 200 });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
}

function open(url: string, query?: Record<string, string>): WireSocket {
  const s = new WireSocket({ url, query, reconnectionDelay: 20, reconnectionDelayMax: 50 });
  sockets.push(s);
  return s;
}

const until = (s: WireSocket, event: string) => new Promise<unknown[]>((resolve) => s.on(event, (...args: never[]) => resolve(args)));

afterEach(async () => {
  for (const s of sockets) s.close();
  sockets = [];
  await io?.close();
  io = null;
});

describe('WireSocket', () => {
  it('connects with its query, hears events and gets the answers to its own', async () => {
    const { io, url } = await serve();
    io.on('connection', (socket) => {
      socket.on('echo', (input, answer) => answer({ ok: true, input, simul: socket.handshake.query.simul }));
      socket.emit('hi', { n: 1 }, 'two');
    });
    const s = open(url, { simul: 'abc' });
    const heard = until(s, 'hi');
    await until(s, 'connect');
    expect(s.connected).toBe(true);
    expect(await heard).toEqual([{ n: 1 }, 'two']);
    expect(await s.timeout(2000).emitWithAck('echo', { a: [1, 'x'] })).toEqual({ ok: true, input: { a: [1, 'x'] }, simul: 'abc' });
  });

  it('takes over a WebSocket the page opened early to its address, with what was heard before it came', async () => {
    const { io, url } = await serve();
    let connections = 0;
    io.on('connection', (socket) => {
      connections++;
      socket.on('echo', (input, answer) => answer({ ok: true, input, simul: socket.handshake.query.simul }));
    });
    openEarly(socketAddress(url, { simul: 'early' }));
    // The early socket's upgrade done and Engine.IO's open heard before the page's socket code comes.
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Connected already (its upgrade and Socket.IO's connect done early): as a socket handed over connected.
    const s = open(url, { simul: 'early' });
    expect(s.connected).toBe(true);
    expect(await s.timeout(2000).emitWithAck('echo', { a: 1 })).toEqual({ ok: true, input: { a: 1 }, simul: 'early' });
    expect(connections).toBe(1);
    // Taken once: another socket to that address opens its own.
    const other = open(url, { simul: 'early' });
    await until(other, 'connect');
    expect(connections).toBe(2);
  });

  it('takes over an early WebSocket still opening, and connects once', async () => {
    const { io, url } = await serve();
    let connections = 0;
    io.on('connection', () => void connections++);
    openEarly(socketAddress(url, { simul: 'soon' }));
    const s = open(url, { simul: 'soon' });
    await until(s, 'connect');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(s.connected).toBe(true);
    expect(connections).toBe(1);
  });

  it('rejects when no answer comes in time', async () => {
    const { io, url } = await serve();
    io.on('connection', (socket) => socket.on('silent', () => {}));
    const s = open(url);
    await until(s, 'connect');
    await expect(s.timeout(100).emitWithAck('silent', {})).rejects.toThrow(/timed out/);
  });

  it('comes back after the link drops, and sends what was emitted meanwhile', async () => {
    const { io, url } = await serve();
    let connections = 0;
    io.on('connection', (socket) => {
      connections++;
      socket.on('echo', (input, answer) => answer(input));
    });
    const s = open(url);
    await until(s, 'connect');
    const dropped = until(s, 'disconnect');
    for (const socket of io.of('/').sockets.values()) socket.conn.close();
    await dropped;
    expect(s.connected).toBe(false);
    const answer = s.timeout(5000).emitWithAck('echo', 'while away');
    expect(await answer).toBe('while away');
    expect(connections).toBe(2);
  });

  it('stays away once the server disconnects it, as socket.io-client does', async () => {
    const { io, url } = await serve();
    let connections = 0;
    io.on('connection', (socket) => {
      connections++;
      socket.disconnect(true);
    });
    const s = open(url);
    await until(s, 'disconnect');
    await new Promise((r) => setTimeout(r, 300));
    expect(connections).toBe(1);
  });

  it('answers the server pings (the link outlives several ping intervals)', async () => {
    const { io, url } = await serve();
    let closed = false;
    io.on('connection', (socket) => socket.on('disconnect', () => (closed = true)));
    const s = open(url);
    await until(s, 'connect');
    await new Promise((r) => setTimeout(r, 1000));
    expect(closed).toBe(false);
    expect(s.connected).toBe(true);
  });
  it('reconnects at once when asked (the page woke up), not at its next retry', async () => {
    const { io, url } = await serve();
    let connections = 0;
    io.on('connection', () => connections++);
    // A backoff far longer than the test: only reconnectNow can bring the link back in time.
    const s = new WireSocket({ url, reconnectionDelay: 60_000, reconnectionDelayMax: 60_000 });
    sockets.push(s);
    await until(s, 'connect');
    const dropped = until(s, 'disconnect');
    for (const socket of io.of('/').sockets.values()) socket.conn.close();
    await dropped;
    const back = until(s, 'connect');
    s.reconnectNow();
    await back;
    expect(s.connected).toBe(true);
    expect(connections).toBe(2);
    s.reconnectNow(); // up: nothing
    await new Promise((r) => setTimeout(r, 100));
    expect(connections).toBe(2);
  });

  it('drops the link at once when the browser says the network is gone, and comes back', async () => {
    const { url } = await serve();
    const network = new EventTarget();
    // The link itself stays up (the pings are answered): only the 'offline' event drops it.
    const s = new WireSocket({ url, network, reconnectionDelay: 50, reconnectionDelayMax: 50 });
    sockets.push(s);
    await until(s, 'connect');
    const dropped = until(s, 'disconnect');
    network.dispatchEvent(new Event('offline'));
    await dropped;
    expect(s.connected).toBe(false);
    await until(s, 'connect');
    s.close();
    network.dispatchEvent(new Event('offline')); // closed: nothing
    expect(s.connected).toBe(false);
  });
});

/**
 * A WebSocket the test drives, on the test's clock: it opens and finishes the handshake, fails,
 * or hangs (neither), as the test says.
 */
class DrivenWebSocket {
  static made: DrivenWebSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;

  constructor(readonly url: string) {
    DrivenWebSocket.made.push(this);
  }

  send(): void {}

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }

  /** The server takes it: Engine.IO's open, then Socket.IO's connect. */
  connect(): void {
    this.onopen?.();
    this.onmessage?.({ data: '0{"sid":"e","pingInterval":25000,"pingTimeout":20000}' });
    this.onmessage?.({ data: '40{"sid":"s"}' });
  }

  /** It fails (the network is not there). */
  fail(): void {
    this.close();
  }
}

describe('WireSocket on the test’s clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    DrivenWebSocket.made = [];
  });
  afterEach(() => vi.useRealTimers());

  const attempts = () => DrivenWebSocket.made.length;
  const last = () => DrivenWebSocket.made.at(-1)!;

  it('keeps a link it took over open and connected: its WebSocket opened before, no attempt timeout drops it', () => {
    const browsers = globalThis.WebSocket;
    class OpenWebSocket extends DrivenWebSocket {
      readyState = 1;
    }
    globalThis.WebSocket = OpenWebSocket as unknown as typeof WebSocket;
    try {
      openEarly(socketAddress('http://school.test', { simul: 'kept' }));
      const early = last();
      early.onmessage!({ data: '0{"sid":"e","pingInterval":25000,"pingTimeout":20000}' });
      early.onmessage!({ data: '40{"sid":"s"}' });
      const s = new WireSocket({ url: 'http://school.test', query: { simul: 'kept' } });
      expect(s.connected).toBe(true);
      vi.advanceTimersByTime(CONNECT_TIMEOUT_MS + 1000);
      expect(s.connected).toBe(true);
      expect(attempts()).toBe(1);
      s.close();
    } finally {
      globalThis.WebSocket = browsers;
    }
  });

  /** A socket on a driven WebSocket, hearing `network`, online when `online()` says so. */
  function driven(online: () => boolean = () => true, reconnectionDelay = 500) {
    const network = new EventTarget();
    const s = new WireSocket({
      url: 'http://school.test',
      WebSocket: DrivenWebSocket as unknown as typeof WebSocket,
      network,
      online,
      reconnectionDelay,
      reconnectionDelayMax: Math.max(2000, reconnectionDelay),
    });
    sockets.push(s);
    return { s, network };
  }

  it('while the browser says it is offline, tries only every OFFLINE_RETRY_MS (Chromium holds back a page that failed dozens); back online, at once', async () => {
    let online = true;
    const { s, network } = driven(() => online);
    last().connect();
    online = false;
    network.dispatchEvent(new Event('offline'));
    expect(s.connected).toBe(false);
    const before = attempts();
    // A minute offline: every attempt fails at once.
    for (let t = 0; t < 60_000; t += 100) {
      await vi.advanceTimersByTimeAsync(100);
      if (!last().closed && attempts() > before) last().fail();
    }
    expect(attempts() - before).toBeLessThanOrEqual(60_000 / OFFLINE_RETRY_MS);
    online = true;
    network.dispatchEvent(new Event('online'));
    const made = attempts();
    expect(last().closed).toBe(false);
    last().connect();
    expect(s.connected).toBe(true);
    // The page's own wake signal right after the socket's: still the one attempt.
    s.reconnectNow();
    expect(attempts()).toBe(made);
  });

  it('just after waking, an attempt that fails is made again within WAKE_RETRY_MS, not on the backoff', async () => {
    // A backoff far longer than the wake window: only the wake's retry can bring the link back in time.
    const { s } = driven(() => true, 60_000);
    last().connect();
    last().fail();
    await vi.advanceTimersByTimeAsync(WAKE_WINDOW_MS);
    expect(attempts()).toBe(1);
    s.reconnectNow();
    expect(attempts()).toBe(2);
    // The 'online' event came before the network let packets through: this one fails.
    last().fail();
    await vi.advanceTimersByTimeAsync(WAKE_RETRY_MS);
    expect(attempts()).toBe(3);
    last().connect();
    expect(s.connected).toBe(true);
    // Once the wake window is over, a failure waits for the backoff again.
    await vi.advanceTimersByTimeAsync(WAKE_WINDOW_MS);
    last().fail();
    await vi.advanceTimersByTimeAsync(WAKE_RETRY_MS * 4);
    expect(attempts()).toBe(3);
  });

  it('an attempt whose WebSocket never opens is dropped for a fresh one: soon after waking, in CONNECT_TIMEOUT_MS otherwise', async () => {
    const { s } = driven();
    // The first attempt hangs.
    const hung = last();
    await vi.advanceTimersByTimeAsync(CONNECT_TIMEOUT_MS - 1);
    expect(hung.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(hung.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(attempts()).toBe(2);
    last().connect();
    expect(s.connected).toBe(true);
    last().fail();
    await vi.advanceTimersByTimeAsync(WAKE_WINDOW_MS);
    // Woken: this attempt hangs too; it is dropped within WAKE_CONNECT_TIMEOUT_MS and the next one made at once.
    const before = attempts();
    s.reconnectNow();
    expect(attempts()).toBe(before + 1);
    const woken = last();
    await vi.advanceTimersByTimeAsync(WAKE_CONNECT_TIMEOUT_MS);
    expect(woken.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(WAKE_RETRY_MS);
    expect(attempts()).toBe(before + 2);
    last().connect();
    expect(s.connected).toBe(true);
  });
});
