// The same figures for two simuls in two columns.
import { formatDuration, formatPercent, formatSpeedUp, lessonFigures, type SimulMetrics } from '@/lib/metrics';
import { tally } from '@/lib/simul/queries';
import type { SimulState } from '@/lib/simul/types';
import { speedText } from '@/app/words';

type Side = { state: SimulState; metrics: SimulMetrics | null } | null;

const ROWS: { label: string; value: (s: SimulState, m: SimulMetrics) => string }[] = [
  { label: 'Mode', value: (s) => (s.mode === 'async' ? 'async (rotating)' : 'sync (one game at a time)') },
  { label: 'Boards', value: (s) => String(s.order.length) },
  { label: 'Clock', value: (s) => (s.exhibition ? `simulated, ${speedText(s.exhibition.speed)}` : 'real time') },
  { label: 'Results (host W / D / L)', value: (s) => { const t = tally(s); return `${t.wins} / ${t.draws} / ${t.losses}`; } },
  { label: 'Moves', value: (_, m) => String(m.moves.length) },
  { label: 'Elapsed', value: (_, m) => formatDuration(m.elapsed) },
  { label: 'Host busy', value: (_, m) => formatDuration(m.busy) },
  { label: 'Host idle', value: (_, m) => formatDuration(m.idle) },
  { label: 'Host utilization', value: (_, m) => formatPercent(m.utilization) },
  { label: 'Opponent wait, total', value: (_, m) => formatDuration(m.boards.reduce((t, b) => t + b.wait, 0)) },
  { label: 'Longest single wait', value: (_, m) => formatDuration(Math.max(0, ...m.boards.map((b) => b.longestWait))) },
  { label: 'Sync total (played or projected)', value: (_, m) => formatDuration(m.comparison.sync) },
  { label: 'Async total (played or projected)', value: (_, m) => formatDuration(m.comparison.async) },
  { label: 'Speed-up', value: (_, m) => formatSpeedUp(m.comparison.speedUp) },
  { label: "The lesson's closed form", value: (s) => closedForm(s) },
];

/**
 * For an exhibition whose bots all think the same mean times: the lesson's total for its mode
 * (docs/METRICS.md), which fixed think times reproduce exactly. '—' for any other simul.
 */
function closedForm(s: SimulState): string {
  const host = s.hostBot?.think.meanMs;
  const opponents = new Set(s.order.map((n) => s.boards.get(n)!.opponent?.bot?.think.meanMs));
  const [o] = opponents;
  if (!s.exhibition || host === undefined || opponents.size !== 1 || o === undefined) return '—';
  const f = lessonFigures({ n: s.order.length, h: host / 1000, o: o / 1000, m: s.exhibition.movePairs });
  return formatDuration((s.mode === 'sync' ? f.S : f.A) * 1000);
}

export function CompareTable({ a, b }: { a: Side; b: Side }) {
  const cell = (side: Side, row: (typeof ROWS)[number]) =>
    side?.metrics ? row.value(side.state, side.metrics) : side ? 'not started' : 'loading…';
  return (
    <table className="w-full rounded-2xl bg-white text-left tabular-nums shadow-sm dark:bg-slate-900" data-testid="compare-table">
      <thead>
        <tr className="border-b border-slate-200 dark:border-slate-800">
          <th className="p-3">Figure</th>
          <th className="p-3">{a?.state.title}</th>
          <th className="p-3">{b?.state.title ?? '…'}</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => (
          <tr key={row.label} className="border-b border-slate-100 dark:border-slate-800">
            <th className="p-3 font-normal text-slate-500">{row.label}</th>
            <td className="p-3 font-semibold">{cell(a, row)}</td>
            <td className="p-3 font-semibold">{cell(b, row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
