// What a Chromium trace says the page's main thread did, by kind of work: the self time of each
// trace event's name on the renderer's main thread (style, layout, paint, script, parsing...),
// each event's time less the time of the events nested in it. It tells apart what a CPU profile
// lumps together as "(program)". Usage: npx tsx bench/trace-summary.ts <trace.json> [top=15]
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

interface TraceLine {
  name: string;
  selfMs: number;
  share: number;
}

/** The main thread's self time by event name, largest first, and the main thread's busy total (ms). */
export function summarizeTrace(file: string, top = 15): { lines: TraceLine[]; busyMs: number } {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const complete = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  let busy = 0;
  // A stack per thread: an event nested in another takes its time out of its parent's self time.
  const stacks = new Map<string, { end: number; name: string }[]>();
  for (const e of complete) {
    const key = `${e.pid}:${e.tid}`;
    const stack = stacks.get(key) ?? [];
    stacks.set(key, stack);
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
    else busy += e.dur!;
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  const lines = [...self.entries()]
    .map(([name, us]) => ({ name, selfMs: us / 1000, share: busy > 0 ? us / busy : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
  return { lines, busyMs: busy / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top] = process.argv.slice(2);
  const { lines, busyMs } = summarizeTrace(file, Number(top ?? 15));
  console.log(`main thread busy ${busyMs.toFixed(0)} ms; self time by trace event:`);
  for (const l of lines) console.log(`${(l.share * 100).toFixed(1).padStart(5)}%  ${l.selfMs.toFixed(0).padStart(6)} ms  ${l.name}`);
}
