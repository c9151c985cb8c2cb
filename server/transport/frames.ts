// A room's frames as Socket.IO packets, encoded and written here rather than by socket.emit: the
// same bytes on the wire (an EVENT packet of the main namespace, `2["event",payload]`, in an
// engine.io message, in a WebSocket text frame), for less work a frame.
// - A part the room marked as sent unchanged (room-session.ts sentUnchanged: the latest summary,
//   riding on every board's frame; a watchers' pass's events) becomes JSON once, however many
//   frames carry it; a frame for many sockets is encoded, and framed for WebSocket, once for all.
// - Nothing looks for binary parts (no frame of ours has any).
// - A frame goes straight to the connection's WebSocket when engine.io holds nothing back for it
//   (its buffer is empty), in order after whatever engine.io wrote before; otherwise through
//   engine.io, behind what it holds.
// - A command's acknowledgement and the frames the same socket is sent in that turn of the event
//   loop leave in one write (holdWrites): one system call where there were two.
// - A socket whose output is seen waiting in this process after a write is noted (backlogged),
//   for the slow-reader guard (connection-guard.ts) to look at first.
import { createRequire } from 'node:module';
import type { Socket as NetSocket } from 'node:net';
import type { Socket } from 'socket.io';
import { isSentUnchanged } from '../room/room-session';

/** The JSON of each part marked as sent unchanged, made when it is first sent. */
const jsonOf = new WeakMap<object, string>();

function partJson(value: unknown): string | undefined {
  if (!isSentUnchanged(value)) return JSON.stringify(value);
  let json = jsonOf.get(value);
  if (json === undefined) jsonOf.set(value, (json = JSON.stringify(value)));
  return json;
}

/** JSON.stringify(payload), with the parts marked as sent unchanged (the payload or its fields) encoded once. */
export function payloadJson(payload: unknown): string {
  if (isSentUnchanged(payload)) return partJson(payload)!;
  if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
    const record = payload as Record<string, unknown>;
    let shares = false;
    for (const key in record) {
      if (isSentUnchanged(record[key])) {
        shares = true;
        break;
      }
    }
    if (shares) {
      let json = '';
      for (const key of Object.keys(record)) {
        // As JSON.stringify: a field whose value has no JSON (undefined, a function) is left out.
        const value = partJson(record[key]);
        if (value === undefined) continue;
        json += `${json ? ',' : '{'}${JSON.stringify(key)}:${value}`;
      }
      return json ? `${json}}` : '{}';
    }
  }
  return JSON.stringify(payload);
}

/** The Socket.IO packet of an event with one payload, on the main namespace, with no ack. */
export function eventPacket(event: string, payload: unknown): string {
  return `2[${JSON.stringify(event)},${payloadJson(payload)}]`;
}

// ---- writing -------------------------------------------------------------------------------------

/** The parts of ws's WebSocket used here. */
interface WebSocketLike {
  readyState: number;
  _sender: { sendFrame(frame: unknown, cb?: () => void): void };
  _socket?: NetSocket;
}

/** The parts of engine.io's connection (socket.io's `socket.conn`) used here. */
interface EngineConnection {
  readyState: string;
  writeBuffer: unknown[];
  transport: { name: string; socket?: WebSocketLike };
}

/** socket.io's Client, which writes encoded packets to engine.io (typed private there). */
interface PacketWriter {
  writeToEngine(packets: string[], options: { preEncoded: true; wsPreEncodedFrame?: unknown }): void;
}

const OPEN = 1;

/** The connection's WebSocket, when a frame may go straight to it: engine.io holds nothing back. */
function directSocket(conn: EngineConnection): WebSocketLike | null {
  const { transport } = conn;
  if (transport.name !== 'websocket' || conn.writeBuffer.length > 0) return null;
  const ws = transport.socket;
  return ws && ws.readyState === OPEN ? ws : null;
}

/**
 * The WebSocket library engine.io writes with: its frame builder makes the frame of a packet once,
 * for one socket or many, as socket.io's in-memory adapter does for a room.
 */
const wsSender = (createRequire(require.resolve('engine.io')) as NodeJS.Require)('ws').Sender as {
  frame(data: Buffer, options: { readOnly: boolean; mask: boolean; rsv1: boolean; opcode: number; fin: boolean }): Buffer[];
};

/**
 * A packet's WebSocket frame: an engine.io message ("4") in a text frame (opcode 1); a server's
 * frames are not masked. Its header and data in one buffer, so that each socket gets one write.
 */
function frameOf(packet: string): unknown {
  const parts = wsSender.frame(Buffer.from(`4${packet}`), { readOnly: false, mask: false, rsv1: false, opcode: 1, fin: true });
  return [Buffer.concat(parts)];
}

function writeTo(socket: Socket, packet: string, frame: unknown): void {
  const conn = socket.conn as unknown as EngineConnection;
  // As socket.emit: a connection no longer open is written nothing.
  if (conn.readyState !== 'open') return;
  const ws = directSocket(conn);
  if (ws) {
    ws._sender.sendFrame(frame);
    if (waits(ws._socket)) backlogged.add(socket);
  } else {
    (socket.client as unknown as PacketWriter).writeToEngine([packet], { preEncoded: true, wsPreEncodedFrame: frame });
    backlogged.add(socket);
  }
}

/**
 * Sockets whose output was seen waiting in this process when something was written to them (a
 * frame of the room's, a request's answer): the slow-reader guard (connection-guard.ts) looks
 * at these every time, and at every connection less often.
 */
export const backlogged = new Set<Socket>();

/**
 * Whether what was written to a TCP socket waits in this process: the system took less than it
 * (its buffer toward the client is full). Not while its writes are held (holdWrites) on purpose.
 */
function waits(net: NetSocket | undefined): boolean {
  return net !== undefined && net.writableCorked === 0 && net.writableLength > 0;
}

/** After an answer was written to `socket` (through engine.io): notes it when its output waits. */
export function noteBacklog(socket: Socket): void {
  const conn = socket.conn as unknown as EngineConnection;
  if (conn.writeBuffer.length > 0 || waits(conn.transport.socket?._socket)) backlogged.add(socket);
}

/** An event's packet and frame. */
interface Encoded {
  event: string;
  packet: string;
  frame: unknown;
}

/** The packet and frame of each payload marked as sent unchanged (a watchers' pass, slice after slice). */
const encodedOf = new WeakMap<object, Encoded>();

function encode(event: string, payload: unknown): Encoded {
  if (!isSentUnchanged(payload)) {
    const packet = eventPacket(event, payload);
    return { event, packet, frame: frameOf(packet) };
  }
  let encoded = encodedOf.get(payload);
  if (encoded?.event !== event) {
    const packet = eventPacket(event, payload);
    encodedOf.set(payload, (encoded = { event, packet, frame: frameOf(packet) }));
  }
  return encoded;
}

/** What socket.emit(event, payload) writes. */
export function writeEvent(socket: Socket, event: string, payload: unknown): void {
  const { packet, frame } = encode(event, payload);
  writeTo(socket, packet, frame);
}

/** What socket.emit(event, payload) writes, to many sockets: encoded and framed once, written to each. */
export function writeEventToMany(sockets: Iterable<Socket>, event: string, payload: unknown): void {
  const { packet, frame } = encode(event, payload);
  for (const socket of sockets) writeTo(socket, packet, frame);
}

/** Sockets whose writes are held until the turn's frames have been written. */
let held: [Socket, NetSocket][] = [];
let releasing = false;

function release(): void {
  const sockets = held;
  held = [];
  releasing = false;
  for (const [socket, net] of sockets) {
    net.uncork();
    if (waits(net)) backlogged.add(socket);
  }
}

/**
 * Holds what is written to `socket` until the end of this turn of the event loop (after the
 * room's frames, which go out at the turn's end), so that it leaves in one write: call before
 * acknowledging a command, whose events the same socket often hears in that turn.
 */
export function holdWrites(socket: Socket): void {
  const net = (socket.conn as unknown as EngineConnection).transport.socket?._socket;
  if (!net || net.destroyed || net.writableCorked > 0) return;
  net.cork();
  held.push([socket, net]);
  if (!releasing) {
    releasing = true;
    setImmediate(release);
  }
}
