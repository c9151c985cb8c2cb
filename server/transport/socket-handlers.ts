// The boundary: every payload is parsed, every frame counted against the connection's and its
// network's budgets, every command answered with { ok } or { ok: false, error: { code, params? } }.
// A socket keeps only which simul it opened and the credential it presented there (one object,
// replaced whole); who that makes it is asked of the room on every command.
import type { Server, Socket } from 'socket.io';
import type { ZodType } from 'zod';
import {
  EXHIBITION_LIMITS,
  commandSchema,
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
import { summarize } from '../../lib/simul/summary';
import { cleanName, cleanTitle } from '../../lib/simul/display-text';
import { checkSetup } from '../../lib/simul/setup';
import { rejection, type RefusalArgs } from '../../lib/simul/rejection';
import type { Rejection, RejectionCode } from '../../lib/simul/types';
import type { AddressBudgets } from '../guards/address-budgets';
import { hashSecret, newPlayerId } from '../guards/secrets';
import { TokenBucket } from '../guards/rate-limit';
import { TurnQueue } from './turn-queue';
import { OwnedElsewhere, type SimulHub } from '../room/simul-hub';
import { boardRoom, seatRoom, simulRoom, studentsRoom } from './room-names';
import type { Credential, SimulRoom } from '../room/simul-room';

/** A socket's place: the simul it opened and what it presented there. Replaced whole, never edited. */
interface Session {
  simulId: string;
  credential: Credential;
}

interface SocketData {
  /** The client's network, the key of the budgets it shares with its neighbours. */
  network: string;
  session: Session | null;
  /** The simul and seq up to which a paged hello was served: the next page is not a new hello. */
  paged: { simulId: string; seq: number } | null;
  commands: TokenBucket;
  strikes: TokenBucket;
  hellos: TokenBucket;
  helloBytes: TokenBucket;
  joining: boolean;
}

export type SimulServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type SimulSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** A client this many events behind gets a snapshot, if it asked for the state. */
export const SNAPSHOT_AFTER_EVENTS = 200;

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

/** How long a client is told to wait before asking again for a simul another node still holds. */
const OWNER_RETRY_MS = 1000;

/**
 * Closes a connection under the client, with no word from Socket.IO: the client takes it for a
 * lost connection and reconnects by itself, through the load balancer, to wherever its simul runs.
 */
export function sendElsewhere(socket: SimulSocket): void {
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
    socket.data.paged = null;
    socket.data.joining = false;
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

    /** Wraps a handler: a missing ack or a thrown error never reaches the server. */
    function on<E extends keyof ClientToServerEvents>(
      event: E,
      handle: (input: unknown) => Ack<object> | Promise<Ack<object>>,
    ): void {
      socket.on(event, ((...args: unknown[]) => {
        // Socket.IO passes the ack last, after however many arguments the client sent: with
        // no payload the ack would otherwise be taken for the payload and never called.
        const ack = typeof args.at(-1) === 'function' ? (args.pop() as (res: Ack<object>) => void) : null;
        const reply = ack ?? (() => {});
        // Every request is exactly one payload.
        if (args.length !== 1) return reply(BAD_PAYLOAD);
        const failed = (err: unknown) => {
          console.error(`handler ${event} failed:`, (err as Error).message);
          reply(fail('internal'));
        };
        try {
          Promise.resolve(handle(args[0])).then(reply, failed);
        } catch (err) {
          failed(err);
        }
      }) as never);
    }

    /** The room of the socket's session and who the session is there now. */
    async function current(): Promise<{ session: Session; room: SimulRoom } | null> {
      const session = socket.data.session;
      const room = session ? await hub.open(session.simulId).catch(() => null) : null;
      return session && room ? { session, room } : null;
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
      const retryAfterMs = () => hub.exhibitionSlotFreesInMs();
      if (budgets.exhibitions) {
        // A cluster: the slots of every node, in Redis.
        const refused = await budgets.exhibitions.take(network, minutes, limits.exhibitionsAtOnce);
        if (refused) return fail('exhibition-running', refused);
      } else {
        if (hub.exhibitionRunningFrom(network)) return fail('exhibition-running', { scope: 'network', retryAfterMs: retryAfterMs() });
        if (hub.exhibitionsRunning >= limits.exhibitionsAtOnce) return fail('exhibition-running', { scope: 'server', retryAfterMs: retryAfterMs() });
      }
      // Two simuls, and a creation for each real minute they hold a slot, of the network's hourly budget.
      if (!budgets.creations.take(network, 2 + Math.ceil(minutes))) return fail('too-many-simuls', { perHour: limits.simulsPerAddressPerHour });
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
        // Another node runs it: this connection closes, and the client's reconnection goes
        // through HAProxy again, to the node the simul hashes to now (which waits for the lease).
        if (err instanceof OwnedElsewhere) {
          setTimeout(() => sendElsewhere(socket), 50);
          return fail('try-again', { retryAfterMs: OWNER_RETRY_MS });
        }
        throw err;
      }
      return heavyReplies.run(() => hello(parsed, room));
    });

    /** A hello, run as a job of its own turn: it may send a page of the log. */
    function hello(parsed: HelloInput, room: SimulRoom | null): Ack<HelloReply> {
      const network = socket.data.network;
      // The next page of a log this socket is being served is part of the same hello.
      const paged = socket.data.paged;
      const nextPage = paged?.simulId === parsed.simulId && paged.seq === parsed.lastSeq && parsed.lastSeq > 0;
      if (!nextPage && !socket.data.hellos.has()) {
        budgets.refused.hellosRefused++;
        return rateLimited(socket.data.hellos.msUntil());
      }
      // Dropped from memory while the hello waited its turn (a failed commit, a lost lease).
      if (room && hub.get(room.id) !== room) return fail('try-again');
      // Only misses spend (and are refused by) the network's miss budget: an existing simul opens.
      if (!budgets.answerLookUp(network, room ? room.id : null, true)) return rateLimited(budgets.missesRefillMs(network));
      if (!room) return fail('unknown-simul');
      const credential = room.credentialFor(parsed.hostKey, parsed.seatToken);
      if (!credential) return fail('bad-credentials');
      const actor = room.actorFor(credential);
      const listen = parsed.listen ?? 'simul';
      if (listen === 'board' && actor.role !== 'opponent') return fail('not-seated', { listen: 'board' });

      const reply =
        actor.role === 'opponent' && listen === 'board'
          ? boardHelloReply(room, actor.board, parsed.boardSeq ?? 0)
          : helloReply(room, parsed.lastSeq, parsed.want ?? 'log');
      if (!reply) return fail('try-again');
      // Replies are budgeted in bytes, for the connection and for its network.
      const own = socket.data.helloBytes;
      const shared = budgets.helloBytes.get(network);
      if (!own.has(reply.bytes) || !shared.has(reply.bytes)) {
        budgets.refused.hellosRefused++;
        return rateLimited(Math.max(own.msUntil(reply.bytes), shared.msUntil(reply.bytes)));
      }
      own.take(reply.bytes);
      shared.take(reply.bytes);
      if (!nextPage) socket.data.hellos.take();

      // The session changes whole, with its rooms, in this one synchronous step.
      for (const r of socket.rooms) if (r !== socket.id) socket.leave(r);
      socket.data.session = { simulId: room.id, credential };
      const body = reply.body;
      const more = (body.kind === 'reset' || body.kind === 'delta') && body.more;
      socket.data.paged = more ? { simulId: room.id, seq: lastSeqOf(body, parsed.lastSeq) } : null;
      if (actor.role === 'opponent') socket.join(seatRoom(room.id, actor.board));
      if (actor.role === 'opponent' && listen === 'board') {
        socket.join([boardRoom(room.id, actor.board), studentsRoom(room.id)]);
      } else {
        socket.join(simulRoom(room.id));
      }
      const answer: HelloReply = {
        ...body,
        role: actor.role,
        board: actor.role === 'opponent' ? actor.board : null,
        // The simul's own time: an exhibition's is simulated.
        serverNow: room.clock.now(),
      };
      return { ok: true, ...answer };
    }

    on('simul:join', async (input) => {
      const parsed = parse(joinSchema, input);
      if (!parsed) return BAD_PAYLOAD;
      const here = await current();
      if (!here) return fail('unknown-simul', { asked: 'join' });
      const { session, room } = here;
      // A second join while the first is being saved would seat this socket twice.
      if (socket.data.joining) return fail('already-seated', { who: 'joining' });
      const joins = budgets.joins.get(`${room.id} ${socket.data.network}`);
      if (!joins.has()) {
        budgets.refused.joinsRefused++;
        return rateLimited(joins.msUntil());
      }
      const playerId = newPlayerId();
      socket.data.joining = true;
      let result;
      try {
        result = await room.dispatch(room.actorFor(session.credential), { type: 'join', ...parsed, playerId }, { network: socket.data.network });
      } finally {
        socket.data.joining = false;
      }
      if (!result.ok) return result;
      joins.take();
      const seated = result.events.find((e) => e.type === 'seat-taken');
      if (!seated || seated.type !== 'seat-taken' || !result.seatToken) {
        return fail('internal', { during: 'join' });
      }
      // Only if the socket still watches the simul it joined: a hello to another simul, or with
      // another credential, meanwhile wins (a hello that only fetched more of this log does not).
      const watching = socket.data.session;
      if (watching?.simulId === session.simulId && watching.credential.kind === 'none') {
        socket.data.session = { simulId: room.id, credential: { kind: 'seat', hash: hashSecret(result.seatToken) } };
        socket.join(seatRoom(room.id, seated.board));
      }
      return { ok: true, board: seated.board, seatToken: result.seatToken, playerId };
    });

    on('simul:command', async (input) => {
      const command = parse(commandSchema, input);
      if (!command) return BAD_PAYLOAD;
      const here = await current();
      if (!here) return fail('unknown-simul', { asked: 'command' });
      const { session, room } = here;
      const result = await room.dispatch(room.actorFor(session.credential), command);
      if (!result.ok) return result;
      if (command.type === 'free-seat' || command.type === 'reissue-seat') {
        revokeSeat(io, room.id, command.board, command.type === 'free-seat' ? 'freed' : 'reissued');
      }
      return result.seatToken ? { ok: true, seatToken: result.seatToken } : { ok: true };
    });
  });
}

type HelloBody = HelloReply extends infer R ? (R extends HelloReply ? Omit<R, 'role' | 'board' | 'serverNow'> : never) : never;

/** What a simul listener is sent: a page of the log, or a snapshot for a client that needs only the state. */
function helloReply(room: SimulRoom, lastSeq: number, want: 'log' | 'state'): { body: HelloBody; bytes: number } {
  const missing = room.pageAfter(lastSeq);
  const reset = lastSeq === 0 || missing === null;
  const behind = room.state.seq - (missing ? lastSeq : 0);
  // A client that needs only the position, new or far behind, gets the state, not the log.
  if (want === 'state' && (reset || behind > SNAPSHOT_AFTER_EVENTS)) {
    const snapshot = room.snapshot();
    if (snapshot) {
      return { body: { kind: 'snapshot', snapshot, boardSeq: null }, bytes: JSON.stringify(snapshot).length };
    }
  }
  if (!reset) return { body: { kind: 'delta', events: missing!.events, more: missing!.more }, bytes: missing!.bytes };
  // A new copy: the state as it stands, so that the client replays no chess, and the log from
  // its start, in pages, for the history. While an event waits for its commit the state is ahead
  // of the log: then no snapshot, and the client folds the pages as they come.
  const snapshot = room.snapshot();
  const page = room.pageAfter(0)!;
  return {
    body: { kind: 'reset', snapshot, events: page.events, more: page.more },
    bytes: page.bytes + (snapshot ? JSON.stringify(snapshot).length : 0),
  };
}

/**
 * What a board listener is sent: its board's events after its `boardSeq` and the summary, or,
 * new or far behind, the state. Null while an event waits for its commit (say hello again).
 */
function boardHelloReply(room: SimulRoom, board: number, boardSeq: number): { body: HelloBody; bytes: number } | null {
  const snapshot = room.snapshot();
  if (!snapshot) return null;
  const missing = boardSeq > 0 ? room.boardEventsAfter(board, boardSeq) : null;
  const body: HelloBody =
    missing && missing.length <= SNAPSHOT_AFTER_EVENTS
      ? { kind: 'board-delta', from: boardSeq + 1, events: missing, summary: summarize(room.state) }
      : { kind: 'snapshot', snapshot, boardSeq: room.boardSeq(board) };
  return { body, bytes: JSON.stringify(body).length };
}

function lastSeqOf(body: HelloBody, lastSeq: number): number {
  const events = 'events' in body ? body.events : [];
  return events.length ? events[events.length - 1].seq : lastSeq;
}

/** Sockets that held a seat's old credential are told; the room already refuses that credential. */
function revokeSeat(io: SimulServer, simulId: string, board: number, reason: 'freed' | 'reissued'): void {
  const seat = seatRoom(simulId, board);
  io.to(seat).emit('simul:revoked', { board, reason });
  io.in(seat).socketsLeave([seat, boardRoom(simulId, board), studentsRoom(simulId)]);
}
