// The Socket.IO side of the protocol, an adapter: every frame counted against the connection's
// and its network's budgets, every payload parsed, then handed to the room, and every request
// answered with { ok } or { ok: false, error: { code, params? } }. The room holds the sessions
// and answers (room/simul-room.ts); a socket only finds its session there, and who that session
// is now is asked of the room on every command.
import type { Server, Socket } from 'socket.io';
import type { ZodType } from 'zod';
import {
  EXHIBITION_LIMITS,
  parseCommand,
  createSimulSchema,
  exhibitionMinutes,
  exhibitionPlies,
  stopExhibitionSchema,
  helloSchema,
  joinSchema,
  startExhibitionSchema,
  type HelloInput,
} from '../../lib/protocol/schemas';
import { PROTOCOL_VERSION, type Ack, type ClientToServerEvents, type HelloReply, type ServerToClientEvents } from '../../lib/protocol/events';
import { cleanName, cleanTitle } from '../../lib/simul/display-text';
import { checkSetup } from '../../lib/simul/setup';
import { rejection, type RefusalArgs } from '../../lib/simul/rejection';
import type { Rejection, RejectionCode } from '../../lib/simul/types';
import type { AddressBudgets } from '../guards/address-budgets';
import { TokenBucket } from '../guards/rate-limit';
import { TurnQueue } from './turn-queue';
import { OwnedElsewhere, type SimulHub } from '../room/simul-hub';
import type { SimulRoom } from '../room/simul-room';
import type { RoomSession, SendMany, ServerEvent, ServerPayload, SessionLink } from '../room/room-session';
import { holdWrites, noteBacklog, writeEvent, writeEventToMany } from './frames';
import { isStorageFull } from '../store/event-store';

interface SocketData {
  /** The client's network, the key of the budgets it shares with its neighbours. */
  network: string;
  /** Its session in the room it said hello to: the room holds it; the socket only finds it. */
  session: { room: SimulRoom; session: RoomSession } | null;
  /** This connection as the room sees it. */
  link: SessionLink;
  commands: TokenBucket;
  strikes: TokenBucket;
  hellos: TokenBucket;
  helloBytes: TokenBucket;
}

export type SimulServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type SimulSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

function fail<C extends RejectionCode>(code: C, ...params: RefusalArgs<C>): { ok: false; error: Rejection } {
  return { ok: false, error: rejection(code, ...params) };
}

function rateLimited(retryAfterMs: number): { ok: false; error: Rejection } {
  return fail('rate-limited', { retryAfterMs: Math.max(1, retryAfterMs) });
}

function parse<T>(schema: ZodType<T>, input: unknown): T | null {
  const result = schema.safeParse(input);
  return result.success ? result.data : null;
}

const BAD_PAYLOAD = fail('bad-payload');

/** A handler that threw: said in the log, and to the client as a refusal. */
function failure(event: string, err: unknown): { ok: false; error: Rejection } {
  console.error(`handler ${event} failed:`, (err as Error).message);
  // A full disk is no fault of the server's: said as such, and over once space is freed.
  return fail(isStorageFull(err) ? 'storage-full' : 'internal');
}

/** How long a client is told to wait before asking again for a simul another node still holds. */
const OWNER_RETRY_MS = 250;

/**
 * Closes a connection under the client, with no word from Socket.IO: the client takes it for a
 * lost connection and reconnects by itself, through the load balancer, to wherever its simul runs.
 */
function sendElsewhere(socket: SimulSocket): void {
  socket.conn.close();
}

/** Closes a connection at once, without waiting for a client that may not be reading. */
export function cutOff(socket: SimulSocket): void {
  const transport = socket.conn.transport as unknown as { socket?: { terminate?: () => void } };
  socket.disconnect(true);
  transport.socket?.terminate?.();
}

export function attachHandlers(io: SimulServer, hub: SimulHub, budgets: AddressBudgets): void {
  const limits = budgets.limits;
  const heavyReplies = new TurnQueue();

  /** Every frame, known event or not, costs the connection and its network one command. */
  function admitFrame(socket: SimulSocket): Ack | null {
    const own = socket.data.commands;
    const network = budgets.commands.get(socket.data.network);
    if (own.has() && network.has()) {
      own.take();
      network.take();
      return null;
    }
    // A client that keeps sending past its budget is not slowed down: it is shown the door.
    if (!socket.data.strikes.take()) {
      budgets.refused.floodsClosed++;
      cutOff(socket);
    }
    return rateLimited(Math.max(own.msUntil(), network.msUntil()));
  }

  io.on('connection', (socket: SimulSocket) => {
    const clock = budgets.now;
    socket.data.session = null;
    socket.data.link = linkOf(socket);
    socket.data.commands = new TokenBucket(limits.commandBurst, limits.commandsPerSecond, clock);
    socket.data.strikes = new TokenBucket(limits.floodStrikes, 1, clock);
    socket.data.hellos = new TokenBucket(limits.helloBurst, limits.hellosPerSecond, clock);
    socket.data.helloBytes = new TokenBucket(limits.helloByteBurst, limits.helloBytesPerSecond, clock);

    socket.use((packet, next) => {
      // Frames that arrived with the one that got a flooder cut off are dropped unread.
      if (!socket.connected) return;
      const refusal = admitFrame(socket);
      if (!refusal) return next();
      const ack = packet.at(-1);
      if (typeof ack === 'function') ack(refusal);
    });

    socket.on('disconnect', () => {
      socket.data.session?.room.leave(socket.data.link);
      socket.data.session = null;
    });

    /** Wraps a handler: a missing ack or a thrown error never reaches the server. */
    function on<E extends keyof ClientToServerEvents>(
      event: E,
      handle: (input: unknown) => Ack<object> | Promise<Ack<object>>,
      /** A command's: its answer leaves with the frames this socket hears in the same turn (frames.ts). */
      { command = false } = {},
    ): void {
      socket.on(event, ((...args: unknown[]) => {
        // Socket.IO passes the ack last, after however many arguments the client sent: with
        // no payload the ack would otherwise be taken for the payload and never called.
        const ack = typeof args.at(-1) === 'function' ? (args.pop() as (res: Ack<object>) => void) : null;
        const reply = !ack
          ? () => {}
          : (res: Ack<object>) => {
              if (command) holdWrites(socket);
              ack(res);
              // A big answer (a hello's page of the log) to a client that does not read: the guard looks.
              noteBacklog(socket);
            };
        // Every request is exactly one payload.
        if (args.length !== 1) return reply(BAD_PAYLOAD);
        // (No function is named here: the build names each one it makes, a cost on every request.)
        try {
          Promise.resolve(handle(args[0])).then(reply, (err: unknown) => reply(failure(event, err)));
        } catch (err) {
          reply(failure(event, err));
        }
      }) as never);
    }

    /** The socket's session, while its room still holds it (a room that left memory holds none). */
    function current(): { room: SimulRoom; session: RoomSession } | null {
      const here = socket.data.session;
      if (!here || hub.get(here.room.id) !== here.room || here.room.sessionOf(socket.data.link) !== here.session) return null;
      return here;
    }

    on('simul:create', async (input) => {
      const parsed = parse(createSimulSchema, input);
      if (!parsed) return BAD_PAYLOAD;
      // Before the hourly budget: a refused title spends none of it.
      const title = cleanTitle(parsed.title);
      if (!title.ok) return fail('title-invalid', title.problem);
      // An empty host name is none: the games name the host "Host".
      const hostName = parsed.hostName?.trim() ? cleanName(parsed.hostName) : null;
      if (hostName && !hostName.ok) return fail('name-invalid', hostName.problem);
      const checked = checkSetup(parsed);
      if (!checked.ok) return { ok: false, error: checked.error };
      if (!budgets.creations.take(socket.data.network)) {
        return fail('too-many-simuls', { perHour: limits.simulsPerAddressPerHour });
      }
      const { hostName: _given, ...rest } = parsed;
      const { rotation, startFen, boardFens } = checked.setup;
      return {
        ok: true,
        ...(await hub.create({ ...rest, title: title.text, rotation, startFen, boardFens, ...(hostName?.ok ? { hostName: hostName.text } : {}) })),
      };
    });

    on('exhibition:start', async (input) => {
      const spec = parse(startExhibitionSchema, input);
      if (!spec) return BAD_PAYLOAD;
      // The bound counts the work: plies, and real minutes at its speed ('max' included).
      const plies = exhibitionPlies(spec);
      if (plies > EXHIBITION_LIMITS.maxPlies) return fail('exhibition-too-big', { plies, maxPlies: EXHIBITION_LIMITS.maxPlies });
      const minutes = exhibitionMinutes(spec);
      if (minutes > EXHIBITION_LIMITS.maxMinutes) return fail('exhibition-too-long', { minutes, maxMinutes: EXHIBITION_LIMITS.maxMinutes });
      const network = socket.data.network;
      if (budgets.exhibitions) {
        // A cluster: the slots of every node, in Redis.
        const refused = await budgets.exhibitions.take(network, minutes, limits.exhibitionsAtOnce);
        if (refused) return fail('exhibition-running', refused);
      } else {
        // One node: a free slot, or one past its guaranteed time (see exhibitionWait).
        const refused = hub.exhibitionWait(network, limits.exhibitionsAtOnce);
        if (refused) return fail('exhibition-running', refused);
      }
      // Two simuls, and a creation for each real minute they hold a slot, of the network's hourly budget.
      if (!budgets.creations.take(network, 2 + Math.ceil(minutes))) return fail('too-many-simuls', { perHour: limits.simulsPerAddressPerHour });
      if (!budgets.exhibitions) await hub.makeExhibitionRoom(limits.exhibitionsAtOnce);
      const started = await hub.createExhibition(spec, network);
      return started.ok ? { ok: true, sync: started.sync, async: started.async, hostKey: started.hostKey } : started;
    });

    on('exhibition:stop', (input) => {
      const parsed = parse(stopExhibitionSchema, input);
      if (!parsed) return BAD_PAYLOAD;
      return hub.stopExhibition(parsed.simulId, parsed.hostKey);
    });

    on('simul:hello', async (input) => {
      // A page from before this protocol: told to reload, never to forget its secrets.
      if ((input as { v?: unknown } | null)?.v !== PROTOCOL_VERSION) {
        return fail('outdated-client');
      }
      const parsed = parse(helloSchema, input);
      if (!parsed) return BAD_PAYLOAD;
      // A simul not in memory is loaded first (in a cluster, taken over from another node).
      let room: SimulRoom | null;
      try {
        room = await hub.open(parsed.simulId);
      } catch (err) {
        // Another node holds its lease: one that died (the lease lapses within its time), or one
        // still running it after a rebalance (it gives the lease up at its next renewal, since this
        // node asked). The load balancer sent this socket here, so here is where the simul is
        // about to run: the client asks again on the same connection, soon.
        if (err instanceof OwnedElsewhere) return fail('try-again', { retryAfterMs: OWNER_RETRY_MS });
        throw err;
      }
      return heavyReplies.run(() => hello(parsed, room));
    });

    /** A hello, run as a job of its own turn: it may send a page of the log. */
    function hello(parsed: HelloInput, room: SimulRoom | null): Ack<HelloReply> {
      const network = socket.data.network;
      const link = socket.data.link;
      // The next page of a log this socket is being served is part of the same hello.
      const nextPage = room !== null && (room.sessionOf(link)?.continuesFrom(parsed.lastSeq) ?? false);
      if (!nextPage && !socket.data.hellos.has()) {
        budgets.refused.hellosRefused++;
        return rateLimited(socket.data.hellos.msUntil());
      }
      // Dropped from memory while the hello waited its turn (a failed commit, a lost lease).
      if (room && hub.get(room.id) !== room) return fail('try-again');
      // Only misses spend (and are refused by) the network's miss budget: an existing simul opens.
      if (!budgets.answerLookUp(network, room ? room.id : null, true)) return rateLimited(budgets.missesRefillMs(network));
      if (!room) return fail('unknown-simul');
      // Replies are budgeted in bytes, for the connection and for its network.
      const admit = (bytes: number) => {
        const own = socket.data.helloBytes;
        const shared = budgets.helloBytes.get(network);
        if (!own.has(bytes) || !shared.has(bytes)) {
          budgets.refused.hellosRefused++;
          return rateLimited(Math.max(own.msUntil(bytes), shared.msUntil(bytes)));
        }
        own.take(bytes);
        shared.take(bytes);
        return null;
      };
      const { ack, session } = room.hello(link, network, parsed, admit);
      if (!session) return ack;
      if (!nextPage) socket.data.hellos.take();
      // The socket's place changes whole in this one synchronous step: it leaves the room it was in.
      const before = socket.data.session;
      if (before && before.room !== room) before.room.leave(link);
      socket.data.session = { room, session };
      return ack;
    }

    on('simul:join', async (input) => {
      const parsed = parse(joinSchema, input);
      if (!parsed) return BAD_PAYLOAD;
      const here = current();
      if (!here) return fail('unknown-simul', { asked: 'join' });
      const { session, room } = here;
      const joins = budgets.joins.get(`${room.id} ${socket.data.network}`);
      if (!joins.has()) {
        budgets.refused.joinsRefused++;
        return rateLimited(joins.msUntil());
      }
      const result = await room.join(session, parsed);
      if (result.ok) joins.take();
      return result;
    }, { command: true });

    on('simul:command', async (input) => {
      const command = parseCommand(input);
      if (!command) return BAD_PAYLOAD;
      const here = current();
      if (!here) return fail('unknown-simul', { asked: 'command' });
      return here.room.command(here.session, command);
    }, { command: true });
  });
}

/** A socket as a room sees it: it sends frames and closes. */
class SocketLink implements SessionLink {
  readonly id: string;

  constructor(readonly socket: SimulSocket) {
    this.id = socket.id;
  }

  send<E extends ServerEvent>(event: E, payload: ServerPayload<E>): void {
    writeEvent(this.socket, event, payload);
  }

  close(): void {
    sendElsewhere(this.socket);
  }
}

function linkOf(socket: SimulSocket): SessionLink {
  return new SocketLink(socket);
}

/**
 * One frame to many of this node's sockets, encoded and framed once (frames.ts): a room's
 * sessions are all on the node that runs it, so the frame never goes through the cluster's adapter.
 */
export function sendManyOn(): SendMany {
  return (links, event, payload) => {
    if (links.length === 0) return;
    if (links.length === 1) return links[0].send(event, payload);
    const sockets: SimulSocket[] = [];
    for (const link of links) {
      if (link instanceof SocketLink) sockets.push(link.socket);
      else link.send(event, payload);
    }
    writeEventToMany(sockets, event, payload);
  };
}
