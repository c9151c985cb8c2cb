// A node lost mid-class loses nothing: a real cluster (3 nodes, HAProxy, Redis, Postgres), a
// simul played through HAProxy by a bot host, phones and bots, and the node that runs it
// SIGKILLed mid-game. Another node takes it over from Postgres and the class plays on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../lib/simul/evolve';
import type { SimulEvent } from '../lib/simul/types';
import { killOwnerAndPlayOn, playOnCluster, until, type FailoverRun } from './testing/cluster-game';
import { startCluster, type LocalCluster } from './testing/local-cluster';
import { servicesSkipReason } from './testing/services';

const skip = servicesSkipReason();
let cluster: LocalCluster;
let run: FailoverRun | undefined;

beforeAll(async () => {
  if (!skip) cluster = await startCluster({ nodes: 3 });
}, 240_000);
afterAll(async () => {
  await run?.close();
  await cluster?.stop();
}, 60_000);

const movesOn = (log: SimulEvent[], board: number) => log.filter((e) => e.type === 'move-made' && e.board === board).length;

describe.skipIf(skip)('failover on a real cluster', () => {
  it('goes on through HAProxy on another node when the node that runs the simul is SIGKILLed mid-game', async () => {
    run = await playOnCluster(cluster, 2, 2);
    const r = run;
    // Mid-game: every board has moved a few times.
    await until(() => [1, 2, 3, 4].every((b) => movesOn(r.host.log, b) >= 4), 120_000, 'the games did not get going');
    const owner = await r.owner();
    const figures = await killOwnerAndPlayOn(cluster, r, 3);

    const log = await r.storedLog();
    // Another node runs it now, and it said so in the log.
    const newOwner = await r.owner();
    expect(newOwner).not.toBeNull();
    expect(newOwner).not.toBe(owner);
    const restarts = log.filter((e) => e.type === 'server-restarted');
    expect(restarts).toHaveLength(1);

    // Every acknowledged move is in Postgres exactly once.
    expect(figures.lost).toBe(0);
    expect(figures.twice).toBe(0);
    const stored = new Set(log.flatMap((e) => (e.type === 'move-made' && e.clientMoveId ? [e.clientMoveId] : [])));
    for (const phone of r.phones) for (const id of phone.acked.keys()) expect(stored.has(id)).toBe(true);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));

    // Each phone's board is the log's, once it has heard all of it.
    await until(() => r.phones.every((p) => p.log.length >= log.length), 30_000, 'a phone did not catch up');
    const truth = replay(log);
    for (const phone of r.phones) {
      const mine = replay(phone.log.slice(0, log.length));
      expect(mine.boards.get(phone.board)!.chess.fen()).toBe(truth.boards.get(phone.board)!.chess.fen());
      expect(phone.log.slice(0, log.length)).toEqual(log);
    }

    // The clocks charge the downtime to no one: on each board still playing, the time both
    // sides used is the time the game ran, less the time from the last event before the kill
    // to the new node's restart event.
    const restart = restarts[0];
    if (restart.type !== 'server-restarted') throw new Error('unreachable');
    expect(restart.downSince).toBeLessThanOrEqual(figures.killedAt);
    expect(restart.at).toBeGreaterThanOrEqual(figures.killedAt);
    const started = log.find((e) => e.type === 'simul-started')!.at;
    const last = log[log.length - 1].at;
    for (const [n, board] of truth.boards) {
      if (board.status !== 'playing' || !board.clock) continue;
      const clock = { ...board.clock };
      if (clock.running) clock[clock.running] -= last - clock.since;
      const used = 2 * 600_000 - clock.host - clock.opponent;
      expect(used, `board ${n}`).toBe(last - started - (restart.at - restart.downSince));
    }
    console.log(`failover: first move accepted ${figures.firstMoveMs} ms after the SIGKILL, last phone caught up after ${figures.caughtUpMs} ms`);
  }, 300_000);
});
