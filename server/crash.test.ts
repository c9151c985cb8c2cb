// Nothing lost: the real server (server/index.ts on SQLite) runs as a child process and is
// killed with SIGKILL at random points while games are played on it through real sockets,
// then restarted on the same database and port. The clients reconnect with their last seq and
// credential, resend an unacknowledged move with the same clientMoveId, and finish the games.
// Every acknowledged move must be in the final log, once, in a game that replays legally.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Chess } from 'chess.js';
import { afterEach, expect, it } from 'vitest';
import { replay } from '../lib/simul/evolve';
import { isOver, sideToMove } from '../lib/simul/queries';
import type { SimulEvent } from '../lib/simul/types';
import { SqliteEventStore } from './store/sqlite-store';
import { Prng } from '../lib/random';
import { freePort, ServerProcess } from './testing/server-process';
import { Clients, command, createSimul, hello, seatedSimul } from './testing/simul-fixture';
import type { BotSimulSpec } from './testing/bot-simul';
import { gamesOf, referenceGames } from './testing/bot-simul';
import { SECRET_NAMES } from './room/room-credentials';
import { botSeedFrom } from '../lib/bots/bot-random';
import { botMoveId } from './room/bot-runner';
import { Disconnected, SimulPlayer } from './testing/simul-player';

const SEED = 424_242;
const BOARDS = 4;
const KILLS = 12;
/** Plies per board after which, once the kills are done, the side to move resigns. */
const MOVE_CAP = 40;

interface AckedMove {
  board: number;
  /** Moves on the board before this one. */
  ply: number;
  san: string;
  clientMoveId: string;
  /** Kills that had happened when the ack arrived. */
  killsBefore: number;
}

/** Closed while the server is down: the players wait here instead of sending into the void. */
class Gate {
  private opened: Promise<void> = Promise.resolve();
  private release: () => void = () => {};

  close(): void {
    this.opened = new Promise((resolve) => (this.release = resolve));
  }

  open(): void {
    this.release();
  }

  wait(): Promise<void> {
    return this.opened;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(2);
}

let dir: string | undefined;
let server: ServerProcess | undefined;
const players: SimulPlayer[] = [];

afterEach(async () => {
  for (const p of players.splice(0)) p.close();
  await server?.dispose();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('keeps every acknowledged move through repeated SIGKILLs of the server', { timeout: 120_000 }, async () => {
  const started = Date.now();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-crash-'));
  const dbFile = path.join(dir, 'simul.db');
  const proc = new ServerProcess(await freePort(), dbFile);
  server = proc;
  expect(await proc.start()).toBe(0);

  // Set-up through ordinary sockets; the players then come in with the credentials it handed out.
  const setup = new Clients(proc.url);
  const simul = await seatedSimul(setup, { boards: BOARDS, seated: BOARDS, hostColor: 'alternate', start: true });
  setup.closeAll();
  const host = new SimulPlayer('host', simul.simulId, { hostKey: simul.hostKey });
  const opponents = new Map(
    simul.opponents.map((o) => [o.board, new SimulPlayer(`board ${o.board}`, simul.simulId, { seatToken: o.seatToken })]),
  );
  players.push(host, ...opponents.values());
  await Promise.all(players.map((p) => p.connect(proc.url)));

  const acked: AckedMove[] = [];
  const online = new Gate();
  const restored: number[] = [];
  let kills = 0;
  let killsDone = false;
  /** Moves resent after a kill, and how many of those the server had saved without acking. */
  let resent = 0;
  let savedUnacked = 0;

  const allOver = () => [...host.state.boards.values()].every(isOver);
  /** Set when a board fails, so the killer stops restarting the server. */
  let failed = false;

  async function killer(): Promise<void> {
    const rng = new Prng(SEED);
    while (kills < KILLS && !allOver() && !failed) {
      const target = acked.length + rng.int(3, 15);
      await until(() => acked.length >= target || allOver() || failed);
      if (allOver() || failed) break;
      await sleep(rng.int(0, 8)); // lands between acks, or while requests are in flight
      online.close();
      await proc.stop('SIGKILL');
      kills++;
      restored.push(await proc.start());
      await Promise.all(players.map((p) => p.connect(proc.url)));
      const behind = players.filter((p) => p.resets > 0).map((p) => p.name);
      if (behind.length > 0) {
        failed = true;
        throw new Error(`after kill ${kills} the server's log was behind the copies of ${behind.join(', ')}: events were lost`);
      }
      online.open();
    }
    killsDone = true;
  }

  /** Plays one board to its end: random legal moves, each picked from the mover's own copy. */
  async function playBoard(board: number): Promise<void> {
    const rng = new Prng(SEED + board);
    const opponent = opponents.get(board)!;
    let plies = 0;
    let pending: { actor: SimulPlayer; payload: object; move?: Omit<AckedMove, 'killsBefore'> } | null = null;
    for (;;) {
      await online.wait();
      if (!pending) {
        await host.waitUntil(() => host.board(board).moveCount >= plies || isOver(host.board(board)), `board ${board} ply ${plies}`);
        if (isOver(host.board(board))) return;
        expect(host.board(board).moveCount).toBe(plies);
        const actor = sideToMove(host.board(board)) === 'host' ? host : opponent;
        await actor.waitUntil(() => actor.board(board).moveCount >= plies, `board ${board} ply ${plies}`);
        if (killsDone && plies >= MOVE_CAP) {
          // With an id: resent after a kill that saved it, it is acknowledged as a duplicate.
          pending = { actor, payload: { type: 'resign', board, commandId: `resign-${board}` } };
        } else {
          const m = rng.pick(actor.board(board).chess.moves({ verbose: true }));
          const clientMoveId = `b${board}-${plies}`;
          pending = {
            actor,
            payload: { type: 'move', board, from: m.from, to: m.to, ...(m.promotion ? { promotion: m.promotion } : {}), clientMoveId },
            move: { board, ply: plies, san: m.san, clientMoveId },
          };
        }
      } else {
        // A resend after a kill: the actor's copy has caught up, so it shows whether the
        // server saved the request before it died.
        const saved = pending.move
          ? pending.actor.board(board).moveCount > pending.move.ply
          : isOver(pending.actor.board(board));
        if (!pending.move && saved) {
          pending = null; // a resignation that was saved: the game is over
          continue;
        }
        resent++;
        if (saved) savedUnacked++;
      }
      let reply;
      try {
        reply = await pending.actor.send(pending.payload);
      } catch (err) {
        if (!(err instanceof Disconnected)) throw err;
        await sleep(5); // the server died: wait for it (the gate closes), then resend
        continue;
      }
      // A resignation refused as "game over" (or "simul finished", when it was the last game)
      // means the last move ended the game and the copy that chose to resign had not seen that
      // yet; a saved resignation resent is answered ok. The copies must then show it over.
      if (!reply.ok && !pending.move && (reply.error.code === 'game-over' || reply.error.code === 'simul-finished')) {
        await host.waitUntil(() => isOver(host.board(board)), `board ${board} to be over`);
        return;
      }
      if (!reply.ok) throw new Error(`board ${board}: ${JSON.stringify(pending.payload)} refused: ${JSON.stringify(reply.error)}`);
      if (pending.move) {
        acked.push({ ...pending.move, killsBefore: kills });
        plies++;
      }
      pending = null;
    }
  }

  const boards = Promise.all([...opponents.keys()].map(playBoard)).catch((err) => {
    failed = true;
    throw err;
  });
  await Promise.all([killer(), boards]);
  await host.waitUntil(() => host.state.phase === 'finished', 'the simul to finish');
  for (const p of players) p.close();
  await proc.stop('SIGKILL');

  // The durable log, read straight from the database file.
  const store = new SqliteEventStore(dbFile);
  const log = (await store.load(simul.simulId))!.events;
  await store.close();
  expect(log).toEqual(host.log);
  const final = replay(log); // throws on an illegal move or a gap in the seqs
  expect(final.phase).toBe('finished');

  const moves = log.filter((e): e is Extract<SimulEvent, { type: 'move-made' }> => e.type === 'move-made');
  const ids = moves.map((m) => m.clientMoveId);
  expect(new Set(ids).size).toBe(ids.length); // no move twice
  expect(moves).toHaveLength(acked.length); // every move in the log was acknowledged, and the reverse

  for (const board of opponents.keys()) {
    const ackedHere = acked.filter((a) => a.board === board).sort((x, y) => x.ply - y.ply);
    const logged = moves.filter((m) => m.board === board);
    // Every acknowledged move is in the log, at its place in the game, with the SAN it had.
    expect(logged.map((m, ply) => ({ ply, san: m.san, clientMoveId: m.clientMoveId }))).toEqual(
      ackedHere.map(({ ply, san, clientMoveId }) => ({ ply, san, clientMoveId })),
    );
    // The game's PGN, built with chess.js from the log, holds every acknowledged move.
    const game = new Chess();
    for (const m of logged) game.move(m.san);
    const reread = new Chess();
    reread.loadPgn(game.pgn());
    expect(reread.history()).toEqual(ackedHere.map((a) => a.san));
    expect(final.boards.get(board)!.status).toBe('finished');
  }

  expect(kills).toBeGreaterThanOrEqual(10);
  expect(restored).toEqual(Array(kills).fill(1)); // each restart served the unfinished simul again
  expect(players.map((p) => p.resets)).toEqual(players.map(() => 0)); // no client was ever ahead of the server

  const seconds = (Date.now() - started) / 1000;
  const beforeAKill = acked.filter((a) => a.killsBefore < kills).length;
  console.log(
    `crash test: survived ${kills} SIGKILLs; checked ${acked.length} acknowledged moves ` +
      `(${beforeAKill} acknowledged before a later kill) on ${BOARDS} boards; ${resent} resends after a kill, ` +
      `${savedUnacked} of them saved by the server but unacknowledged; ${seconds.toFixed(1)} s`,
  );
});

it('bots finish their simul through repeated SIGKILLs, with no move lost or doubled', { timeout: 120_000 }, async () => {
  const started = Date.now();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-crash-bots-'));
  const dbFile = path.join(dir, 'simul.db');
  const proc = new ServerProcess(await freePort(), dbFile);
  server = proc;
  expect(await proc.start()).toBe(0);

  // Real time, short think times with a spread: kills land while bots' timers wait.
  const spec: BotSimulSpec = {
    mode: 'async',
    boards: 3,
    hostColor: 'alternate',
    host: { spec: { strength: 'sensible', think: { meanMs: 4, spreadMs: 2 } }, seed: 0 },
    seat: () => ({ spec: { strength: 'sensible', think: { meanMs: 15, spreadMs: 10 } }, seed: 0 }),
  };
  const setup = new Clients(proc.url);
  const client = await setup.connect();
  const simul = await createSimul(client, { boards: spec.boards, hostColor: spec.hostColor, mode: spec.mode, hostBot: spec.host.spec });
  await hello(client, simul.simulId, { hostKey: simul.hostKey });
  for (let n = 1; n <= spec.boards; n++) await command(client, { type: 'seat-bot', board: n, name: `Bot ${n}`, bot: spec.seat(n).spec });
  await command(client, { type: 'start' });
  setup.closeAll();

  // A watcher: the host's console, which only looks (the bots play).
  const watcher = new SimulPlayer('watcher', simul.simulId, { hostKey: simul.hostKey });
  players.push(watcher);
  await watcher.connect(proc.url);
  const movesSeen = () => watcher.log.filter((e) => e.type === 'move-made').length;
  const finished = () => watcher.state.phase === 'finished';

  const rng = new Prng(SEED);
  let kills = 0;
  const restored: number[] = [];
  while (kills < 8 && !finished()) {
    const target = movesSeen() + rng.int(10, 60);
    await watcher.waitUntil(() => movesSeen() >= target || finished(), `${target} moves`);
    if (finished()) break;
    await sleep(rng.int(0, 8));
    await proc.stop('SIGKILL');
    kills++;
    restored.push(await proc.start());
    await watcher.connect(proc.url);
  }
  await watcher.waitUntil(finished, 'the bots to finish', 60_000);
  await proc.stop('SIGKILL');

  const store = new SqliteEventStore(dbFile);
  const { events: log, credentials } = (await store.load(simul.simulId))!;
  await store.close();
  expect(log).toEqual(watcher.log);
  // The bots' seeds the server drew, kept secret in its store: the reference replays them.
  const seedOf = (slot: number | 'host') => botSeedFrom(credentials.secrets.get(SECRET_NAMES.botSeed(slot)));
  const seeded: BotSimulSpec = { ...spec, host: { ...spec.host, seed: seedOf('host') }, seat: (n) => ({ ...spec.seat(n), seed: seedOf(n) }) };
  const final = replay(log); // throws on an illegal move or a gap in the seqs
  expect(final.phase).toBe('finished');
  expect(final.endedEarly).toBe(false);
  // Each ply of each board once, by the side whose turn it was, with the bot's id for that ply.
  const moves = log.filter((e): e is Extract<SimulEvent, { type: 'move-made' }> => e.type === 'move-made');
  for (let n = 1; n <= spec.boards; n++) {
    expect(moves.filter((m) => m.board === n).map((m) => m.clientMoveId)).toEqual(
      moves.filter((m) => m.board === n).map((_, ply) => botMoveId(n, ply)),
    );
  }
  // The very games the same bots play with no crash: nothing lost, nothing doubled, nothing else.
  expect(gamesOf(log)).toEqual(await referenceGames(seeded));
  expect(kills).toBeGreaterThanOrEqual(5);
  expect(restored).toEqual(Array(kills).fill(1));
  expect(watcher.resets).toBe(0);
  console.log(
    `crash test, bots: survived ${kills} SIGKILLs; ${moves.length} bot moves on ${spec.boards} boards, ` +
      `every game as played with no crash; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});
