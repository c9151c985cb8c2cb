// A load-generator process for bench/run.ts (forked with an IPC channel; not run by hand).
// It drives a server with socket.io-client exactly as browsers do: one socket per host and one
// per opponent, websocket transport, every command acknowledged. Each simul's host creates it
// and listens to the whole simul (protocol v2, as the host console does); opponents open it
// (simul:hello), join, and say hello again with their seat token and `listen: 'board'`, as a
// seated phone does (lib/client/simul-sync.ts): from then on they hear their board's
// events ('board:events') and the coalesced 'simul:summary'. The host starts the simul, then
// every board plays random legal moves: the side to move waits a think time (exponential, with
// a small floor) counted from when its own socket received the other side's move, then sends a
// move. A server that ignores `listen` (the relay in its 'simul' mode) sends opponents every
// event of the simul ('simul:events'), and they play on as well.
//
// Round trip of an opponent's move: t0 = emit; t1 = the host's socket receives the move-made
// event carrying the move's clientMoveId ('simul:events'); t2 = the mover's acknowledgement.
// Host and opponents live in this process, so one clock (performance.now) serves.
//
// What a student socket receives, counted in the measured window: its messages other than
// summaries, the moves on its own board among them, and its summaries.
//
// To keep the generator cheap, the host's and the opponent's sockets of one board share one
// chess position (the browsers would each hold one): each event is applied once, by the first
// socket that sees it, and moves are picked and applied through chess.js's internal move
// generator rather than its verbose API (which builds FEN strings for every candidate move).
//
// Spectators ('spectate'): sockets that say hello to a whole simul, as a projector or a watch
// page does, each from its own network (an X-Forwarded-For address of its own, believed by a
// server started with SIMUL_TRUST_PROXY=127.0.0.1). They count the frames they hear without
// decoding them, and speak the wire protocol (Engine.IO 4, Socket.IO 5) over `ws` themselves:
// thousands of them then cost the machine's two cores little, so the server keeps its share.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { Chess } from 'chess.js';

// ---- messages -------------------------------------------------------------------------------

export type GenRequest =
  | { cmd: 'init'; reqId: number; url: string; genId: string }
  | { cmd: 'add'; reqId: number; simuls: number; boardsPerSimul: number }
  | { cmd: 'seat'; reqId: number }
  | { cmd: 'start'; reqId: number }
  | { cmd: 'rate'; reqId: number; movesPerSecond: number }
  | { cmd: 'window-start'; reqId: number }
  | { cmd: 'window-end'; reqId: number }
  | { cmd: 'simul-ids'; reqId: number }
  /** `count` spectators of `simulId`, the first from network number `firstNetwork` (10.x.y.z), the next from the next. */
  | { cmd: 'spectate'; reqId: number; simulId: string; count: number; firstNetwork: number }
  | { cmd: 'stop'; reqId: number };

export interface GenCounters {
  /** Rejected commands by error code (ok:false acks). */
  errors: Record<string, number>;
  ackTimeouts: number;
  disconnects: number;
  connectErrors: number;
  /** Opponent moves acknowledged ok whose event never reached the host within 5 s. */
  lostEvents: number;
  /** The generator's copy of a position disagreed with an event from the server. */
  desyncs: number;
}

export interface GenWindowStats {
  /** Opponent moves emitted in the window: emit -> host socket receives the event (ms). */
  eventRtt: number[];
  /** Opponent moves emitted in the window: emit -> acknowledgement (ms). */
  ackRtt: number[];
  /** Host moves emitted in the window: emit -> acknowledgement (ms). */
  hostAckRtt: number[];
  /** Moves (both sides) acknowledged ok during the window. */
  movesOk: number;
  windowMs: number;
  /** This process's CPU time (user + system) during the window, µs. */
  cpuUs: number;
  elu: number;
  /** This process's event-loop delay during the window (ms): high values mean the generator, not the server, delayed the timestamps. */
  loopDelayP99: number;
  loopDelayMax: number;
  /** Per second of the window: moves acknowledged and the worst event round trip (ms) of moves emitted in it. */
  timeline: Array<{ moves: number; maxEventRtt: number }>;
  /** Per student socket, what it received during the window. */
  students: StudentCounts[];
  /** Per spectator socket, the frames it received during the window. */
  spectatorFrames: number[];
  /** Per spectator socket, the longest time (ms) it heard nothing in the window (from the window's start to its end). */
  spectatorLongestGapMs: number[];
  sockets: number;
  boards: number;
  liveBoards: number;
  gamesEnded: number;
  counters: GenCounters;
  /** Counters over the window only. */
  windowCounters: GenCounters;
}

interface StudentCounts {
  /** Messages other than summaries ('board:events', or 'simul:events' from a server that sends it). */
  messages: number;
  /** Moves on the socket's own board among the events those messages carried. */
  ownMoves: number;
  /** Summaries heard: 'simul:summary' messages, and those riding on a 'board:events' message. */
  summaries: number;
}

export type GenReply = { reqId: number; ok: true; data?: unknown } | { reqId: number; ok: false; error: string };

// ---- chess (internal API, typed here) ---------------------------------------------------------

interface InternalMove {
  from: number;
  to: number;
  promotion?: string;
}

interface ChessInternals {
  _moves(opts: { legal: boolean; square?: string }): InternalMove[];
  _makeMove(move: InternalMove): void;
  turn(): 'w' | 'b';
}

const FILES = 'abcdefgh';
function algebraic(i: number): string {
  return FILES[i & 15] + String(8 - (i >> 4));
}

// ---- state ------------------------------------------------------------------------------------

type Side = 'host' | 'opponent';

interface Board {
  n: number;
  sim: Sim;
  chess: ChessInternals;
  hostColor: 'w' | 'b';
  opp: Socket | null;
  live: boolean;
  timer: NodeJS.Timeout | null;
  /** The last event applied to the shared position: the host's and the opponent's sockets both see each one. */
  appliedSeq: number;
}

interface Sim {
  index: number;
  boardCount: number;
  id: string;
  hostKey: string;
  host: Socket;
  opponents: Socket[];
  boards: Map<number, Board>;
  seated: boolean;
  started: boolean;
}

interface Pending {
  t0: number;
  inWindow: boolean;
  acked: boolean;
}

const ACK_TIMEOUT_MS = 10_000;
const CONNECT_CONCURRENCY = 64;

let url = '';
let genId = 'g';
let stopping = false;
let moveCounter = 0;
let simCounter = 0;
const sims: Sim[] = [];
const sockets: Socket[] = [];
let liveBoards = 0;
let gamesEnded = 0;
let targetRate = 1; // moves per second over this generator's live boards
const pending = new Map<string, Pending>();
/** A student socket's board and its counts in the current window. */
type Student = StudentCounts & { board: number };
const students: Student[] = [];

function zeroCounters(): GenCounters {
  return { errors: {}, ackTimeouts: 0, disconnects: 0, connectErrors: 0, lostEvents: 0, desyncs: 0 };
}
let counters = zeroCounters();
let windowCounters = zeroCounters();
function count(f: (c: GenCounters) => void): void {
  f(counters);
  f(windowCounters);
}
function countError(code: string): void {
  count((c) => {
    c.errors[code] = (c.errors[code] ?? 0) + 1;
  });
}

let win: {
  open: boolean;
  start: number;
  cpu: NodeJS.CpuUsage;
  elu: ReturnType<typeof performance.eventLoopUtilization>;
  eventRtt: number[];
  ackRtt: number[];
  hostAckRtt: number[];
  movesOk: number;
  timeline: Array<{ moves: number; maxEventRtt: number }>;
} | null = null;
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

function second(t: number): { moves: number; maxEventRtt: number } | null {
  if (!win) return null;
  const i = Math.floor((t - win.start) / 1000);
  if (i < 0 || i > 3600) return null;
  while (win.timeline.length <= i) win.timeline.push({ moves: 0, maxEventRtt: 0 });
  return win.timeline[i];
}

// ---- helpers ----------------------------------------------------------------------------------

function newSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20_000 });
    sockets.push(s);
    const onError = (err: Error) => {
      count((c) => c.connectErrors++);
      reject(err);
    };
    s.once('connect_error', onError);
    s.once('connect', () => {
      s.off('connect_error', onError);
      s.on('disconnect', (reason) => {
        if (!stopping) {
          count((c) => c.disconnects++);
          process.stderr.write(`[${genId}] socket disconnected: ${reason}\n`);
        }
      });
      resolve(s);
    });
  });
}

type AckRes = { ok: boolean; error?: { code: string; params?: unknown } } & Record<string, unknown>;

/** The acknowledgement, ok or not; no acknowledgement is counted and thrown. */
function ask(s: Socket, event: string, payload: unknown): Promise<AckRes> {
  return new Promise((resolve, reject) => {
    s.timeout(ACK_TIMEOUT_MS).emit(event, payload, (err: Error | null, res: AckRes) => {
      if (err) {
        count((c) => c.ackTimeouts++);
        return reject(new Error(`${event}: no acknowledgement`));
      }
      resolve(res);
    });
  });
}

/** A request that must succeed: a refusal is counted and thrown. */
async function request(s: Socket, event: string, payload: unknown, retryOnTryAgain = false): Promise<AckRes> {
  for (;;) {
    const res = await ask(s, event, payload);
    if (res.ok) return res;
    // The server asks to be asked again while a commit is on its way, as the phone does (after 50 ms).
    if (retryOnTryAgain && res.error?.code === 'try-again') {
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    countError(res.error?.code ?? 'unknown');
    throw new Error(`${event}: ${res.error?.code} ${JSON.stringify(res.error?.params ?? {})}`);
  }
}

async function inBatches<T>(items: T[], limit: number, f: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await f(item);
    }
  });
  await Promise.all(workers);
}

/** Think time in ms: a floor plus an exponential, so the board's mean interval holds the rate. */
function thinkMs(): number {
  // Each live board moves once per `liveBoards / targetRate` seconds on average.
  const mean = Math.max(1, (Math.max(1, liveBoards) / targetRate) * 1000);
  const floor = Math.min(50, mean * 0.25);
  const u = Math.random();
  return floor + Math.min(-Math.log(1 - u), 8) * (mean - floor);
}

function sideToMove(b: Board): Side {
  return b.chess.turn() === b.hostColor ? 'host' : 'opponent';
}

// ---- events -----------------------------------------------------------------------------------

interface WireEvent {
  seq: number;
  type: string;
  board?: number;
  by?: Side;
  from?: string;
  to?: string;
  promotion?: string;
  clientMoveId?: string;
}

/**
 * Folds a board's event into the board's shared position, once, whichever socket sees it first:
 * each socket receives a board's events in order, and both the host's and the opponent's
 * receive all of them.
 */
function apply(sim: Sim, e: WireEvent): void {
  const b = e.board !== undefined ? sim.boards.get(e.board) : undefined;
  if (!b || e.seq <= b.appliedSeq) return;
  b.appliedSeq = e.seq;
  switch (e.type) {
    case 'game-started':
      if (!b.live) {
        b.live = true;
        liveBoards++;
      }
      break;
    case 'move-made': {
      if (!e.from || !e.to) return;
      const m = b.chess
        ._moves({ legal: true, square: e.from })
        .find((c) => algebraic(c.to) === e.to && (!c.promotion || c.promotion === (e.promotion ?? 'q')));
      if (!m) {
        count((c) => c.desyncs++);
        stopBoard(b);
        return;
      }
      b.chess._makeMove(m);
      break;
    }
    case 'game-ended':
    case 'game-aborted':
      if (b.live) gamesEnded++;
      stopBoard(b);
      break;
  }
}

function stopBoard(b: Board): void {
  if (b.live) liveBoards--;
  b.live = false;
  if (b.timer) clearTimeout(b.timer);
  b.timer = null;
}

/** A student socket's message (other than a summary), counted in the window. */
function countMessage(student: Student, events: WireEvent[]): void {
  if (!win?.open) return;
  student.messages++;
  for (const e of events) if (e.type === 'move-made' && e.board === student.board) student.ownMoves++;
}

function onEvents(sim: Sim, role: Side, myBoard: number, events: WireEvent[]): void {
  const now = performance.now();
  for (const e of events) apply(sim, e);
  for (const e of events) {
    if (e.board === undefined) continue;
    if (role === 'opponent' && e.board !== myBoard) continue;
    const b = sim.boards.get(e.board);
    if (!b) continue;
    if (role === 'host' && e.type === 'move-made' && e.by === 'opponent' && e.clientMoveId) {
      const p = pending.get(e.clientMoveId);
      if (p) {
        pending.delete(e.clientMoveId);
        if (p.inWindow && win?.open) {
          win.eventRtt.push(now - p.t0);
          const sec = second(p.t0);
          if (sec) sec.maxEventRtt = Math.max(sec.maxEventRtt, now - p.t0);
        }
      }
    }
    const triggers =
      e.type === 'game-started' || (e.type === 'move-made' && e.by !== role);
    if (triggers && b.live && sideToMove(b) === role) schedule(b, role);
  }
}

function schedule(b: Board, side: Side): void {
  if (b.timer || stopping) return;
  b.timer = setTimeout(() => {
    b.timer = null;
    sendMove(b, side);
  }, thinkMs());
}

function sendMove(b: Board, side: Side): void {
  if (!b.live || stopping || sideToMove(b) !== side) return;
  const moves = b.chess._moves({ legal: true });
  if (moves.length === 0) return; // the server's game-ended event is on its way
  const m = moves[Math.floor(Math.random() * moves.length)];
  const clientMoveId = `${genId}${(moveCounter++).toString(36)}`;
  const payload: Record<string, unknown> = {
    type: 'move',
    board: b.n,
    from: algebraic(m.from),
    to: algebraic(m.to),
    clientMoveId,
  };
  if (m.promotion) payload.promotion = m.promotion;
  const socket = side === 'host' ? b.sim.host : b.opp!;
  const t0 = performance.now();
  const inWindow = Boolean(win?.open);
  const p: Pending = { t0, inWindow, acked: false };
  if (side === 'opponent') pending.set(clientMoveId, p);
  socket.timeout(ACK_TIMEOUT_MS).emit('simul:command', payload, (err: Error | null, res: AckRes) => {
    const t2 = performance.now();
    p.acked = true;
    if (err) {
      count((c) => c.ackTimeouts++);
      pending.delete(clientMoveId);
      return;
    }
    if (!res.ok) {
      countError(res.error?.code ?? 'unknown');
      pending.delete(clientMoveId);
      process.stderr.write(`[${genId}] move rejected: ${res.error?.code} ${JSON.stringify(res.error?.params ?? {})}\n`);
      return;
    }
    if (win?.open) {
      win.movesOk++;
      const sec = second(t2);
      if (sec) sec.moves++;
      if (inWindow) (side === 'host' ? win.hostAckRtt : win.ackRtt).push(t2 - t0);
    }
  });
}

/** Opponent moves acknowledged long ago whose event never came. */
function sweepPending(): void {
  const now = performance.now();
  for (const [id, p] of pending) {
    if (p.acked && now - p.t0 > 5000) {
      pending.delete(id);
      count((c) => c.lostEvents++);
    }
  }
}

// ---- phases -----------------------------------------------------------------------------------

async function add(simuls: number, boardsPerSimul: number): Promise<{ sockets: number }> {
  const fresh: Sim[] = [];
  const jobs: Array<() => Promise<void>> = [];
  for (let i = 0; i < simuls; i++) {
    const sim: Sim = {
      index: simCounter++,
      boardCount: boardsPerSimul,
      id: '',
      hostKey: '',
      host: null as unknown as Socket,
      opponents: [],
      boards: new Map(),
      seated: false,
      started: false,
    };
    fresh.push(sim);
    jobs.push(async () => {
      sim.host = await newSocket();
    });
    for (let k = 0; k < boardsPerSimul; k++) {
      jobs.push(async () => {
        sim.opponents.push(await newSocket());
      });
    }
  }
  await inBatches(jobs, CONNECT_CONCURRENCY, (job) => job());
  sims.push(...fresh);
  return { sockets: jobs.length };
}

async function seatOne(sim: Sim): Promise<void> {
  const created = await request(sim.host, 'simul:create', {
    title: `bench ${genId} ${sim.index}`,
    boards: sim.boardCount,
    hostColor: 'alternate',
    mode: 'async',
  });
  sim.id = String(created.simulId);
  sim.hostKey = String(created.hostKey);
  for (let n = 1; n <= sim.boardCount; n++) {
    sim.boards.set(n, {
      n,
      sim,
      chess: new Chess() as unknown as ChessInternals,
      hostColor: n % 2 === 1 ? 'w' : 'b',
      opp: null,
      live: false,
      timer: null,
      appliedSeq: 0,
    });
  }
  sim.host.on('simul:events', (events: WireEvent[]) => onEvents(sim, 'host', 0, events));
  const hello = await request(sim.host, 'simul:hello', { v: 2, simulId: sim.id, lastSeq: 0, hostKey: sim.hostKey });
  for (const e of hello.events as WireEvent[]) apply(sim, e);
  await Promise.all(
    sim.opponents.map(async (s, k) => {
      const student: Student = { board: 0, messages: 0, ownMoves: 0, summaries: 0 };
      students.push(student);
      s.on('simul:events', (events: WireEvent[]) => {
        countMessage(student, events);
        onEvents(sim, 'opponent', student.board, events);
      });
      s.on('board:events', (batch: { events: WireEvent[]; summary?: unknown }) => {
        countMessage(student, batch.events);
        if (batch.summary && win?.open) student.summaries++;
        onEvents(sim, 'opponent', student.board, batch.events);
      });
      s.on('simul:summary', () => {
        if (win?.open) student.summaries++;
      });
      const h = await request(s, 'simul:hello', { v: 2, simulId: sim.id, lastSeq: 0 });
      for (const e of h.events as WireEvent[]) apply(sim, e);
      const joined = await request(s, 'simul:join', { name: `p${k}` });
      student.board = Number(joined.board);
      sim.boards.get(student.board)!.opp = s;
      // Seated: from now on the phone hears its board and the summaries.
      const boardHello = { v: 2, simulId: sim.id, lastSeq: 0, seatToken: String(joined.seatToken), listen: 'board', boardSeq: 0 };
      await request(s, 'simul:hello', boardHello, true);
    }),
  );
  sim.seated = true;
}

async function seat(): Promise<void> {
  const todo = sims.filter((s) => !s.seated);
  await inBatches(todo, 8, seatOne);
}

async function start(): Promise<void> {
  const todo = sims.filter((s) => s.seated && !s.started);
  await inBatches(todo, 8, async (sim) => {
    await request(sim.host, 'simul:command', { type: 'start' });
    sim.started = true;
  });
}

// ---- spectators ---------------------------------------------------------------------------------

interface Spectator {
  ws: WebSocket;
  /** Frames heard in the current window (events; pings and acks are not counted). */
  frames: number;
  listening: boolean;
  /** When it last heard a frame in the window (performance.now()), and the longest silence so far. */
  lastAt: number;
  longestGap: number;
}

const spectators: Spectator[] = [];

/** The spectator's own network: 10.0.0.0/8, one address each. */
function networkAddress(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/**
 * One spectator: connects as a browser's socket.io-client would (websocket transport), says hello
 * to the whole simul and, once answered, counts the event frames it hears. Resolves when the
 * hello is answered ok; a 'try-again' or a rate limit is asked again after the wait it names.
 */
function spectateOne(simulId: string, network: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      headers: { 'x-forwarded-for': networkAddress(network) },
    });
    const sp: Spectator = { ws, frames: 0, listening: false, lastAt: 0, longestGap: 0 };
    spectators.push(sp);
    let ackId = 0;
    const hello = () => ws.send(`42${ackId++}${JSON.stringify(['simul:hello', { v: 2, simulId, lastSeq: 0, want: 'state', listen: 'simul' }])}`);
    const fail = (why: string) => {
      countError(`spectator: ${why}`);
      ws.terminate();
      reject(new Error(`spectator ${networkAddress(network)}: ${why}`));
    };
    const timer = setTimeout(() => fail('no answer to hello'), ACK_TIMEOUT_MS * 3);
    ws.on('message', (data: Buffer) => {
      // Engine.IO: '0' open, '2' ping, '4' a Socket.IO packet ('0' connected, '2' event, '3' ack, '4' refused).
      const engine = data[0];
      if (engine === 0x32) return ws.send('3');
      if (engine === 0x30) return ws.send('40');
      if (engine !== 0x34) return;
      const packet = data[1];
      if (packet === 0x32) {
        if (sp.listening && win?.open) {
          const now = performance.now();
          sp.frames++;
          sp.longestGap = Math.max(sp.longestGap, now - sp.lastAt);
          sp.lastAt = now;
        }
      } else if (packet === 0x30) {
        hello();
      } else if (packet === 0x33) {
        const text = data.toString();
        const [res] = JSON.parse(text.slice(text.indexOf('['))) as [AckRes];
        if (res.ok) {
          clearTimeout(timer);
          sp.listening = true;
          return resolve();
        }
        const code = res.error?.code ?? 'unknown';
        if (code === 'try-again' || code === 'rate-limited') {
          const wait = Number((res.error?.params as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 50);
          setTimeout(hello, Math.max(50, wait));
        } else {
          clearTimeout(timer);
          fail(`hello refused: ${code}`);
        }
      } else if (packet === 0x34) {
        clearTimeout(timer);
        fail(`connection refused: ${data.toString().slice(2, 200)}`);
      }
    });
    ws.on('error', (err) => {
      clearTimeout(timer);
      count((c) => c.connectErrors++);
      reject(err);
    });
    ws.on('close', () => {
      clearTimeout(timer);
      if (!stopping && sp.listening) {
        count((c) => c.disconnects++);
        process.stderr.write(`[${genId}] spectator ${networkAddress(network)} disconnected\n`);
      }
    });
  });
}

async function spectate(simulId: string, howMany: number, firstNetwork: number): Promise<{ spectators: number }> {
  const networks = Array.from({ length: howMany }, (_, i) => firstNetwork + i);
  await inBatches(networks, CONNECT_CONCURRENCY, (n) => spectateOne(simulId, n));
  return { spectators: spectators.length };
}

function windowStart(): void {
  windowCounters = zeroCounters();
  for (const st of students) {
    st.messages = 0;
    st.ownMoves = 0;
    st.summaries = 0;
  }
  const start = performance.now();
  for (const sp of spectators) {
    sp.frames = 0;
    sp.lastAt = start;
    sp.longestGap = 0;
  }
  win = {
    open: true,
    start,
    cpu: process.cpuUsage(),
    elu: performance.eventLoopUtilization(),
    eventRtt: [],
    ackRtt: [],
    hostAckRtt: [],
    movesOk: 0,
    timeline: [],
  };
  loopDelay.reset();
}

function windowEnd(): GenWindowStats {
  if (!win) throw new Error("no window open");
  sweepPending();
  win.open = false;
  const cpu = process.cpuUsage(win.cpu);
  const elu = performance.eventLoopUtilization(win.elu);
  let boards = 0;
  for (const s of sims) boards += s.boards.size;
  return {
    eventRtt: win.eventRtt,
    ackRtt: win.ackRtt,
    hostAckRtt: win.hostAckRtt,
    movesOk: win.movesOk,
    windowMs: performance.now() - win.start,
    cpuUs: cpu.user + cpu.system,
    elu: elu.utilization,
    loopDelayP99: loopDelay.percentile(99) / 1e6,
    loopDelayMax: loopDelay.max / 1e6,
    timeline: win.timeline,
    students: students.map(({ messages, ownMoves, summaries }) => ({ messages, ownMoves, summaries })),
    spectatorFrames: spectators.map((sp) => sp.frames),
    spectatorLongestGapMs: spectators.map((sp) => Math.max(sp.longestGap, performance.now() - sp.lastAt)),
    sockets: sockets.length + spectators.length,
    boards,
    liveBoards,
    gamesEnded,
    counters,
    windowCounters,
  };
}

function stopAll(): void {
  stopping = true;
  for (const sim of sims) for (const b of sim.boards.values()) if (b.timer) clearTimeout(b.timer);
  for (const s of sockets) s.close();
  for (const sp of spectators) sp.ws.terminate();
}

// ---- IPC --------------------------------------------------------------------------------------

const sweeper = setInterval(sweepPending, 1000);
sweeper.unref();

async function handle(req: GenRequest): Promise<unknown> {
  switch (req.cmd) {
    case 'init':
      url = req.url;
      genId = req.genId;
      return undefined;
    case 'add':
      return add(req.simuls, req.boardsPerSimul);
    case 'seat':
      return seat();
    case 'start':
      return start();
    case 'rate':
      targetRate = Math.max(0.001, req.movesPerSecond);
      return undefined;
    case 'window-start':
      return windowStart();
    case 'window-end':
      return windowEnd();
    case 'simul-ids':
      return sims.map((s) => s.id);
    case 'spectate':
      return spectate(req.simulId, req.count, req.firstNetwork);
    case 'stop':
      stopAll();
      setTimeout(() => process.exit(0), 200);
      return undefined;
  }
}

process.on('message', (msg: unknown) => {
  const req = msg as GenRequest & { reqId?: number };
  handle(req).then(
    (data) => {
      if (req.reqId !== undefined) process.send?.({ reqId: req.reqId, ok: true, data } satisfies GenReply);
    },
    (err: Error) => {
      if (req.reqId !== undefined) process.send?.({ reqId: req.reqId, ok: false, error: err.message } satisfies GenReply);
    },
  );
});
// The bench went away: stop at once.
process.on('disconnect', () => {
  stopAll();
  process.exit(0);
});
