// The boundary: every payload is parsed, every socket's identity checked, every
// command answered with { ok } or { ok: false, error: { code, message } }.
import type { Server, Socket } from 'socket.io';
import type { ZodType } from 'zod';
import {
  commandSchema,
  createSimulSchema,
  helloSchema,
  joinSchema,
  lookupSchema,
} from '../lib/protocol/schemas';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../lib/protocol/events';
import { cleanTitle } from '../lib/simul/display-text';
import type { Actor, Rejection, SimulEvent } from '../lib/simul/types';
import { newPlayerId } from './credentials';
import { BucketsByKey, TokenBucket } from './rate-limit';
import type { SimulHub } from './simul-hub';

interface SocketData {
  simulId: string | null;
  actor: Actor | null;
  bucket: TokenBucket;
  /** Hellos send the whole log: they get a budget of their own, much smaller. */
  helloBucket: TokenBucket;
  joining: boolean;
}

export type SimulServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type SimulSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface HandlerLimits {
  /** Commands a socket may send per second, sustained, and in a burst. */
  commandsPerSecond: number;
  commandBurst: number;
  /** Hellos (each may send the whole log) a socket may send per second, and in a burst. */
  hellosPerSecond: number;
  helloBurst: number;
  /** Simuls one network address may create per hour (a teacher needs a few; a script, no more). */
  simulsPerAddressPerHour: number;
}

export const DEFAULT_LIMITS: HandlerLimits = {
  commandsPerSecond: 20,
  commandBurst: 40,
  hellosPerSecond: 1,
  helloBurst: 5,
  simulsPerAddressPerHour: 60,
};

/** A client this many events behind gets a snapshot, if it asked for the state. */
const SNAPSHOT_AFTER_EVENTS = 200;

export function roomName(simulId: string): string {
  return `simul:${simulId}`;
}

function fail(code: Rejection['code'], message: string): { ok: false; error: Rejection } {
  return { ok: false, error: { code, message } };
}

function parse<T>(schema: ZodType<T>, input: unknown): T | null {
  const result = schema.safeParse(input);
  return result.success ? result.data : null;
}

const BAD_PAYLOAD = fail('bad-payload', 'The request was malformed.');

export function attachHandlers(io: SimulServer, hub: SimulHub, now: () => number, limits = DEFAULT_LIMITS): void {
  const creations = new BucketsByKey(limits.simulsPerAddressPerHour, limits.simulsPerAddressPerHour / 3600);
  io.on('connection', (socket: SimulSocket) => {
    socket.data.simulId = null;
    socket.data.actor = null;
    socket.data.joining = false;
    // A flood is a matter of real seconds, whatever clock the simuls run on.
    socket.data.bucket = new TokenBucket(limits.commandBurst, limits.commandsPerSecond, () => performance.now());
    socket.data.helloBucket = new TokenBucket(limits.helloBurst, limits.hellosPerSecond, () => performance.now());

    /** Wraps a handler: a missing ack, a flood or a thrown error never reaches the server. */
    function on<E extends keyof ClientToServerEvents>(
      event: E,
      handle: (input: unknown) => Ack<object> | Promise<Ack<object>>,
    ): void {
      socket.on(event, ((...args: unknown[]) => {
        // Socket.IO passes the ack last, after however many arguments the client sent: with
        // no payload the ack would otherwise be taken for the payload and never called.
        const ack = typeof args.at(-1) === 'function' ? (args.pop() as (res: Ack<object>) => void) : null;
        const reply = ack ?? (() => {});
        const bucket = event === 'simul:hello' ? socket.data.helloBucket : socket.data.bucket;
        if (!bucket.take()) return reply(fail('rate-limited', 'Too many requests: slow down.'));
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

    on('simul:create', (input) => {
      const parsed = parse(createSimulSchema, input);
      if (!parsed) return BAD_PAYLOAD;
      // Before the hourly budget: a refused title spends none of it.
      const title = cleanTitle(parsed.title);
      if (!title.ok) return fail('title-invalid', title.problem);
      if (!creations.take(socket.handshake.address)) {
        return fail('too-many-simuls', `One network can create ${limits.simulsPerAddressPerHour} simuls an hour.`);
      }
      return { ok: true, ...hub.create({ ...parsed, title: title.text }) };
    });

    on('simul:lookup', (input) => {
      const parsed = parse(lookupSchema, input);
      if (!parsed) return BAD_PAYLOAD;
      const simulId = hub.resolveCode(parsed.code);
      return simulId ? { ok: true, simulId } : fail('unknown-simul', `No simul has the code ${parsed.code}.`);
    });

    on('simul:hello', (input) => {
      const parsed = parse(helloSchema, input);
      if (!parsed) return BAD_PAYLOAD;
      const room = hub.get(parsed.simulId);
      if (!room) return fail('unknown-simul', 'There is no simul at this link.');
      const actor = room.authenticate(parsed.hostKey, parsed.seatToken);
      if (!actor) return fail('bad-credentials', 'This link is no longer valid on this device.');
      if (socket.data.simulId && socket.data.simulId !== room.id) socket.leave(roomName(socket.data.simulId));
      socket.data.simulId = room.id;
      socket.data.actor = actor;
      socket.join(roomName(room.id));
      const missing = room.eventsAfter(parsed.lastSeq);
      const reset = parsed.lastSeq === 0 || missing === null;
      const base = { ok: true as const, role: actor.role, board: actor.role === 'opponent' ? actor.board : null, serverNow: now() };
      // A client that needs only the position, new or far behind, gets the state, not the log.
      const farBehind = reset || (missing as SimulEvent[]).length > SNAPSHOT_AFTER_EVENTS;
      const snapshot = parsed.want === 'state' && farBehind ? room.snapshot() : null;
      if (snapshot) return { ...base, events: [], reset: true, snapshot };
      return { ...base, events: reset ? room.eventsAfter(0)! : (missing as SimulEvent[]), reset };
    });

    on('simul:join', async (input) => {
      const parsed = parse(joinSchema, input);
      if (!parsed) return BAD_PAYLOAD;
      const room = socket.data.simulId ? hub.get(socket.data.simulId) : null;
      if (!room || !socket.data.actor) return fail('unknown-simul', 'Open the simul before joining.');
      const playerId = newPlayerId();
      // A second join while the first is being saved would seat this socket twice.
      if (socket.data.joining) return fail('already-seated', 'Your seat is being saved.');
      socket.data.joining = true;
      let result;
      try {
        result = await room.dispatch(socket.data.actor, { type: 'join', ...parsed, playerId });
      } finally {
        socket.data.joining = false;
      }
      if (!result.ok) return result;
      const seated = result.events.find((e) => e.type === 'seat-taken');
      if (!seated || seated.type !== 'seat-taken' || !result.seatToken) {
        return fail('internal', 'The seat could not be taken.');
      }
      socket.data.actor = { role: 'opponent', board: seated.board };
      return { ok: true, board: seated.board, seatToken: result.seatToken, playerId };
    });

    on('simul:command', async (input) => {
      const command = parse(commandSchema, input);
      if (!command) return BAD_PAYLOAD;
      const room = socket.data.simulId ? hub.get(socket.data.simulId) : null;
      if (!room || !socket.data.actor) return fail('unknown-simul', 'Open the simul first.');
      const result = await room.dispatch(socket.data.actor, command);
      if (!result.ok) return result;
      if (command.type === 'free-seat' || command.type === 'reissue-seat') {
        revokeSeat(io, room.id, command.board, command.type === 'free-seat' ? 'freed' : 'reissued');
      }
      return result.seatToken ? { ok: true, seatToken: result.seatToken } : { ok: true };
    });
  });
}

/** Sockets that held a seat's old credential now only watch. */
function revokeSeat(io: SimulServer, simulId: string, board: number, reason: 'freed' | 'reissued'): void {
  const members = io.sockets.adapter.rooms.get(roomName(simulId)) ?? new Set<string>();
  for (const id of members) {
    const s = io.sockets.sockets.get(id);
    const actor = s?.data.actor;
    if (s && actor?.role === 'opponent' && actor.board === board) {
      s.data.actor = { role: 'spectator' };
      s.emit('simul:revoked', { board, reason });
    }
  }
}
