// Bench-only preload for the server under test (and for the baseline relay): loaded with
// `node --expose-gc --import tsx --import ./bench/server-probe.ts <entry>` by bench/run.ts,
// which forks the entry with an IPC channel. The server's code is not changed: this module
// only answers the bench's questions about the process it lives in.
//
//   { id, op: 'sample' }       -> process CPU time, memory, event-loop utilisation counters
//   { id, op: 'sample', gc: true } -> the same after two forced full GCs (heap of live objects)
//   { id, op: 'sample', resetDelay: true } -> and restart the event-loop delay histogram
//
// When the bench goes away (its IPC channel closes) the process exits: no orphan servers.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

export interface ProbeSample {
  /** process.cpuUsage(): user and system CPU time of the whole process, microseconds. */
  cpuUserUs: number;
  cpuSystemUs: number;
  /** CPU time of the main thread alone (the room's thread), microseconds; NaN off Linux. */
  mainThreadCpuUs: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** performance.eventLoopUtilization() counters (ms), to be differenced by the bench. */
  eluIdle: number;
  eluActive: number;
  /** performance.now() of the sample, ms. */
  at: number;
  /** The monotonic clock of the sample (process.hrtime), µs: the clock of a --cpu-prof profile's sample times. */
  monotonicUs: number;
  gcForced: boolean;
  /** Event-loop delay since the previous sample that asked for `resetDelay` (ms). */
  loopDelayP50: number;
  loopDelayP99: number;
  loopDelayMax: number;
  /** Messages the main thread has posted to worker threads (the store's commits: one a batch). */
  workerCalls: number;
}

interface ProbeRequest {
  probe: true;
  id: number;
  op: 'sample';
  gc?: boolean;
  /** Start a new event-loop delay histogram after this sample. */
  resetDelay?: boolean;
}

/** The main thread's CPU time from Linux's schedstat (nanoseconds on the CPU), in µs. */
function mainThreadCpuUs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1000;
  } catch {
    return NaN;
  }
}

// Counts the calls to a worker thread (the SQLite store's and the durable relay's): with the
// moves acknowledged, how many moves each commit carried.
let workerCalls = 0;
const postMessage = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (this: Worker, ...args: Parameters<Worker['postMessage']>) {
  workerCalls++;
  return postMessage.apply(this, args);
};

const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

function sample(forceGc: boolean): ProbeSample {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (forceGc && gc) {
    gc();
    gc();
  }
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  const elu = performance.eventLoopUtilization();
  return {
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    mainThreadCpuUs: mainThreadCpuUs(),
    rss: mem.rss,
    heapUsed: mem.heapUsed,
    heapTotal: mem.heapTotal,
    external: mem.external,
    arrayBuffers: mem.arrayBuffers,
    eluIdle: elu.idle,
    eluActive: elu.active,
    at: performance.now(),
    monotonicUs: Number(process.hrtime.bigint() / 1000n),
    gcForced: forceGc && Boolean(gc),
    loopDelayP50: loopDelay.percentile(50) / 1e6,
    loopDelayP99: loopDelay.percentile(99) / 1e6,
    loopDelayMax: loopDelay.max / 1e6,
    workerCalls,
  };
}

if (process.send) {
  process.on('message', (msg: unknown) => {
    const req = msg as ProbeRequest;
    if (!req || req.probe !== true || req.op !== 'sample') return;
    process.send?.({ probe: true, id: req.id, sample: sample(Boolean(req.gc)) });
    if (req.resetDelay) loopDelay.reset();
  });
  // The bench died or let go of us: stop, cleanly enough for --cpu-prof to write its file.
  process.on('disconnect', () => process.exit(0));
}
