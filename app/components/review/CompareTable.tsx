// The same figures for two simuls in two columns.
import { formatDuration, formatPercent, formatSpeedUp, lessonFigures, type SimulMetrics } from '@/lib/metrics';
import { tally } from '@/lib/simul/results';
import type { SimulState } from '@/lib/simul/types';
import { simulTitle, type Words } from '@/app/words';
import { useWords } from '../language';

type Side = { state: SimulState; metrics: SimulMetrics | null } | null;

type Row = { row: keyof Words['review']['rows']; value: (s: SimulState, m: SimulMetrics) => string };

function rows(w: Words): Row[] {
  const r = w.review;
  return [
    { row: 'mode', value: (s) => r.modeShort(s.mode) },
    { row: 'boards', value: (s) => String(s.order.length) },
    { row: 'clock', value: (s) => (s.exhibition ? r.simulatedClock(w.simulatedTime.speed(s.exhibition.speed)) : r.realTime) },
    { row: 'results', value: (s) => { const t = tally(s); return `${t.wins} / ${t.draws} / ${t.losses}`; } },
    { row: 'moves', value: (_, m) => String(m.moves.length) },
    { row: 'elapsed', value: (_, m) => formatDuration(m.elapsed) },
    { row: 'busy', value: (_, m) => formatDuration(m.busy) },
    { row: 'idle', value: (_, m) => formatDuration(m.idle) },
    { row: 'utilization', value: (_, m) => formatPercent(m.utilization) },
    { row: 'wait', value: (_, m) => formatDuration(m.boards.reduce((t, b) => t + b.wait, 0)) },
    { row: 'longestWait', value: (_, m) => formatDuration(Math.max(0, ...m.boards.map((b) => b.longestWait))) },
    { row: 'syncTotal', value: (_, m) => formatDuration(m.comparison.sync) },
    { row: 'asyncTotal', value: (_, m) => formatDuration(m.comparison.async) },
    { row: 'speedUp', value: (_, m) => formatSpeedUp(m.comparison.speedUp) },
    { row: 'closedForm', value: (s) => closedForm(s) },
  ];
}

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
  const w = useWords();
  const words = w.review;
  const cell = (side: Side, row: Row) =>
    side?.metrics ? row.value(side.state, side.metrics) : side ? words.notStarted : words.loadingShort;
  return (
    <table className="w-full rounded-2xl bg-white text-left tabular-nums shadow-sm dark:bg-slate-900" data-testid="compare-table">
      <thead>
        <tr className="border-b border-slate-200 dark:border-slate-800">
          <th className="p-3">{words.figure}</th>
          <th className="p-3">{a && simulTitle(w, a.state)}</th>
          <th className="p-3">{b ? simulTitle(w, b.state) : '…'}</th>
        </tr>
      </thead>
      <tbody>
        {rows(w).map((row) => (
          <tr key={row.row} className="border-b border-slate-100 dark:border-slate-800">
            <th className="p-3 font-normal text-slate-500">{words.rows[row.row]}</th>
            <td className="p-3 font-semibold">{cell(a, row)}</td>
            <td className="p-3 font-semibold">{cell(b, row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
