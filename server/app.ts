// Builds the whole server: one HTTP server for Next's pages and Socket.IO.
// Tests call startServer() with no Next handler, on port 0, with their own clock and store.
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { Server } from 'socket.io';
import { MAX_PAYLOAD_BYTES } from '../lib/protocol/events';
import { joinCodeSchema } from '../lib/protocol/schemas';
import { AddressBudgets } from './address-budgets';
import { guardConnections, networkOf } from './connection-guard';
import { DEFAULT_LIMITS, type ServerLimits } from './limits';
import { FanOut } from './fan-out';
import { attachHandlers, type SimulServer } from './socket-handlers';
import { hasListeners } from './room-names';
import { SimulHub } from './simul-hub';
import { ExhibitionPacer } from './exhibition';
import { withSecurityHeaders } from './http-security';
import { serverOrigins } from './listen-addresses';
import { networkInterfaces } from 'node:os';
import { serverWords } from '../app/words';
import type { EventStore } from './store/event-store';
import { realClock, type Clock, type ManualClock } from './clock';

export interface ServerOptions {
  port: number;
  host: string;
  store: EventStore;
  /** The simuls' time (real time by default); a test gives its own. */
  now?: () => number;
  /** Next's request handler; without it only Socket.IO and the join-code redirect are served. */
  pages?: (req: IncomingMessage, res: ServerResponse) => void;
  limits?: ServerLimits;
  /** The clock the budgets refill by (real time unless a test controls it). */
  budgetClock?: () => number;
  /** Origins other than the server's own whose pages may connect (SIMUL_ALLOWED_ORIGINS). */
  allowedOrigins?: string[];
  /** The address students open behind a proxy (SIMUL_PUBLIC_URL): its origin is the server's own too. */
  publicUrl?: string;
  /** Proxies whose X-Forwarded-For names the client (SIMUL_TRUST_PROXY); none by default. */
  trustedProxies?: ReadonlySet<string>;
  /** Only for browser tests: a clock that POST /__test/clock?advance=<ms> moves. Never in production. */
  testClock?: ManualClock;
}

export interface RunningServer {
  url: string;
  port: number;
  hub: SimulHub;
  io: SimulServer;
  budgets: AddressBudgets;
  http: HttpServer;
  close(): Promise<void>;
}

const JOIN_PATH = /^\/j\/([^/?#]+)\/?$/;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const clock: Clock = options.testClock ?? realClock(options.now);
  let io!: SimulServer;
  const trustedProxies = options.trustedProxies ?? new Set<string>();
  const budgets = new AddressBudgets(options.limits ?? DEFAULT_LIMITS, options.budgetClock ?? (() => performance.now()));
  let fanOut!: FanOut;
  const hub = new SimulHub(
    options.store,
    clock,
    (room, events, boards) => fanOut.publish(room.id, room.state, events, boards),
    (room) => hasListeners(io.sockets.adapter.rooms, room.id, room.state.boards.keys()),
    new ExhibitionPacer(budgets.limits.exhibitionCpuShare),
  );

  const http = createServer(withSecurityHeaders((req, res) => {
    // A typed join code goes to its simul's join page.
    const match = req.url ? JOIN_PATH.exec(req.url) : null;
    if (match) {
      // Six digits are few: a network that keeps guessing wrong is refused new codes for a
      // while, but not the code of a simul it already opened (see answerLookUp).
      const network = networkOf(req, trustedProxies);
      const code = joinCodeSchema.safeParse(match[1]);
      const simulId = code.success ? hub.resolveCode(code.data) : null;
      if (!budgets.answerLookUp(network, simulId, false)) {
        res.statusCode = 429;
        res.setHeader('Retry-After', String(Math.ceil(budgets.missesRefillMs(network) / 1000)));
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(serverWords.tooManyJoinCodes);
        return;
      }
      res.statusCode = 302;
      res.setHeader('Location', simulId ? `/play/${simulId}` : `/?code=${encodeURIComponent(match[1].slice(0, 12))}&missing=1`);
      res.end();
      return;
    }
    if (options.testClock && req.method === 'POST' && req.url?.startsWith('/__test/clock?')) {
      const advance = Number(new URL(req.url, 'http://x').searchParams.get('advance'));
      try {
        res.end(JSON.stringify({ now: options.testClock.advance(advance) }));
      } catch (err) {
        res.statusCode = 400;
        res.end((err as Error).message);
      }
      return;
    }
    if (options.pages) return options.pages(req, res);
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(serverWords.notFound);
  }));

  io = new Server(http, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    // Every client of ours speaks WebSocket only; long-polling would be one more way in to guard.
    transports: ['websocket'],
  });
  fanOut = new FanOut(io);
  // The server's own origins, from its addresses (which a laptop's LAN may change): looked up again every 30 s.
  let origins: { at: number; set: ReadonlySet<string> } | null = null;
  const allowedOrigins = () => {
    const now = performance.now();
    if (!origins || now - origins.at > 30_000) {
      const own = serverOrigins(options.host, boundPort, networkInterfaces(), options.publicUrl);
      origins = { at: now, set: new Set([...own, ...(options.allowedOrigins ?? [])]) };
    }
    return origins.set;
  };
  let boundPort = options.port;
  const stopGuard = guardConnections(io, budgets, { allowedOrigins, trustedProxies });
  attachHandlers(io, hub, budgets);
  hub.loadUnfinished();

  await new Promise<void>((resolve) => http.listen(options.port, options.host, resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  boundPort = port;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    port,
    hub,
    io,
    budgets,
    http,
    close: () =>
      new Promise<void>((resolve) => {
        stopGuard();
        hub.stopExhibitions();
        fanOut.close();
        io.close(() => resolve());
      }),
  };
}
