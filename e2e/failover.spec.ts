// A node lost mid-class, seen from the browser: a cluster of its own (2 nodes serving the pages,
// HAProxy, Redis, Postgres; server/testing/local-cluster.ts), a host console and two phones
// opened through HAProxy, and the node that runs the simul SIGKILLed while it is the phones'
// turn. They move at once, while their connection is down; the other node takes the simul over
// from Postgres, every screen catches up, the class plays on, and every board on every screen
// is the log in Postgres, each move in it once.
import { expect, test, type Page } from './test';
import { replay } from '../lib/simul/evolve';
import type { SimulEvent } from '../lib/simul/types';
import { clusterDatabase, type ClusterDatabase } from '../server/testing/cluster-game';
import { startCluster, type LocalCluster } from '../server/testing/local-cluster';
import { servicesSkipReason } from '../server/testing/services';
import { createSimul, hostMove, joinFromPhone, opponentMove, tapMove, joinLinkOf } from './helpers';

test.describe.configure({ mode: 'serial' });

const skip = servicesSkipReason();
let cluster: LocalCluster;
let db: ClusterDatabase;

test.beforeAll(async () => {
  if (skip) return;
  // Starting Postgres, Redis and two nodes that load Next's pages takes a while on a loaded machine.
  test.setTimeout(360_000);
  // As for the test server: every device is 127.0.0.1, one network for the budgets.
  cluster = await startCluster({ nodes: 2, pages: true, env: { SIMUL_NETWORK_SCALE: '20' } });
  db = await clusterDatabase(cluster);
  // Each node renders the pages once before the browser comes (a first render is slow on a loaded machine).
  for (const node of cluster.nodes) for (const page of ['/', '/new']) expect((await fetch(node.url + page)).status).toBe(200);
});

test.afterAll(async () => {
  await db?.end();
  await cluster?.stop();
});

/** Each board's moves in the log, as from-to, in order. */
function movesByBoard(log: SimulEvent[]): Map<number, string[]> {
  const moves = new Map<number, string[]>();
  for (const e of log) if (e.type === 'move-made') moves.set(e.board, [...(moves.get(e.board) ?? []), `${e.from}${e.to}`]);
  return moves;
}

/** The phone shows its connection as up with nothing left to send: its commands were all answered. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('connection')).toHaveText('online', { timeout: 60_000 });
}

test('a phone plays on while the node that runs its simul is SIGKILLed, and its board comes back with nothing lost', async ({ browser }) => {
  test.skip(Boolean(skip), skip ?? '');
  test.setTimeout(300_000);
  const { host, simulId } = await createSimul(browser, {
    title: 'Failover',
    boards: 2,
    mode: 'async',
    // On clocks: the new node stops them over the downtime and says so in the log (server-restarted).
    clock: { minutes: 10, increment: 0, hostExtra: 0 },
    baseURL: cluster.url,
  });
  // The join link is HAProxy's address (SIMUL_PUBLIC_URL), whichever node served the console.
  const joinLink = await joinLinkOf(host);
  expect(joinLink.startsWith(`${cluster.url}/`)).toBe(true);
  const ada = await joinFromPhone(browser, joinLink, 'Ada');
  const bo = await joinFromPhone(browser, joinLink, 'Bo');
  expect(new URL(ada.url()).origin).toBe(cluster.url);
  await expect(host.getByTestId('seated-count')).toHaveText('2');
  await host.getByTestId('start').click();

  await hostMove(host, 1, 'e2', 'e4');
  await hostMove(host, 2, 'd2', 'd4');
  await opponentMove(ada, 'e7', 'e5');
  await opponentMove(bo, 'd7', 'd5');
  await hostMove(host, 1, 'g1', 'f3');
  await hostMove(host, 2, 'c2', 'c4');
  await expect(ada.getByTestId('turn-banner')).toHaveText('Your move');
  await expect(bo.getByTestId('turn-banner')).toHaveText('Your move');

  // Mid-game, the phones to move: the node that holds the simul's lease dies.
  const owner = await db.owner(simulId);
  expect(owner).not.toBeNull();
  const before = await db.storedLog(simulId);
  const killedAt = Date.now();
  await cluster.nodes[owner! - 1].stop('SIGKILL');

  // Each phone moves at once, its node gone: the move shows on its board and waits to be sent.
  await tapMove(ada, 'play-board-1', 'b8', 'c6');
  await tapMove(bo, 'play-board-2', 'e7', 'e6');
  await expect(ada.getByTestId('play-board-1-container')).toHaveAttribute('data-fen', /^r1bqkbnr\/pppp1ppp\/2n5\//);
  // Back: its connection is up again and the new node has answered the move.
  await settled(ada);
  const adaBackMs = Date.now() - killedAt;
  await settled(bo);
  const boBackMs = Date.now() - killedAt;
  // The console saw both moves come in through the other node: both boards await the host (the one it is at, 'host-thinking').
  for (const n of [1, 2]) await expect(host.getByTestId(`mini-${n}`)).toHaveAttribute('data-look', /^(awaiting-host|host-thinking)$/, { timeout: 60_000 });
  const consoleBackMs = Date.now() - killedAt;

  const newOwner = await db.owner(simulId);
  expect(newOwner).not.toBeNull();
  expect(newOwner).not.toBe(owner);

  // The class plays on.
  await hostMove(host, 1, 'f1', 'c4');
  await hostMove(host, 2, 'b1', 'c3');
  await opponentMove(ada, 'g8', 'f6');
  await opponentMove(bo, 'g8', 'f6');
  await settled(ada);
  await settled(bo);

  // Postgres holds every move once, in order, the restart said in the log, no seq missing.
  const log = await db.storedLog(simulId);
  expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  expect(log.slice(0, before.length)).toEqual(before);
  expect(log.filter((e) => e.type === 'server-restarted')).toHaveLength(1);
  expect(movesByBoard(log)).toEqual(
    new Map([
      [1, ['e2e4', 'e7e5', 'g1f3', 'b8c6', 'f1c4', 'g8f6']],
      [2, ['d2d4', 'd7d5', 'c2c4', 'e7e6', 'b1c3', 'g8f6']],
    ]),
  );

  // Every screen's board is the log's.
  const truth = replay(log);
  const fen = (n: number) => truth.boards.get(n)!.chess.fen();
  await expect(ada.getByTestId('play-board-1-container')).toHaveAttribute('data-fen', fen(1));
  await expect(bo.getByTestId('play-board-2-container')).toHaveAttribute('data-fen', fen(2));
  for (const n of [1, 2]) {
    await host.getByTestId(`mini-${n}`).click();
    await expect(host.getByTestId('focused-board')).toHaveAttribute('data-board', String(n));
    await expect(host.getByTestId(`host-board-${n}-container`)).toHaveAttribute('data-fen', fen(n));
  }
  // A phone opened again loads its board from the node that runs the simul now.
  await ada.reload();
  await expect(ada.getByTestId('play-board-1-container')).toHaveAttribute('data-fen', fen(1));
  await expect(ada.getByTestId('turn-banner')).not.toHaveText('Your move');

  console.log(
    `failover in the browser: Ada's move answered by the new node ${adaBackMs} ms after the SIGKILL, ` +
      `Bo's ${boBackMs} ms, the console showed both ${consoleBackMs} ms`,
  );
});
