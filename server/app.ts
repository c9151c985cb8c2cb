// Builds the whole server: one HTTP server for Next's pages and Socket.IO.
// Tests call startServer() with no Next handler, on port 0, with their own clock and store.
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import { MAX_PAYLOAD_BYTES } from '../lib/protocol/events';
import { joinCodeSchema } from '../lib/protocol/schemas';
import { AddressBudgets } from './guards/address-budgets';
import { guardConnections, networkOf } from './transport/connection-guard';
import { DEFAULT_LIMITS, type ServerLimits } from './guards/limits';
import { attachHandlers, sendManyOn, type SimulServer } from './transport/socket-handlers';
import { SimulHub } from './room/simul-hub';
import { ExhibitionPacer } from './room/exhibition-run';
import { withSecurityHeaders } from './guards/http-security';
import { listenAddresses, serverOrigins } from './listen-addresses';
import { hostname, networkInterfaces } from 'node:os';
import { serverWordsFor } from '../app/words/tables';
import { JOIN_ADDRESSES_PATH, type JoinAddresses } from '../lib/join-address';
import type { EventStore } from './store/event-store';
import type { SimulLeases } from './store/leases';
import { realClock, type Clock, type ManualClock } from './room/simul-time';

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
  /** The addresses students open behind a proxy (SIMUL_PUBLIC_URL, parsed): their origins are the server's own too. */
  publicUrls?: string[];
  /** Proxies whose X-Forwarded-For names the client (SIMUL_TRUST_PROXY); none by default. */
  trustedProxies?: ReadonlySet<string>;
  /**
   * The join addresses the pages offer (GET /join-addresses), given the port listened on; by
   * default the listen address only (tests). server/index.ts gives this machine's network ones.
   */
  joinAddresses?: (port: number) => string[];
  /** Only for browser tests: a clock that POST /__test/clock?advance=<ms> moves. Never in production. */
  testClock?: ManualClock;
  /** In a cluster: the simuls' leases (this node runs a simul only while it holds its lease). */
  leases?: SimulLeases;
  /** In a cluster: the Redis the nodes share (budgets, exhibition slots, Socket.IO's adapter). */
  redis?: Redis;
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

/** The code a join link names (/j/<code>), or the home page's form sends (/j?code=<code>, spaces allowed). */
function typedJoinCode(url: string | undefined): string | null {
  if (!url) return null;
  const link = JOIN_PATH.exec(url);
  if (link) return link[1];
  if (!/^\/j\/?\?/.test(url)) return null;
  return new URL(url, 'http://x').searchParams.get('code')?.replace(/\s/g, '') ?? null;
}
const HEALTH_PATH = '/healthz';

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const clock: Clock = options.testClock ?? realClock(options.now);
  let io!: SimulServer;
  const trustedProxies = options.trustedProxies ?? new Set<string>();
  const budgets = new AddressBudgets(options.limits ?? DEFAULT_LIMITS, options.budgetClock ?? (() => performance.now()), options.redis);
  // The port listened on, known once listening (no request or connection arrives before).
  let boundPort = options.port;
  const joinAddresses = options.joinAddresses ?? ((p: number) => listenAddresses(options.host, p, {}));
  const hub = new SimulHub(options.store, clock, {
    // A room's frames go to this node's sockets, encoded once (sendManyOn).
    sendMany: sendManyOn(),
    exhibitionPacer: new ExhibitionPacer(budgets.limits.exhibitionCpuShare),
    leases: options.leases,
    // The exhibitions' slots count real time as the budgets do (a test controls both).
    wallNow: options.budgetClock,
  });

  const http = createServer(withSecurityHeaders(async (req, res) => {
    // A typed join code goes to its simul's join page.
    const typed = typedJoinCode(req.url);
    if (typed !== null) {
      // Six digits are few: a network that keeps guessing wrong is refused new codes for a
      // while, but not the code of a simul it already opened (see answerLookUp).
      const network = networkOf(req, trustedProxies);
      const code = joinCodeSchema.safeParse(typed);
      let simulId: string | null = null;
      try {
        simulId = code.success ? await hub.resolveCode(code.data) : null;
      } catch (err) {
        console.error('join code lookup failed:', (err as Error).message);
        res.statusCode = 503;
        res.end();
        return;
      }
      if (!budgets.answerLookUp(network, simulId, false)) {
        res.statusCode = 429;
        res.setHeader('Retry-After', String(Math.ceil(budgets.missesRefillMs(network) / 1000)));
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(serverWordsFor(req.headers).tooManyJoinCodes);
        return;
      }
      res.statusCode = 302;
      res.setHeader('Location', simulId ? `/play/${simulId}` : `/?code=${encodeURIComponent(typed.slice(0, 12))}&missing=1`);
      res.end();
      return;
    }
    // For the load balancer's health check.
    if (req.url === HEALTH_PATH) {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('ok');
      return;
    }
    if (req.method === 'GET' && req.url?.split('?', 1)[0] === JOIN_ADDRESSES_PATH) {
      const body: JoinAddresses = { addresses: joinAddresses(boundPort) };
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end(JSON.stringify(body));
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
    res.end(serverWordsFor(req.headers).notFound);
  }));

  io = new Server(http, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    // Every client of ours speaks WebSocket only; long-polling would be one more way in to guard.
    transports: ['websocket'],
    // In a cluster, what is sent to a Socket.IO room reaches its sockets on every node.
    ...(options.redis ? { adapter: createAdapter(options.redis) } : {}),
  });
  // The server's own origins, from its addresses (which a laptop's LAN may change): looked up again every 30 s.
  let origins: { at: number; set: ReadonlySet<string> } | null = null;
  const allowedOrigins = () => {
    const now = performance.now();
    if (!origins || now - origins.at > 30_000) {
      const own = serverOrigins(options.host, boundPort, networkInterfaces(), options.publicUrls, hostname());
      origins = { at: now, set: new Set([...own, ...(options.allowedOrigins ?? [])]) };
    }
    return origins.set;
  };
  const stopGuard = guardConnections(io, budgets, { allowedOrigins, trustedProxies });
  attachHandlers(io, hub, budgets);
  await hub.loadUnfinished();

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
    close: async () => {
      stopGuard();
      hub.stopExhibitions();
      // In a cluster, its simuls' leases are given back at once: other nodes take them over.
      await hub.releaseAll().catch((err) => console.error('releasing the leases failed:', (err as Error).message));
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await budgets.close();
    },
  };
}
