// Who may open a Socket.IO connection, and what happens to one that stops reading.
// Checked at the handshake (before any Socket.IO state exists): the page's Origin, and the
// network's open connections and connection rate. Afterwards, a sweep closes any connection
// whose unsent output has grown past the limit, so memory stays bounded whatever clients do:
// every 250 ms the connections seen with output waiting when they were last written to, and
// every connection once a second up to 8,000 of them (less often beyond: 8,000 a second).
import type { IncomingMessage } from 'node:http';
import type { AddressBudgets } from '../guards/address-budgets';
import { addressKey, clientAddress } from '../guards/network-address';
import { backlogged } from './frames';
import { cutOff, type SimulServer } from './socket-handlers';

interface GuardOptions {
  /**
   * The origins whose pages may open connections: the server's own (serverOrigins) and the
   * ones configured (SIMUL_ALLOWED_ORIGINS). Asked at each handshake: a LAN address may change.
   */
  allowedOrigins: () => ReadonlySet<string>;
  trustedProxies: ReadonlySet<string>;
}

/** The network key of a request, after any trusted proxy. */
export function networkOf(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  return addressKey(clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies));
}

/**
 * A browser always sends the page's Origin with a WebSocket or XHR: a page of another site
 * must not use a visitor's browser to create simuls here. No Origin: not a browser (a bot, a test).
 * The Origin is compared with the origins the server knows as its own, never with the request's
 * Host header, which a DNS-rebinding page controls.
 */
function originAllowed(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  return allowed.has(origin);
}

export function guardConnections(io: SimulServer, budgets: AddressBudgets, options: GuardOptions): () => void {
  io.engine.opts.allowRequest = (req, callback) => {
    if (!originAllowed(req, options.allowedOrigins())) {
      budgets.refused.originsRefused++;
      return callback('origin not allowed', false);
    }
    // An upgrade of a connection already admitted (polling to websocket) is not a new one.
    const upgrading = new URL(req.url ?? '/', 'http://x').searchParams.has('sid');
    if (upgrading) return callback(null, true);
    void budgets.admitConnection(networkOf(req, options.trustedProxies)).then((admitted) =>
      admitted ? callback(null, true) : callback('too many connections from this network', false),
    );
  };

  io.on('connection', (socket) => {
    const network = networkOf(socket.request, options.trustedProxies);
    socket.data.network = network;
    budgets.opened(network);
    socket.on('disconnect', () => {
      budgets.closed(network);
      backlogged.delete(socket);
    });
  });

  // Every SWEEP_EVERY_MS: the connections seen with output waiting when something was last
  // written to them (frames.ts backlogged); and, every wholeSweepEveryMs, every connection,
  // SWEEP_SLICE a turn (with ten thousand spectators a whole pass in one turn held every command
  // for tens of milliseconds, four times a second).
  const limit = () => budgets.limits.maxOutboundBytes;
  const check = (socket: GuardedSocket): number => {
    const bytes = outboundBytes(socket.conn);
    if (bytes > limit()) {
      budgets.refused.slowReadersClosed++;
      cutOff(socket);
    }
    return bytes;
  };
  let pass: Iterator<GuardedSocket> | null = null;
  let slice: NodeJS.Immediate | null = null;
  let passAt = -Infinity;
  const sweepSlice = () => {
    slice = null;
    for (let n = 0; pass && n < SWEEP_SLICE; n++) {
      const next = pass.next();
      if (next.done) pass = null;
      else check(next.value);
    }
    if (pass) slice = setImmediate(sweepSlice);
  };
  const sweep = setInterval(() => {
    for (const socket of backlogged) {
      // Another server's in this process (tests run several): its own guard looks.
      if (socket.nsp.server !== (io as unknown)) continue;
      if (!socket.connected || check(socket as GuardedSocket) === 0 || !socket.connected) backlogged.delete(socket);
    }
    const sockets = io.of('/').sockets;
    const now = performance.now();
    if (pass || now - passAt < wholeSweepEveryMs(sockets.size)) return;
    passAt = now;
    pass = sockets.values();
    sweepSlice();
  }, SWEEP_EVERY_MS);
  sweep.unref();
  return () => {
    clearInterval(sweep);
    if (slice) clearImmediate(slice);
    pass = null;
  };
}

type GuardedSocket = Parameters<typeof cutOff>[0];

/** How often the connections seen with output waiting are checked for output their clients do not read. */
const SWEEP_EVERY_MS = 250;
/** Connections checked in one turn of the event loop. */
const SWEEP_SLICE = 500;
/**
 * Every connection is checked at least this often (the safety net: a slow reader is seen at its
 * next write), and at most WHOLE_SWEEP_CHECKS_PER_SECOND connections a second all together.
 */
const WHOLE_SWEEP_EVERY_MS = 1000;
const WHOLE_SWEEP_CHECKS_PER_SECOND = 8000;

/** How often every connection is checked, with `connections` open. */
function wholeSweepEveryMs(connections: number): number {
  return Math.max(WHOLE_SWEEP_EVERY_MS, (1000 * connections) / WHOLE_SWEEP_CHECKS_PER_SECOND);
}

interface EngineConnection {
  writeBuffer?: { data?: unknown }[];
  transport?: { socket?: { bufferedAmount?: number } };
}

/** Bytes written to a connection that have not left this process: queued packets and the socket's buffer. */
function outboundBytes(conn: unknown): number {
  const c = conn as EngineConnection;
  let bytes = c.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of c.writeBuffer ?? []) {
    const data = packet.data;
    if (typeof data === 'string') bytes += data.length;
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) bytes += data.byteLength;
  }
  return bytes;
}
