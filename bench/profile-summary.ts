// Top self-time functions of a V8 .cpuprofile (from `node --cpu-prof`), as used by
// `npm run bench -- --profile`, over the whole profile or only over some spans of it (the
// bench's measured windows: a sample's time is on the process's monotonic clock, in µs, as
// process.hrtime gives it). Also runnable by hand:
//   npx tsx bench/profile-summary.ts bench/results/profiles/<run>/<scenario>/<file>.cpuprofile [N]
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileLine {
  name: string;
  where: string;
  selfMs: number;
  /** Share of the busy time (everything but "(idle)"). */
  selfPct: number;
}

function shortUrl(url: string): string {
  if (!url) return '';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) return clean.slice(nm + 'node_modules/'.length);
  const cwd = process.cwd() + path.sep;
  return clean.startsWith(cwd) ? clean.slice(cwd.length) : clean;
}

/** A span of a profile: from and to, µs on the process's monotonic clock. */
export type ProfileSpan = [fromUs: number, toUs: number];

/** `spans`: count only the samples taken in them (none given: the whole profile). */
export function summarizeProfile(file: string, top = 25, spans?: ProfileSpan[]): ProfileLine[] {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<string, { name: string; where: string; us: number }>();
  let busyUs = 0;
  let at = prof.startTime;
  for (let i = 0; i < prof.samples.length; i++) {
    at += prof.timeDeltas[i] ?? 0;
    const node = byId.get(prof.samples[i]);
    const dt = prof.timeDeltas[i + 1] ?? 0; // a sample's time is the gap to the next sample
    if (!node) continue;
    if (spans && !spans.some(([from, to]) => at >= from && at <= to)) continue;
    const cf = node.callFrame;
    const name = cf.functionName || '(anonymous)';
    if (name === '(idle)') continue;
    busyUs += dt;
    const where = cf.url ? `${shortUrl(cf.url)}:${cf.lineNumber + 1}` : '';
    const key = `${name}|${where}`;
    const entry = selfUs.get(key) ?? { name, where, us: 0 };
    entry.us += dt;
    selfUs.set(key, entry);
  }
  return [...selfUs.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((e) => ({ name: e.name, where: e.where, selfMs: e.us / 1000, selfPct: (100 * e.us) / Math.max(1, busyUs) }));
}

/** Self time summed by file (or package), to see which layer the time goes to. */
export function summarizeByFile(file: string, top = 15): ProfileLine[] {
  const lines = summarizeProfile(file, Number.MAX_SAFE_INTEGER);
  const byFile = new Map<string, number>();
  for (const l of lines) {
    const f = l.where.replace(/:\d+$/, '') || l.name;
    byFile.set(f, (byFile.get(f) ?? 0) + l.selfMs);
  }
  const total = lines.reduce((a, l) => a + l.selfMs, 0);
  return [...byFile.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, ms]) => ({ name: '', where, selfMs: ms, selfPct: (100 * ms) / Math.max(1, total) }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [N]');
    process.exit(2);
  }
  const n = Number(process.argv[3] ?? 30);
  console.log('top self time (share of busy time):');
  for (const l of summarizeProfile(file, n)) {
    console.log(`${l.selfPct.toFixed(1).padStart(5)}%  ${l.selfMs.toFixed(0).padStart(7)} ms  ${l.name}  ${l.where}`);
  }
  console.log('\nby file:');
  for (const l of summarizeByFile(file)) {
    console.log(`${l.selfPct.toFixed(1).padStart(5)}%  ${l.selfMs.toFixed(0).padStart(7)} ms  ${l.where}`);
  }
}
