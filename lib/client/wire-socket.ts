// The page's socket to the server: the Socket.IO protocol (Engine.IO 4, Socket.IO 5, the
// default namespace, JSON packets) over one WebSocket, and only what the app uses of it: events
// heard, events sent with an acknowledgement and a timeout, 'connect' and 'disconnect', the
// server's pings answered, and reconnection with the same backoff as socket.io-client's options
// we used (0.5 s doubling to 2 s, ±50 %). socket.io-client with engine.io-client is about 13 KB
// gzip of a phone's JavaScript, most of it transports and options the app never uses (the server
// speaks WebSocket only: server/app.ts); this is about 1.5 KB. What it does not do (binary
// packets, other namespaces, long-polling) the server never asks of it.

import { socketAddress, takeEarly } from './early-socket';

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
  /** What says the network went away ('offline'): the page's window when absent, if there is one. */
  network?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

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
  private pingWaitMs = 45_000;
  /** Whether a link was opened yet (only the first may be one the page opened early). */
  private opened = false;
  /** While taking over an early link: whether it sent Socket.IO's connect already. */
  private connectSent = false;

  private readonly network: WireSocketOptions['network'];

  constructor(private readonly options: WireSocketOptions = {}) {
    // In a page the global object is its window; Node's (tests) hears no network.
    this.network = options.network ?? (typeof globalThis.addEventListener === 'function' ? globalThis : undefined);
    this.network?.addEventListener('offline', this.offline);
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
    this.ws = null;
    stale.close();
    this.lost();
    this.retry();
  };

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
    clearTimeout(this.retryTimer);
    this.ws?.close();
    this.lost();
  }

  /**
   * Opens the link now when it is down (the browser said it is online again, the page woke up),
   * instead of at the next retry; an attempt still under way is dropped for a fresh one, and
   * should this one fail the backoff starts again from its first step. Nothing when it is up.
   */
  reconnectNow(): void {
    if (this.connected || this.closedByUs) return;
    clearTimeout(this.retryTimer);
    const stale = this.ws;
    this.ws = null;
    stale?.close();
    this.attempts = 0;
    this.open();
  }

  private dispatch(event: string, args: unknown[]): void {
    for (const listener of this.heard.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }

  private open(): void {
    const address = socketAddress(this.options.url, this.options.query);
    // The first time, a WebSocket the page opened to this address before this code came (early-socket.ts) is taken over.
    const early = this.options.WebSocket || this.opened ? null : takeEarly(address);
    this.opened = true;
    const ws = early?.ws ?? new (this.options.WebSocket ?? WebSocket)(address);
    this.ws = ws;
    ws.onmessage = (e) => {
      if (this.ws === ws) this.receive(String(e.data));
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.lost();
      this.retry();
    };
    ws.onerror = () => ws.close();
    // What it heard before: Socket.IO's connect, if it sent it, is not sent again.
    this.connectSent = early?.connectSent ?? false;
    for (const frame of early?.heard ?? []) if (this.ws === ws) this.receive(frame);
    this.connectSent = false;
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

  private retry(): void {
    if (this.closedByUs) return;
    const base = Math.min((this.options.reconnectionDelay ?? 500) * 2 ** this.attempts++, this.options.reconnectionDelayMax ?? 2000);
    const delay = base * (0.5 + Math.random());
    this.retryTimer = setTimeout(() => this.open(), Math.min(delay, this.options.reconnectionDelayMax ?? 2000));
  }
}
