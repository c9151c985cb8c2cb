// A simul played through HAProxy on a local cluster while the node that runs it is SIGKILLed:
// a bot host, phones (socket.io-client, reconnecting by themselves as the app's client does)
// and bots on the other boards. For the failover test and `npm run bench -- --cluster`.
import { io, type Socket } from 'socket.io-client';
import pg from 'pg';
import { evolve, replay } from '../../lib/simul/evolve';
import type { BotSpec, SimulEvent, SimulState } from '../../lib/simul/types';
import type { LocalCluster } from './local-cluster';

const PROTOCOL = 2;
type Ack = { ok: true; [k: string]: unknown } | { ok: false; error: { code: string; params?: { retryAfterMs?: number } } };

/** One device: it holds its copy of the log, folded from what it hears, and catches up by itself. */
export class Device {
  readonly log: SimulEvent[] = [];
  readonly socket: Socket;
  /** When this device first heard each seq (ms since the epoch). */
  readonly heardAt = new Map<number, number>();
  private helloing = false;

  constructor(
    url: string,
    readonly simulId: string,
    private credential: { hostKey?: string; seatToken?: string },
  ) {
    // The app's own socket options (lib/client/simul-connection.ts).
    this.socket = io(url, { transports: ['websocket'], reconnectionDelayMax: 5000, query: { simul: simulId }, forceNew: true });
    this.socket.on('connect', () => void this.hello());
    this.socket.on('simul:events', (events: SimulEvent[]) => this.take(events));
  }

  setSeatToken(seatToken: string): void {
    this.credential = { seatToken };
  }

  private take(events: SimulEvent[]): void {
    for (const e of events) {
      if (e.seq !== this.log.length + 1) continue; // a gap is filled by the next hello
      this.log.push(e);
      this.heardAt.set(e.seq, Date.now());
    }
    if (events.length && events[events.length - 1].seq > this.log.length) void this.hello();
  }

  async hello(): Promise<void> {
    if (this.helloing || !this.socket.connected) return;
    this.helloing = true;
    try {
      for (;;) {
        const res = (await this.socket
          .timeout(5000)
          .emitWithAck('simul:hello', { v: PROTOCOL, simulId: this.simulId, lastSeq: this.log.length, ...this.credential, listen: 'simul' })
          .catch(() => null)) as (Ack & { kind?: string; events?: SimulEvent[]; more?: boolean }) | null;
        if (!res || !this.socket.connected) return;
        if (!res.ok) {
          await new Promise((r) => setTimeout(r, res.error.params?.retryAfterMs ?? 200));
          continue;
        }
        if (res.kind === 'reset') this.log.length = 0;
        this.take(res.events ?? []);
        if (!res.more) return;
      }
    } finally {
      this.helloing = false;
    }
  }

  async send(payload: object): Promise<Ack | null> {
    return (await this.socket.timeout(5000).emitWithAck('simul:command', payload).catch(() => null)) as Ack | null;
  }

  close(): void {
    this.socket.close();
  }
}

/** A phone on its board: it moves when it is its turn, and resends a move that got no answer. */
export class Phone extends Device {
  /** The client move ids the server acknowledged, and when. */
  readonly acked = new Map<string, number>();
  private pending: { from: string; to: string; id: string } | null = null;
  private plies = 0;
  private timer: ReturnType<typeof setInterval>;
  private sending = false;

  constructor(
    url: string,
    simulId: string,
    seatToken: string,
    readonly board: number,
  ) {
    super(url, simulId, { seatToken });
    this.timer = setInterval(() => void this.play(), 60);
  }

  private async play(): Promise<void> {
    if (this.sending || !this.socket.connected || this.log.length === 0) return;
    if (!this.pending) {
      const b = this.folded().boards.get(this.board);
      if (!b || b.status !== 'playing' || b.chess.turn() !== 'b') return;
      const moves = b.chess.moves({ verbose: true });
      if (moves.length === 0) return;
      const m = moves[(this.plies * 7 + this.board) % moves.length];
      this.pending = { from: m.from, to: m.to, id: `b${this.board}-${this.plies++}` };
    }
    this.sending = true;
    const { from, to, id } = this.pending;
    const res = await this.send({ type: 'move', board: this.board, from, to, clientMoveId: id, ...(to.endsWith('1') ? { promotion: 'q' } : {}) });
    this.sending = false;
    if (res?.ok) {
      this.acked.set(id, Date.now());
      this.pending = null;
    } else if (res && !res.ok && !['internal', 'try-again', 'unknown-simul', 'rate-limited'].includes(res.error.code)) {
      // Refused for good (the position moved on): think again.
      this.pending = null;
    }
  }

  private state: SimulState | null = null;
  private foldedUpTo = 0;

  /** The log folded, event by event as it comes (a reset hello folds it again from the start). */
  private folded(): SimulState {
    if (!this.state || this.foldedUpTo > this.log.length || this.log[this.foldedUpTo - 1]?.seq !== this.foldedUpTo) {
      this.state = replay(this.log);
      this.foldedUpTo = this.log.length;
    }
    for (; this.foldedUpTo < this.log.length; this.foldedUpTo++) evolve(this.state, this.log[this.foldedUpTo]);
    return this.state;
  }

  override close(): void {
    clearInterval(this.timer);
    super.close();
  }
}

const bot = (meanMs: number): BotSpec => ({ strength: 'sensible', avoidEnding: true, think: { meanMs, spreadMs: 0 } });

export interface FailoverRun {
  simulId: string;
  host: Device;
  phones: Phone[];
  /** Reads the simul's log from Postgres. */
  storedLog(): Promise<SimulEvent[]>;
  /** Which node (1-based) holds the simul's lease now. */
  owner(): Promise<number | null>;
  close(): Promise<void>;
}

/** Creates and starts a simul on the cluster: a bot host, `phones` phones, then `bots` bot boards. */
export async function playOnCluster(cluster: LocalCluster, phones = 2, bots = 2, clockMs = 600_000): Promise<FailoverRun> {
  const lobby = io(cluster.url, { transports: ['websocket'], forceNew: true });
  const created = (await lobby.timeout(10_000).emitWithAck('simul:create', {
    title: 'Failover',
    boards: phones + bots,
    hostColor: 'white',
    mode: 'async',
    hostBot: bot(300),
    clock: { initialMs: clockMs, incrementMs: 0, hostExtraMs: 0 },
  })) as { ok: boolean; simulId: string; hostKey: string };
  lobby.close();
  if (!created.ok) throw new Error('create refused');
  const { simulId, hostKey } = created;
  const host = new Device(cluster.url, simulId, { hostKey });
  await until(() => host.log.length > 0, 30_000, 'the host never heard its simul');
  const seated: Phone[] = [];
  for (let i = 1; i <= phones; i++) {
    const d = new Device(cluster.url, simulId, {});
    await until(() => d.log.length > 0, 30_000, 'a phone never heard its simul');
    const joined = await joinAs(d, `Phone ${i}`);
    d.close();
    seated.push(new Phone(cluster.url, simulId, joined.seatToken, joined.board));
  }
  for (let b = phones + 1; b <= phones + bots; b++) {
    const r = await host.send({ type: 'seat-bot', board: b, name: `Bot ${b}`, bot: bot(300) });
    if (!r?.ok) throw new Error(`seat-bot refused: ${JSON.stringify(r)}`);
  }
  const started = await host.send({ type: 'start' });
  if (!started?.ok) throw new Error(`start refused: ${JSON.stringify(started)}`);
  const db = await clusterDatabase(cluster);
  return {
    simulId,
    host,
    phones: seated,
    storedLog: () => db.storedLog(simulId),
    owner: () => db.owner(simulId),
    close: async () => {
      host.close();
      for (const p of seated) p.close();
      await db.end();
    },
  };
}

/** The cluster's Postgres, as the tests read it: a simul's log, and which node holds its lease. */
export interface ClusterDatabase {
  storedLog(simulId: string): Promise<SimulEvent[]>;
  /** Which node (1-based, in the cluster's order) holds the simul's lease now. */
  owner(simulId: string): Promise<number | null>;
  end(): Promise<void>;
}

export async function clusterDatabase(cluster: LocalCluster): Promise<ClusterDatabase> {
  const db = new pg.Client({ connectionString: cluster.postgres.url });
  await db.connect();
  return {
    storedLog: async (simulId) => {
      const r = await db.query<{ seq: number; at: string; type: string; body: string }>(
        'SELECT seq, at, type, body FROM events WHERE simul_id = $1 ORDER BY seq',
        [simulId],
      );
      return r.rows.map((row) => ({ seq: row.seq, at: Number(row.at), type: row.type, ...JSON.parse(row.body) }) as SimulEvent);
    },
    owner: async (simulId) => {
      const r = await db.query<{ owner: string | null }>('SELECT owner FROM simuls WHERE simul_id = $1', [simulId]);
      const name = r.rows[0]?.owner;
      return name ? Number(name.replace('node', '')) : null;
    },
    end: () => db.end(),
  };
}

/** Takes a seat from `device`, trying again while its connection is being moved to the simul's node. */
export async function joinAs(device: Device, name: string): Promise<{ board: number; seatToken: string }> {
  for (let attempt = 0; attempt < 40; attempt++) {
    await until(() => device.socket.connected && device.log.length > 0, 30_000, 'a phone never heard its simul');
    const joined = (await device.socket.timeout(10_000).emitWithAck('simul:join', { name }).catch(() => null)) as
      | { ok: true; board: number; seatToken: string }
      | { ok: false; error: { code: string } }
      | null;
    if (joined?.ok) return joined;
    if (joined && !['unknown-simul', 'internal', 'try-again'].includes(joined.error.code)) throw new Error(`join refused: ${JSON.stringify(joined)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('no seat after 40 tries');
}

export async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`${what} (after ${timeoutMs} ms)`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What a failover cost, measured on the devices and in Postgres. */
interface FailoverFigures {
  killedAt: number;
  /** From the SIGKILL to the first move the new node acknowledged. */
  firstMoveMs: number;
  /** From the SIGKILL to the moment every phone had heard the new node's first event. */
  caughtUpMs: number;
  /** Acknowledged moves missing from Postgres. */
  lost: number;
  /** Moves (by client move id) written more than once. */
  twice: number;
}

/** Kills the simul's node, plays on until every phone has `after` more acknowledged moves, and measures. */
export async function killOwnerAndPlayOn(cluster: LocalCluster, run: FailoverRun, after = 3): Promise<FailoverFigures> {
  const owner = await run.owner();
  if (!owner) throw new Error('no node holds the simul');
  const before = run.phones.map((p) => p.acked.size);
  const killedAt = Date.now();
  await cluster.nodes[owner - 1].stop('SIGKILL');
  await until(() => run.phones.every((p, i) => p.acked.size >= before[i] + after), 120_000, 'the phones did not play on after the kill');
  const log = await run.storedLog();
  const restart = log.find((e) => e.type === 'server-restarted' && e.at >= killedAt - 1000);
  if (!restart) throw new Error('no server-restarted after the kill');
  const ackTimes = run.phones.flatMap((p) => [...p.acked.values()]).filter((t) => t > killedAt);
  // A client move id is the mover's own: the same one on two boards is two moves.
  const ids = log.flatMap((e) => (e.type === 'move-made' && e.clientMoveId ? [`${e.board} ${e.clientMoveId}`] : []));
  const acked = run.phones.flatMap((p) => [...p.acked.keys()].map((id) => `${p.board} ${id}`));
  return {
    killedAt,
    firstMoveMs: Math.min(...ackTimes) - killedAt,
    caughtUpMs: Math.max(...run.phones.map((p) => p.heardAt.get(restart.seq) ?? Infinity)) - killedAt,
    lost: acked.filter((id) => !ids.includes(id)).length,
    twice: ids.length - new Set(ids).size,
  };
}
