// Real Postgres, Redis and HAProxy (Debian's packages) on loopback, each on a free port with its
// data in a temporary folder, for the tests and `npm run cluster`. Nothing is shared with a
// system service: each start makes its own, and stop() removes it with its folder.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server-process';

const run = promisify(execFile);

const PG_BIN = '/usr/lib/postgresql/15/bin';
const BINARIES = {
  initdb: `${PG_BIN}/initdb`,
  pgCtl: `${PG_BIN}/pg_ctl`,
  redis: '/usr/bin/redis-server',
  haproxy: '/usr/sbin/haproxy',
};

/** The binaries missing on this machine (empty when Postgres, Redis and HAProxy are all installed). */
export function missingServices(): string[] {
  return Object.values(BINARIES).filter((file) => !fs.existsSync(file));
}

/** Why a test of the cluster is skipped, or null when it can run. */
export function servicesSkipReason(): string | null {
  const missing = missingServices();
  return missing.length ? `skipped: install postgresql, redis-server and haproxy (missing ${missing.join(', ')})` : null;
}

export interface Service {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Postgres refuses to run as root: as root, its commands run as the `postgres` user. */
function asPostgres(file: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A Postgres 15 server of its own: initdb in a temporary folder, started with pg_ctl on
 * 127.0.0.1. `durable: false` (tests) turns fsync off: the tests kill nodes, never Postgres.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<Service & { dataDir: string }> {
  const dir = tempDir('simul-pg-');
  const dataDir = path.join(dir, 'data');
  if (process.getuid?.() === 0) fs.chownSync(dir, ...postgresIds());
  const port = await freePort();
  const pg = (file: string, args: string[]) => run(...asPostgres(file, args), { timeout: 60_000 });
  await pg(BINARIES.initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const settings = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses='127.0.0.1'", ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'])];
  await pg(BINARIES.pgCtl, ['-D', dataDir, '-l', path.join(dir, 'postgres.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: async () => {
      await pg(BINARIES.pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresIds(): [number, number] {
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no postgres user: install the postgresql package');
  const [, , uid, gid] = line.split(':');
  return [Number(uid), Number(gid)];
}

/** Starts `file` and resolves once a line of its output matches `ready`. */
function startUntil(file: string, args: string[], ready: RegExp, timeoutMs = 30_000): Promise<ChildProcess> {
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`${path.basename(file)} was not ready within ${timeoutMs} ms`)), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${err.message}\n${output}`));
    };
    child.once('exit', (code, signal) => fail(new Error(`${path.basename(file)} exited (${code ?? signal})`)));
    let started = false;
    const onData = (chunk: Buffer) => {
      if (started) return;
      output = (output + chunk.toString()).slice(-4000);
      if (!ready.test(output)) return;
      started = true;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** A Redis 7 server of its own, in memory only (no snapshot, no append-only file). */
export async function startRedis(): Promise<Service> {
  const dir = tempDir('simul-redis-');
  const port = await freePort();
  const child = await startUntil(
    BINARIES.redis,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    /Ready to accept connections/,
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The repository's HAProxy configuration, with its front port and its nodes filled in. */
function haproxyConfig(port: number, nodes: readonly number[], template = path.resolve(__dirname, '../../cluster/haproxy.cfg')): string {
  const servers = nodes.map((p, i) => `    server node${i + 1} 127.0.0.1:${p} check`).join('\n');
  return fs
    .readFileSync(template, 'utf8')
    .replace('bind 127.0.0.1:8080', `bind 127.0.0.1:${port}`)
    .replace(/^ *server node[2-9] .*\n/gm, '')
    .replace(/^ *server node1 .*$/m, servers);
}

/** HAProxy in front of `nodes` (their ports), on a free port of its own, with the repository's configuration. */
export async function startHaproxy(nodes: readonly number[], port?: number): Promise<Service> {
  const dir = tempDir('simul-haproxy-');
  const front = port || (await freePort());
  const file = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(file, haproxyConfig(front, nodes));
  await run(BINARIES.haproxy, ['-c', '-q', '-f', file]).catch((err) => {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`haproxy refused ${file}: ${(err as { stderr?: string }).stderr ?? err}`);
  });
  // -db: stay in the foreground; it is ready once its front port accepts connections.
  const child = spawn(BINARIES.haproxy, ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  await waitForPort(front, () => (child.exitCode !== null ? `haproxy exited: ${stderr}` : null));
  return {
    url: `http://127.0.0.1:${front}`,
    port: front,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, failed: () => string | null, timeoutMs = 20_000): Promise<void> {
  const { connect } = await import('node:net');
  const until = Date.now() + timeoutMs;
  for (;;) {
    const problem = failed();
    if (problem) throw new Error(problem);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
