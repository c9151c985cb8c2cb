// The page's socket to the server: the Socket.IO protocol (Engine.IO 4, Socket.IO 5, the
// default namespace, JSON packets) over one WebSocket, and only what the app uses of it: events
// heard, events sent with an acknowledgement and a timeout, 'connect' and 'disconnect', the
// server's pings answered, and reconnection with the same backoff as socket.io-client's options
// we used (0.5 s doubling to 2 s, ±50 %), except where the browser says it is offline, and just
// after the page came back (see reconnectNow). socket.io-client with engine.io-client is about 13 KB
// gzip of a phone's JavaScript, most of it transports and options the app never uses (the server
// speaks WebSocket only: server/app.ts); this is about 1.5 KB. What it does not do (binary
// packets, other namespaces, long-polling) the server never asks of it.

import { socketAddress, takeEarly } from './early-socket';
import { WAKE_WINDOW_MS } from './wake-up';

type Listener = (...args: never[]) => void;

interface WireSocketOptions {
  /** The server's address (http(s)://host:port); the page's own when absent. */
  url?: string;
  /** Added to the handshake's query (the load balancer reads `simul`). */
  query?: Record<string, string>;
  reconnectionDelay?: number;
  reconnectionDelayMax?: number;
  /** The WebSocket class (the browser's when absent; `ws` in Node tests). */
  WebSocket?: typeof WebSocket;
  /** What says the network went away ('offline') and came back ('online'): the page's window when absent, if there is one. */
  network?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Whether the browser says it is online (navigator.onLine in a page; always where there is none). */
  online?: () => boolean;
  /** The time, in ms (Date.now when absent). */
  now?: () => number;
}

/**
 * While the browser says it is offline, a dropped link is tried again this seldom, not on the
 * backoff. An attempt made offline fails, and Chromium counts a page's failed WebSocket attempts
 * against it: after a few dozen (a minute offline on the backoff), it holds each new attempt of
 * that page back by 0.5 to 5 s before even sending it (services/network/websocket_throttler.cc),
 * and the first attempt once back online was held there too. The 'online' event opens the link
 * at once; this is only for a browser that says offline with the server still in reach (a
 * laptop serving the class to itself).
 */
export const OFFLINE_RETRY_MS = 10_000;
/** After the page came back (reconnectNow), a failed attempt is made again this soon, not on the backoff... */
export const WAKE_RETRY_MS = 250;
/** ...and an attempt whose WebSocket has not opened within this is dropped for a fresh one. */
export const WAKE_CONNECT_TIMEOUT_MS = 1500;
/** Otherwise an attempt whose WebSocket has not opened within this is dropped (beyond any hold of the browser's). */
export const CONNECT_TIMEOUT_MS = 10_000;

/** Engine.IO's packet types (the first character of a text frame). */
const OPEN = '0';
const CLOSE = '1';
const PING = '2';
const PONG = '3';
const MESSAGE = '4';
/** Socket.IO's packet types (the character after MESSAGE). */
const CONNECT = '0';
const DISCONNECT = '1';
const EVENT = '2';
const ACK = '3';
const CONNECT_ERROR = '4';

export class WireSocket {
  connected = false;
  private ws: WebSocket | null = null;
  private heard = new Map<string, Listener[]>();
  private acks = new Map<number, (args: unknown[]) => void>();
  private nextAck = 0;
  /** Packets emitted while not connected: sent on connect (unless their timeout came first). */
  private buffer: { id: number; frame: string }[] = [];
  private attempts = 0;
  private closedByUs = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setTimeout> | undefined;
  /** Drops the attempt under way if its WebSocket has not opened in time. */
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingWaitMs = 45_000;
  /** When the attempt under way began, and whether its WebSocket opened. */
  private attemptAt = -Infinity;
  private opened = false;
  /** Until when failed attempts are made again at once (the page just came back). */
  private wakeUntil = -Infinity;
  /** Whether an attempt was made yet (only the first may take over a link the page opened early). */
  private attempted = false;
  /** While taking over an early link: whether it sent Socket.IO's connect already. */
  private connectSent = false;

  private readonly network: WireSocketOptions['network'];
  private readonly isOnline: () => boolean;
  private readonly now: () => number;

  constructor(private readonly options: WireSocketOptions = {}) {
    // In a page the global object is its window; Node's (tests) hears no network.
    this.network = options.network ?? (typeof globalThis.addEventListener === 'function' ? globalThis : undefined);
    this.network?.addEventListener('offline', this.offline);
    this.network?.addEventListener('online', this.online);
    this.isOnline =
      options.online ?? (typeof navigator !== 'undefined' && typeof navigator.onLine === 'boolean' ? () => navigator.onLine : () => true);
    this.now = options.now ?? Date.now;
    this.open();
  }

  /**
   * The browser says the network is gone: the link is down now (as socket.io-client's was), not
   * a minute later when a ping goes unanswered; the page shows it is offline, keeps what is sent
   * meanwhile, and opens the link again when the browser says it is back (wake-up.ts).
   */
  private readonly offline = () => {
    const stale = this.ws;
    if (!stale || this.closedByUs) return;
    this.drop(stale);
  };

  /** The browser says the network is back: the link opens now (as when the page wakes up). */
  private readonly online = () => this.reconnectNow();

  on(event: string, listener: Listener): this {
    this.heard.set(event, [...(this.heard.get(event) ?? []), listener]);
    return this;
  }

  /** The listeners of `event` (as socket.io-client's, for the tests that stand between). */
  listeners(event: string): Listener[] {
    return [...(this.heard.get(event) ?? [])];
  }

  off(event: string): this {
    this.heard.delete(event);
    return this;
  }

  /** Sends `event` asking no answer. */
  emit(event: string, ...args: unknown[]): this {
    this.send(-1, `${MESSAGE}${EVENT}${JSON.stringify([event, ...args])}`);
    return this;
  }

  /** Sends `event` with `input`; resolves with the server's answer, rejects after `ms` without one. */
  timeout(ms: number) {
    return {
      emitWithAck: <T>(event: string, input: unknown): Promise<T> =>
        new Promise<T>((resolve, reject) => {
          const id = this.nextAck++;
          const timer = setTimeout(() => {
            this.acks.delete(id);
            this.buffer = this.buffer.filter((b) => b.id !== id);
            reject(new Error('operation has timed out'));
          }, ms);
          this.acks.set(id, (args) => {
            clearTimeout(timer);
            resolve(args[0] as T);
          });
          this.send(id, `${MESSAGE}${EVENT}${id}${JSON.stringify([event, input])}`);
        }),
    };
  }

  private send(id: number, frame: string): void {
    if (this.connected) this.ws!.send(frame);
    else this.buffer.push({ id, frame });
  }

  close(): void {
    this.closedByUs = true;
    this.network?.removeEventListener('offline', this.offline);
    this.network?.removeEventListener('online', this.online);
    clearTimeout(this.retryTimer);
    clearTimeout(this.connectTimer);
    this.ws?.close();
    this.lost();
  }

  /**
   * Opens the link now when it is down (the browser said it is online again, the page woke up),
   * instead of at the next retry. For WAKE_WINDOW_MS from then, the network may be only nearly
   * back (the 'online' event can come before packets go through): an attempt that fails is made
   * again after WAKE_RETRY_MS, and one that has not opened within WAKE_CONNECT_TIMEOUT_MS is
   * dropped for a fresh one; after it the backoff starts again from its first step. An attempt
   * begun within that timeout is kept (the page's several wake signals make one attempt, not
   * one each, which would each count as failed); an older one is dropped for a fresh one.
   * Nothing when the link is up.
   */
  reconnectNow(): void {
    if (this.connected || this.closedByUs) return;
    this.wakeUntil = this.now() + WAKE_WINDOW_MS;
    this.attempts = 0;
    const current = this.ws;
    if (current && (this.opened || this.now() - this.attemptAt < WAKE_CONNECT_TIMEOUT_MS)) {
      // Under way and fresh (or open, the server's handshake to come): it has the wake's time to open.
      if (!this.opened) this.connectWithin(current, this.attemptAt + WAKE_CONNECT_TIMEOUT_MS - this.now());
      return;
    }
    clearTimeout(this.retryTimer);
    this.ws = null;
    current?.close();
    this.open();
  }

  private dispatch(event: string, args: unknown[]): void {
    for (const listener of this.heard.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }

  private waking(): boolean {
    return this.now() < this.wakeUntil;
  }

  private open(): void {
    clearTimeout(this.retryTimer);
    const address = socketAddress(this.options.url, this.options.query);
    // The first attempt takes over a WebSocket the page opened to this address before this code came (early-socket.ts).
    const early = this.options.WebSocket || this.attempted ? null : takeEarly(address);
    this.attempted = true;
    const ws = early?.ws ?? new (this.options.WebSocket ?? WebSocket)(address);
    this.ws = ws;
    this.attemptAt = this.now();
    // One taken over may have opened already (its open event heard by no one here).
    this.opened = ws.readyState === 1;
    this.connectWithin(ws, this.waking() ? WAKE_CONNECT_TIMEOUT_MS : CONNECT_TIMEOUT_MS);
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.opened = true;
      clearTimeout(this.connectTimer);
    };
    ws.onmessage = (e) => {
      if (this.ws === ws) this.receive(String(e.data));
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      clearTimeout(this.connectTimer);
      this.lost();
      this.retry();
    };
    ws.onerror = () => ws.close();
    // What it heard before: Socket.IO's connect, if it sent it, is not sent again.
    this.connectSent = early?.connectSent ?? false;
    for (const frame of early?.heard ?? []) if (this.ws === ws) this.receive(frame);
    this.connectSent = false;
  }

  /** Drops attempt `ws` if its WebSocket has not opened within `ms` (a connect that hangs is never answered). */
  private connectWithin(ws: WebSocket, ms: number): void {
    clearTimeout(this.connectTimer);
    this.connectTimer = setTimeout(() => {
      if (this.ws === ws && !this.opened) this.drop(ws);
    }, Math.max(0, ms));
  }

  /** Link or attempt `ws` given up: closed, said lost, and tried again. */
  private drop(ws: WebSocket): void {
    this.ws = null;
    clearTimeout(this.connectTimer);
    ws.close();
    this.lost();
    this.retry();
  }

  private receive(frame: string): void {
    this.alive();
    const type = frame[0];
    if (type === PING) return this.ws!.send(PONG);
    if (type === OPEN) {
      const { pingInterval, pingTimeout } = JSON.parse(frame.slice(1)) as { pingInterval: number; pingTimeout: number };
      this.pingWaitMs = pingInterval + pingTimeout;
      this.alive();
      if (!this.connectSent) this.ws!.send(`${MESSAGE}${CONNECT}`);
      return;
    }
    if (type === CLOSE) return this.ws!.close();
    if (type !== MESSAGE) return;
    const kind = frame[1];
    if (kind === CONNECT) {
      this.connected = true;
      this.attempts = 0;
      this.dispatch('connect', []);
      for (const b of this.buffer.splice(0)) this.ws!.send(b.frame);
      return;
    }
    if (kind === DISCONNECT) {
      // The server closed this socket: as socket.io-client, no reconnecting.
      this.closedByUs = true;
      this.ws!.close();
      return;
    }
    if (kind === CONNECT_ERROR) return this.ws!.close();
    const body = /^(\d*)([[{].*)$/s.exec(frame.slice(2));
    if (!body) return;
    const args = JSON.parse(body[2]) as unknown[];
    if (kind === EVENT) this.dispatch(String(args[0]), args.slice(1));
    else if (kind === ACK) {
      const answer = this.acks.get(Number(body[1]));
      this.acks.delete(Number(body[1]));
      answer?.(args);
    }
  }

  /** The server pings every pingInterval: silence past pingInterval + pingTimeout is a dead link. */
  private alive(): void {
    clearTimeout(this.heartbeat);
    this.heartbeat = setTimeout(() => this.ws?.close(), this.pingWaitMs);
  }

  private lost(): void {
    clearTimeout(this.heartbeat);
    if (!this.connected) return;
    this.connected = false;
    this.dispatch('disconnect', []);
  }

  /** The next attempt: seldom while the browser says offline, soon after waking, else on the backoff. */
  private retry(): void {
    if (this.closedByUs) return;
    clearTimeout(this.retryTimer);
    let delay: number;
    if (!this.isOnline()) delay = OFFLINE_RETRY_MS;
    else if (this.waking()) delay = WAKE_RETRY_MS;
    else {
      const max = this.options.reconnectionDelayMax ?? 2000;
      const base = Math.min((this.options.reconnectionDelay ?? 500) * 2 ** this.attempts++, max);
      delay = Math.min(base * (0.5 + Math.random()), max);
    }
    this.retryTimer = setTimeout(() => this.open(), delay);
  }
}
