// The boundary: every payload is parsed, every frame counted against the connection's and its
// network's budgets, every command answered with { ok } or { ok: false, error: { code, message } }.
// A socket keeps only which simul it opened and the credential it presented there (one object,
// replaced whole); who that makes it is asked of the room on every command.
import type { Server, Socket } from 'socket.io';
import type { ZodType } from 'zod';
import { commandSchema, createSimulSchema, helloSchema, joinSchema, type HelloInput } from '../lib/protocol/schemas';
import type { Ack, ClientToServerEvents, HelloReply, ServerToClientEvents } from '../lib/protocol/events';
import { cleanTitle } from '../lib/simul/display-text';
import type { Rejection } from '../lib/simul/types';
import type { AddressBudgets } from './address-budgets';
import { hashSecret, newPlayerId } from './credentials';
import { TokenBucket } from './rate-limit';
import { TurnQueue } from './turn-queue';
import type { SimulHub } from './simul-hub';
import type { Credential, SimulRoom } from './simul-room';

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
const SNAPSHOT_AFTER_EVENTS = 200;

export function roomName(simulId: string): string {
  return `simul:${simulId}`;
}

/** The Socket.IO room of the sockets that hold board `board`'s seat. */
export function seatRoomName(simulId: string, board: number): string {
  return `seat:${simulId}:${board}`;
}

/** Whether any socket is in a simul's Socket.IO room or in one of its boards' seat rooms. */
export function hasListeners(io: SimulServer, simulId: string, boards: Iterable<number>): boolean {
  const rooms = io.sockets.adapter.rooms;
  if (rooms.has(roomName(simulId))) return true;
  for (const board of boards) if (rooms.has(seatRoomName(simulId, board))) return true;
  return false;
}

function fail(code: Rejection['code'], message: string): { ok: false; error: Rejection } {
  return { ok: false, error: { code, message } };
}

function rateLimited(retryAfterMs: number): { ok: false; error: Rejection } {
  return {
    ok: false,
    error: { code: 'rate-limited', message: 'Too many requests: slow down.', retryAfterMs: Math.max(1, retryAfterMs) },
  };
}

function parse<T>(schema: ZodType<T>, input: unknown): T | null {
  const result = schema.safeParse(input);
  return result.success ? result.data : null;
}

const BAD_PAYLOAD = fail('bad-payload', 'The request was malformed.');

/** Closes a connection at once, without waiting for a client that may not be reading. */
export function cutOff(socket: SimulSocket): void {
  const transport = socket.conn.transport as unknown as { socket?: { terminate?: () => void } };
  socket.disconnect(true);
  transport.socket?.terminate?.();
}

export function attachHandlers(io: SimulServer, hub: SimulHub, now: () => number, budgets: AddressBudgets): void {
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
          reply(fail('internal', 'Something went wrong on the server.'));
        };
        try {
          Promise.resolve(handle(args[0])).then(reply, failed);
        } catch (err) {
          failed(err);
        }
      }) as never);
    }

    /** The room of the socket's session and who the session is there now. */
    function current(): { session: Session; room: SimulRoom } | null {
      const session = socket.data.session;
      const room = session ? hub.get(session.simulId) : null;
      return session && room ? { session, room } : null;
    }

    on('simul:create', (input) => {
      const parsed = parse(createSimulSchema, input);
      if (!parsed) return BAD_PAYLOAD;
      // Before the hourly budget: a refused title spends none of it.
      const title = cleanTitle(parsed.title);
      if (!title.ok) return fail('title-invalid', title.problem);
      if (!budgets.creations.take(socket.data.network)) {
        return fail('too-many-simuls', `One network can create ${limits.simulsPerAddressPerHour} simuls an hour.`);
      }
      return { ok: true, ...hub.create({ ...parsed, title: title.text }) };
    });

    on('simul:hello', (input) => {
      const parsed = parse(helloSchema, input);
      if (!parsed) return BAD_PAYLOAD;
      return heavyReplies.run(() => hello(parsed));
    });

    /** A hello, run as a job of its own turn: it may send a page of the log. */
    function hello(parsed: HelloInput): Ack<HelloReply> {
      const network = socket.data.network;
      // The next page of a log this socket is being served is part of the same hello.
      const paged = socket.data.paged;
      const nextPage = paged?.simulId === parsed.simulId && paged.seq === parsed.lastSeq && parsed.lastSeq > 0;
      if (!nextPage && !socket.data.hellos.has()) {
        budgets.refused.hellosRefused++;
        return rateLimited(socket.data.hellos.msUntil());
      }
      if (!budgets.mayLookUp(network)) return rateLimited(budgets.missedLookups.get(network).msUntil());
      const room = hub.get(parsed.simulId);
      if (!room) {
        budgets.missed(network);
        return fail('unknown-simul', 'There is no simul at this link.');
      }
      const credential = room.credentialFor(parsed.hostKey, parsed.seatToken);
      if (!credential) return fail('bad-credentials', 'This link is no longer valid on this device.');
      const actor = room.actorFor(credential);

      const reply = helloReply(room, parsed.lastSeq, parsed.want ?? 'log');
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
      const previous = socket.data.session;
      if (previous) {
        socket.leave(roomName(previous.simulId));
        for (const r of socket.rooms) if (r.startsWith('seat:')) socket.leave(r);
      }
      socket.data.session = { simulId: room.id, credential };
      socket.data.paged = reply.body.more ? { simulId: room.id, seq: lastSeqOf(reply.body, parsed.lastSeq) } : null;
      socket.join(roomName(room.id));
      if (actor.role === 'opponent') socket.join(seatRoomName(room.id, actor.board));
      const body: HelloReply = {
        ...reply.body,
        role: actor.role,
        board: actor.role === 'opponent' ? actor.board : null,
        serverNow: now(),
      };
      return { ok: true, ...body };
    }

    on('simul:join', async (input) => {
      const parsed = parse(joinSchema, input);
      if (!parsed) return BAD_PAYLOAD;
      const here = current();
      if (!here) return fail('unknown-simul', 'Open the simul before joining.');
      const { session, room } = here;
      // A second join while the first is being saved would seat this socket twice.
      if (socket.data.joining) return fail('already-seated', 'Your seat is being saved.');
      const joins = budgets.joins.get(`${room.id} ${socket.data.network}`);
      if (!joins.has()) {
        budgets.refused.joinsRefused++;
        return rateLimited(joins.msUntil());
      }
      const playerId = newPlayerId();
      socket.data.joining = true;
      let result;
      try {
        result = await room.dispatch(room.actorFor(session.credential), { type: 'join', ...parsed, playerId }, socket.data.network);
      } finally {
        socket.data.joining = false;
      }
      if (!result.ok) return result;
      joins.take();
      const seated = result.events.find((e) => e.type === 'seat-taken');
      if (!seated || seated.type !== 'seat-taken' || !result.seatToken) {
        return fail('internal', 'The seat could not be taken.');
      }
      // Only if the socket is still where it joined: a hello to another simul meanwhile wins.
      if (socket.data.session === session) {
        socket.data.session = { simulId: room.id, credential: { kind: 'seat', hash: hashSecret(result.seatToken) } };
        socket.join(seatRoomName(room.id, seated.board));
      }
      return { ok: true, board: seated.board, seatToken: result.seatToken, playerId };
    });

    on('simul:command', async (input) => {
      const command = parse(commandSchema, input);
      if (!command) return BAD_PAYLOAD;
      const here = current();
      if (!here) return fail('unknown-simul', 'Open the simul first.');
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

type HelloBody = Omit<HelloReply, 'role' | 'board' | 'serverNow'>;

/** What a hello is sent: a page of the log, or a snapshot for a client that needs only the state. */
function helloReply(room: SimulRoom, lastSeq: number, want: 'log' | 'state'): { body: HelloBody; bytes: number } {
  const missing = room.pageAfter(lastSeq);
  const reset = lastSeq === 0 || missing === null;
  const behind = room.state.seq - (missing ? lastSeq : 0);
  // A client that needs only the position, new or far behind, gets the state, not the log.
  if (want === 'state' && (reset || behind > SNAPSHOT_AFTER_EVENTS)) {
    const snapshot = room.snapshot();
    if (snapshot) return { body: { events: [], reset: true, more: false, snapshot }, bytes: JSON.stringify(snapshot).length };
  }
  const page = reset ? room.pageAfter(0)! : missing!;
  return { body: { events: page.events, reset, more: page.more }, bytes: page.bytes };
}

function lastSeqOf(body: HelloBody, lastSeq: number): number {
  return body.events.length ? body.events[body.events.length - 1].seq : lastSeq;
}

/** Sockets that held a seat's old credential are told; the room already refuses that credential. */
function revokeSeat(io: SimulServer, simulId: string, board: number, reason: 'freed' | 'reissued'): void {
  const seat = seatRoomName(simulId, board);
  io.to(seat).emit('simul:revoked', { board, reason });
  io.in(seat).socketsLeave(seat);
}
