// The benchmark's baseline: the least a Socket.IO chess relay can do. It speaks the subset of
// the simul protocol the load generator uses (create, hello, join, start, move; acks and the
// events) and, per move, checks the side to move and validates the move with chess.js
// (chess.move, plus isGameOver so a finished game refuses moves and the players learn it
// ended), then relays it. Nothing else: no payload schemas, no rate limits, no hashed
// credentials, no event log, no store, no domain state, no summaries.
//
// Two ways to fan out, one implementation (env RELAY_FAN_OUT):
// - 'simul' (default): every event to every socket of the simul ('simul:events').
// - 'board': the host hears the whole simul ('simul:events'); a seated student that says hello
//   with `listen: 'board'` and its seat token hears only its board ('board:events', numbered
//   per board as our server numbers them). The least the per-board design can cost.
//
// Durable (env RELAY_DB, a file path; with 'board' fan-out, the "durable-board-relay"): the least
// a server that acknowledges a move only once it is on disk can do. Each event is appended to a
// SQLite file (WAL, synchronous=FULL: fsynced at each commit) by a worker thread, with group
// commit (one transaction at a time; what comes while it is written joins the next); a
// command's events go to the listeners and its acknowledgement to the sender once that
// transaction has committed. The same engine and settings as our server's store, and nothing of
// its schema, credentials or checks.
//
// Env: HOST (default 127.0.0.1), PORT (default 3001), RELAY_FAN_OUT, RELAY_DB. Prints "baseline relay ready on ..." once listening.
import { createServer } from 'node:http';
import { Worker } from 'node:worker_threads';
import { randomBytes } from 'node:crypto';
import { Server, type Socket } from 'socket.io';
import { Chess } from 'chess.js';

interface Board {
  chess: Chess;
  hostColor: 'w' | 'b';
  seatToken: string | null;
  over: boolean;
  /** Events this board's listeners have been sent: the next batch is numbered from here + 1. */
  sent: number;
}

interface Room {
  id: string;
  hostKey: string;
  seq: number;
  boards: Board[];
  started: boolean;
}

interface Who {
  room: Room | null;
  role: 'host' | 'opponent' | 'spectator';
  board: number;
}

type Reply = (res: unknown) => void;
type RelayEvent = { type: string; board?: number } & Record<string, unknown>;

const rooms = new Map<string, Room>();
const MAX_PAYLOAD_BYTES = 8 * 1024;
const PER_BOARD = process.env.RELAY_FAN_OUT === 'board';
const DB_FILE = process.env.RELAY_DB;

/** The durable log: rows [simul, seq, JSON] written by a worker, each batch in one fsynced commit. */
class DurableLog {
  private readonly worker: Worker;
  private pending: { rows: [string, number, string][]; done: () => void }[] = [];
  private writing: { done: () => void }[] | null = null;
  private scheduled = false;

  constructor(file: string) {
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const db = new (require(${JSON.stringify(require.resolve('better-sqlite3'))}))(workerData);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec('CREATE TABLE IF NOT EXISTS events (simul_id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (simul_id, seq))');
      const insert = db.prepare('INSERT INTO events (simul_id, seq, body) VALUES (?, ?, ?)');
      const write = db.transaction((rows) => { for (const r of rows) insert.run(r[0], r[1], r[2]); });
      parentPort.on('message', (rows) => { write.immediate(rows); parentPort.postMessage(0); });`;
    this.worker = new Worker(code, { eval: true, workerData: file });
    this.worker.on('message', () => {
      const written = this.writing!;
      this.writing = null;
      for (const w of written) w.done();
      this.schedule();
    });
    this.worker.on('error', (err) => {
      console.error(`durable log: ${err.message}`);
      process.exit(1);
    });
  }

  append(rows: [string, number, string][], done: () => void): void {
    this.pending.push({ rows, done });
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.writing || this.pending.length === 0) return;
    this.scheduled = true;
    // After the I/O callbacks of this turn, as our server's commit queue.
    setImmediate(() => {
      this.scheduled = false;
      if (this.writing || this.pending.length === 0) return;
      const batch = this.pending;
      this.pending = [];
      this.writing = batch;
      this.worker.postMessage(batch.flatMap((b) => b.rows));
    });
  }
}

const durableLog = DB_FILE ? new DurableLog(DB_FILE) : null;

function fail(code: string, message: string) {
  return { ok: false, error: { code, message } };
}

function newId(): string {
  return randomBytes(6).toString('hex');
}

const http = createServer((_req, res) => {
  res.statusCode = 404;
  res.end('not found');
});
const io = new Server(http, { maxHttpBufferSize: MAX_PAYLOAD_BYTES, serveClient: false });

/**
 * Numbers `events` and sends them to the simul's listeners, then answers with `answer`: at once
 * (the answer itself, no promise, so the plain relays pay nothing for the durable one), or once
 * the events are durable.
 */
function broadcast<T>(room: Room, events: RelayEvent[], answer: T): T | Promise<T> {
  const at = Date.now();
  const numbered = events.map((e) => ({ seq: ++room.seq, at, ...e }));
  if (!durableLog) {
    send(room, numbered);
    return answer;
  }
  const log = durableLog;
  return new Promise((resolve) =>
    log.append(
      numbered.map((e) => [room.id, e.seq, JSON.stringify(e)]),
      () => {
        send(room, numbered);
        resolve(answer);
      },
    ),
  );
}

function send(room: Room, numbered: (RelayEvent & { seq: number; at: number })[]): void {
  io.to(`simul:${room.id}`).emit('simul:events', numbered);
  if (!PER_BOARD) return;
  const byBoard = new Map<number, RelayEvent[]>();
  for (const e of numbered) {
    if (e.board === undefined) continue;
    const list = byBoard.get(e.board) ?? [];
    list.push(e);
    byBoard.set(e.board, list);
  }
  for (const [n, list] of byBoard) {
    const board = room.boards[n - 1];
    io.to(`board:${room.id}:${n}`).emit('board:events', { board: n, from: board.sent + 1, events: list });
    board.sent += list.length;
  }
}

io.on('connection', (socket: Socket) => {
  const who: Who = { room: null, role: 'spectator', board: 0 };

  function on(event: string, handle: (input: Record<string, unknown>) => unknown): void {
    socket.on(event, (input: unknown, ack: unknown) => {
      const reply: Reply = typeof ack === 'function' ? (ack as Reply) : () => {};
      if (typeof input !== 'object' || input === null) return reply(fail('bad-payload', 'malformed'));
      try {
        const answer = handle(input as Record<string, unknown>);
        if (answer instanceof Promise) void answer.then(reply);
        else reply(answer);
      } catch (err) {
        reply(fail('internal', (err as Error).message));
      }
    });
  }

  on('simul:create', (input) => {
    const count = Number(input.boards);
    if (!Number.isInteger(count) || count < 1 || count > 100) return fail('bad-payload', 'boards');
    const room: Room = { id: newId(), hostKey: randomBytes(24).toString('base64url'), seq: 1, boards: [], started: false };
    for (let n = 1; n <= count; n++) {
      const hostColor = input.hostColor === 'black' ? 'b' : input.hostColor === 'alternate' && n % 2 === 0 ? 'b' : 'w';
      room.boards.push({ chess: new Chess(), hostColor, seatToken: null, over: false, sent: 0 });
    }
    rooms.set(room.id, room);
    return { ok: true, simulId: room.id, hostKey: room.hostKey, joinCode: '000000' };
  });

  on('simul:hello', (input) => {
    const room = rooms.get(String(input.simulId));
    if (!room) return fail('unknown-simul', 'no such simul');
    if (input.hostKey !== undefined && input.hostKey !== room.hostKey) return fail('bad-credentials', 'bad key');
    const seat = input.seatToken === undefined ? 0 : room.boards.findIndex((b) => b.seatToken === input.seatToken) + 1;
    if (input.seatToken !== undefined && !seat) return fail('bad-credentials', 'bad token');
    who.room = room;
    who.role = input.hostKey !== undefined ? 'host' : seat ? 'opponent' : 'spectator';
    who.board = seat;
    for (const r of socket.rooms) if (r !== socket.id) socket.leave(r);
    if (PER_BOARD && seat && input.listen === 'board') {
      socket.join(`board:${room.id}:${seat}`);
      return { ok: true, kind: 'board-delta', from: 1, events: [], role: who.role, board: seat, serverNow: Date.now() };
    }
    socket.join(`simul:${room.id}`);
    return { ok: true, kind: 'reset', events: [], more: false, role: who.role, board: seat || null, serverNow: Date.now() };
  });

  on('simul:join', () => {
    const room = who.room;
    if (!room || who.role !== 'spectator') return fail('unknown-simul', 'open the simul first');
    if (room.started) return fail('already-started', 'started');
    const i = room.boards.findIndex((b) => b.seatToken === null);
    if (i < 0) return fail('simul-full', 'full');
    const seatToken = randomBytes(24).toString('base64url');
    room.boards[i].seatToken = seatToken;
    who.role = 'opponent';
    who.board = i + 1;
    return broadcast(room, [{ type: 'seat-taken', board: i + 1 }], { ok: true, board: i + 1, seatToken, playerId: newId() });
  });

  on('simul:command', (input) => {
    const room = who.room;
    if (!room) return fail('unknown-simul', 'open the simul first');
    if (input.type === 'start') {
      if (who.role !== 'host') return fail('not-host', 'host only');
      if (room.started) return fail('already-started', 'started');
      room.started = true;
      const seated = room.boards.flatMap((b, i) => (b.seatToken ? [i + 1] : []));
      for (const b of room.boards) if (!b.seatToken) b.over = true;
      const started = [{ type: 'simul-started', boards: seated }, ...seated.map((board) => ({ type: 'game-started', board }))];
      return broadcast(room, started, { ok: true });
    }
    if (input.type !== 'move') return fail('bad-payload', 'unsupported command');
    const n = Number(input.board);
    const board = room.started ? room.boards[n - 1] : undefined;
    if (!board || board.over) return fail('game-over', 'no live game on that board');
    const side = who.role === 'host' ? 'host' : who.role === 'opponent' && who.board === n ? 'opponent' : null;
    if (!side) return fail('not-your-board', 'not your board');
    if ((board.chess.turn() === board.hostColor) !== (side === 'host')) return fail('not-your-turn', 'wait');
    let move: { san: string; from: string; to: string; promotion?: string };
    try {
      move = board.chess.move({ from: String(input.from), to: String(input.to), promotion: (input.promotion as string | undefined) ?? 'q' });
    } catch {
      return fail('illegal-move', 'illegal');
    }
    const moved: RelayEvent = { type: 'move-made', board: n, by: side, san: move.san, from: move.from, to: move.to };
    if (move.promotion) moved.promotion = move.promotion;
    moved.clientMoveId = input.clientMoveId;
    const events: RelayEvent[] = [moved];
    if (board.chess.isGameOver()) {
      board.over = true;
      events.push({ type: 'game-ended', board: n, result: '1/2-1/2', reason: 'checkmate' });
    }
    return broadcast(room, events, { ok: true });
  });
});

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3001);
http.listen(port, host, () => console.log(`baseline relay ready on http://${host}:${port}`));

const stop = () => {
  setTimeout(() => process.exit(0), 2000).unref();
  io.close(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
