// The real server (server/index.ts) as a child process, for tests that kill it: started on a
// fixed port and database file, so a restart is the same server after a crash.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(__dirname, '../..');
const READY = /Async Simul ready on \S+ \(.*; (\d+) unfinished simuls restored/;

/** A port that was free a moment ago: listen on port 0, note the port, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export class ServerProcess {
  private child: ChildProcess | null = null;
  private disposed = false;
  /** The last lines the server wrote to stderr, for the message when something goes wrong. */
  private stderr = '';

  constructor(
    readonly port: number,
    readonly dbFile: string,
    /** More environment for the server (its limits, say). */
    private extraEnv: Record<string, string> = {},
    /** The checkout whose server runs: this one, or an older one to compare against. */
    private root = PROJECT_ROOT,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    if (!this.child?.pid) throw new Error('the server is not running');
    return this.child.pid;
  }

  /** Starts the server and resolves, with how many unfinished simuls it restored, once it is ready. */
  start(timeoutMs = 30_000): Promise<number> {
    if (this.child) throw new Error('the server is already running');
    if (this.disposed) throw new Error('the server was disposed of');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SIMUL_PAGES: '0',
      HOST: '127.0.0.1',
      PORT: String(this.port),
      SIMUL_DB: this.dbFile,
      NODE_ENV: 'production',
      ...this.extraEnv,
    };
    delete env.SIMUL_STORE;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: this.root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    return new Promise((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => fail(new Error(`the server was not ready within ${timeoutMs} ms`)), timeoutMs);
      const fail = (err: Error) => {
        clearTimeout(timer);
        reject(new Error(`${err.message}\nstdout: ${stdout}\nstderr: ${this.stderr}`));
      };
      child.once('exit', (code, signal) => fail(new Error(`the server exited before it was ready (${code ?? signal})`)));
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const ready = READY.exec(stdout);
        if (!ready) return;
        clearTimeout(timer);
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        child.removeAllListeners('exit');
        resolve(Number(ready[1]));
      });
    });
  }

  /** Kills the server for good: a start() still in progress is killed, later ones refused. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.stop();
  }

  /** Kills the server with `signal` and resolves once the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }
}
