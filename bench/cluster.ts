// `npm run bench -- --cluster`: the cluster's figures, on a local cluster (3 nodes, HAProxy,
// Redis, Postgres; server/testing/local-cluster.ts) in the same run as one node on SQLite.
// - Failover: a simul played by a bot host, phones and bots; the node that runs it is
//   SIGKILLed; from the kill to the first move accepted on the new node, and to the last phone
//   caught up (goal: under 5 s), acknowledged moves lost (goal 0), events written twice (goal 0).
// - Club load: simuls of phones against a bot host, through HAProxy on 3 nodes and on one SQLite
//   node directly: acknowledged moves per second, ack round trip p50/p99, CPU per move per node.
//   On 2 cores this shows what routing and Postgres cost, not a speed-up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Device, Phone, joinAs, killOwnerAndPlayOn, playOnCluster, until } from '../server/testing/cluster-game';
import { startCluster, type LocalCluster } from '../server/testing/local-cluster';
import { ServerProcess, freePort } from '../server/testing/server-process';
import { io } from 'socket.io-client';

const SIMULS = Number(process.env.BENCH_CLUSTER_SIMULS ?? 6);
const BOARDS = 4;
const WINDOW_MS = Number(process.env.BENCH_CLUSTER_WINDOW_MS ?? 20_000);

function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(stat[11]) + Number(stat[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** Phones of SIMULS simuls against bot hosts at `url`, for WINDOW_MS: what got acknowledged, and how fast. */
async function clubLoad(url: string, pids: number[]): Promise<string> {
  const devices: Device[] = [];
  const phones: Phone[] = [];
  for (let k = 0; k < SIMULS; k++) {
    const lobby = io(url, { transports: ['websocket'], forceNew: true });
    const created = (await lobby.timeout(10_000).emitWithAck('simul:create', {
      title: `Club ${k}`, boards: BOARDS, hostColor: 'white', mode: 'async',
      hostBot: { strength: 'sensible', avoidEnding: true, think: { meanMs: 50, spreadMs: 0 } },
    })) as { simulId: string; hostKey: string };
    lobby.close();
    const host = new Device(url, created.simulId, { hostKey: created.hostKey });
    devices.push(host);
    await until(() => host.log.length > 0, 30_000, 'host');
    for (let b = 1; b <= BOARDS; b++) {
      const d = new Device(url, created.simulId, {});
      await until(() => d.log.length > 0, 30_000, 'phone');
      const joined = await joinAs(d, `P${b}`);
      d.close();
      phones.push(new Phone(url, created.simulId, joined.seatToken, joined.board));
    }
    await host.send({ type: 'start' });
  }
  await new Promise((r) => setTimeout(r, 2000));
  const acked0 = phones.reduce((n, p) => n + p.acked.size, 0);
  const cpu0 = pids.map(cpuMs);
  const t0 = Date.now();
  const latencies: number[] = [];
  const sendOf = Phone.prototype.send;
  // Round trips: time each move's command to its acknowledgement.
  for (const p of phones) {
    p.send = async function (payload: object) {
      const start = performance.now();
      const res = await sendOf.call(this, payload);
      if (res?.ok) latencies.push(performance.now() - start);
      return res;
    };
  }
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const seconds = (Date.now() - t0) / 1000;
  const moves = phones.reduce((n, p) => n + p.acked.size, 0) - acked0;
  const cpu = pids.map((pid, i) => cpuMs(pid) - cpu0[i]);
  for (const d of [...devices, ...phones]) d.close();
  // Each phone's move is answered by the bot host's: the server played twice the phones' moves.
  const played = moves * 2;
  const perNode = cpu.map((ms) => `${((ms * 1000) / Math.max(1, played)).toFixed(0)} µs`).join(', ');
  return `${(played / seconds).toFixed(1)} moves/s, ack round trip p50 ${pct(latencies, 0.5).toFixed(1)} ms p99 ${pct(latencies, 0.99).toFixed(1)} ms, CPU per move per node ${perNode} (all nodes ${((cpu.reduce((a, b) => a + b, 0) * 1000) / Math.max(1, played)).toFixed(0)} µs)`;
}

export async function runClusterBench(): Promise<void> {
  console.log(`\n== cluster (${os.cpus().length} cores): 3 nodes + HAProxy + Redis + Postgres, against one node on SQLite ==`);
  let cluster: LocalCluster | null = null;
  try {
    cluster = await startCluster({ nodes: 3 });
    const run = await playOnCluster(cluster, 2, 2);
    await until(() => [1, 2, 3, 4].every((b) => run.host.log.filter((e) => e.type === 'move-made' && e.board === b).length >= 4), 120_000, 'the games did not get going');
    const f = await killOwnerAndPlayOn(cluster, run, 3);
    await run.close();
    const met = (ok: boolean) => (ok ? 'met' : 'missed');
    console.log(`failover: SIGKILL -> first move accepted ${f.firstMoveMs} ms (${met(f.firstMoveMs < 5000)}, goal < 5 s); -> last phone caught up ${f.caughtUpMs} ms (${met(f.caughtUpMs < 5000)})`);
    console.log(`failover: acknowledged moves lost ${f.lost} (${met(f.lost === 0)}, goal 0); events written twice ${f.twice} (${met(f.twice === 0)}, goal 0)`);
    // The killed node comes back for the load: HAProxy takes it in again once it answers.
    const dead = cluster.nodes.findIndex((n) => { try { return !n.pid; } catch { return true; } });
    if (dead >= 0) await cluster.nodes[dead].start(120_000);
    await new Promise((r) => setTimeout(r, 3000));
    console.log(`club through HAProxy on 3 nodes (Postgres): ${await clubLoad(cluster.url, cluster.nodes.map((n) => n.pid))}`);
  } finally {
    await cluster?.stop();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-bench-sqlite-'));
  const single = new ServerProcess(await freePort(), path.join(dir, 'simul.db'));
  try {
    await single.start(120_000);
    console.log(`club on one node (SQLite, no proxy):          ${await clubLoad(single.url, [single.pid])}`);
  } finally {
    await single.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
