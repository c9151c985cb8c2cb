'use client';
// Both totals of the lesson's closed form as the number of boards grows: sync (one game
// at a time) in the waiting slate, dashed; async (rotation) in the host blue, solid. A
// summary in words and the data as a table go with it, for those who cannot see it.
import { useId } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
  type TooltipValueType,
} from 'recharts';
import { formatSpeedUp, lessonSeries, type LessonParams } from '@/lib/metrics';
import { boardTicks, num, pickUnit, readable, seconds } from './lesson-format';

export const SERIES = {
  sync: { label: 'Sync: one game at a time', color: 'var(--color-waiting)', dash: '8 5' },
  async: { label: 'Async: one move per board, round after round', color: 'var(--color-host)', dash: undefined },
} as const;

type Key = keyof typeof SERIES;

export function LessonChart({ params }: { params: LessonParams }) {
  const { n, h, o, m } = params;
  const maxN = Math.max(48, 2 * n);
  const series = lessonSeries({ h, o, m }, maxN);
  const unit = pickUnit(Math.max(...series.map((p) => p.sync)));
  const data: Row[] = series.map((p) => ({
    n: p.n,
    sync: p.sync / unit.size,
    async: p.async / unit.size,
    syncS: p.sync,
    asyncS: p.async,
  }));
  // From this many boards on, the host's lap (n·h) is longer than one board's move pair
  // (h + o): a reply is always back before the host is, and the host never waits.
  const knee = (h + o) / h;
  const summaryId = useId();
  const at = (k: number) => series[Math.min(series.length, Math.max(1, k)) - 1];
  const last = series[series.length - 1];
  const mine = at(n);

  return (
    <figure className="flex flex-col gap-3" aria-labelledby={summaryId}>
      <ChartLegend />
      <div className="h-80 w-full text-slate-600 sm:h-[26rem] dark:text-slate-300">
        <LineChart
          responsive
          data={data}
          margin={{ top: 24, right: 16, bottom: 32, left: 8 }}
          style={{ width: '100%', height: '100%' }}
          accessibilityLayer
        >
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} />
          <XAxis
            dataKey="n"
            type="number"
            domain={[1, maxN]}
            allowDecimals={false}
            ticks={boardTicks(maxN)}
            tick={{ fill: 'currentColor', fontSize: 14 }}
            stroke="currentColor"
            label={{ value: 'Boards (n)', position: 'insideBottom', offset: -20, fill: 'currentColor', fontSize: 15 }}
          />
          <YAxis
            tick={{ fill: 'currentColor', fontSize: 14 }}
            stroke="currentColor"
            width={64}
            tickFormatter={(v: number) => num(v)}
            label={{
              value: `Total time (${unit.name})`,
              angle: -90,
              position: 'insideLeft',
              offset: 0,
              fill: 'currentColor',
              fontSize: 15,
              style: { textAnchor: 'middle' },
            }}
          />
          {knee > 1 && knee <= maxN && (
            <ReferenceLine
              x={knee}
              stroke="var(--color-ready)"
              strokeDasharray="2 4"
              label={{ value: `n = ${num(knee)}: no more waiting`, position: 'insideBottomLeft', fill: 'currentColor', fontSize: 13, dy: -28 }}
            />
          )}
          <ReferenceLine
            x={n}
            stroke="currentColor"
            strokeOpacity={0.6}
            label={{ value: `${n} ${n === 1 ? 'board' : 'boards'}`, position: 'top', fill: 'currentColor', fontSize: 13 }}
          />
          <Tooltip content={(props) => <ChartTooltip {...props} />} />
          {(['sync', 'async'] as const).map((key) => (
            <Line
              key={key}
              dataKey={key}
              name={SERIES[key].label}
              stroke={SERIES[key].color}
              strokeWidth={3}
              strokeDasharray={SERIES[key].dash}
              dot={false}
              activeDot={{ r: 5 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
      <figcaption id={summaryId} className="text-base text-slate-600 dark:text-slate-300">
        Total time against the number of boards, 1 to {maxN}, with h = {seconds(h)}, o = {seconds(o)} and m ={' '}
        {num(m)}. Sync grows by {readable(m * (h + o))} for every board: {readable(mine.sync)} at {n}{' '}
        {n === 1 ? 'board' : 'boards'}, {readable(last.sync)} at {maxN}. Async{' '}
        {knee > 1
          ? `grows by only ${readable(h)} per board up to ${num(knee)} boards, then by ${readable(m * h)} per board`
          : `grows by ${readable(m * h)} per board`}
        : {readable(mine.async)} at {n}, {readable(last.async)} at {maxN}.
      </figcaption>
      <details className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
        <summary className="cursor-pointer font-semibold">The chart&apos;s data as a table</summary>
        <div className="mt-3 max-h-96 overflow-auto">
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">Sync and async totals by number of boards</caption>
            <thead className="sticky top-0 bg-white dark:bg-slate-900">
              <tr>
                <th scope="col" className="py-1 pr-4">Boards</th>
                <th scope="col" className="py-1 pr-4">Sync</th>
                <th scope="col" className="py-1 pr-4">Async</th>
                <th scope="col" className="py-1">Speed-up</th>
              </tr>
            </thead>
            <tbody>
              {series.map((p) => (
                <tr key={p.n} className={p.n === n ? 'bg-host/10 font-semibold' : undefined}>
                  <th scope="row" className="py-0.5 pr-4 font-normal">{p.n}</th>
                  <td className="py-0.5 pr-4">{readable(p.sync)}</td>
                  <td className="py-0.5 pr-4">{readable(p.async)}</td>
                  <td className="py-0.5">{formatSpeedUp(p.async > 0 ? p.sync / p.async : null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function LineSample({ k }: { k: Key }) {
  return (
    <svg width="36" height="10" aria-hidden="true" className="shrink-0">
      <line x1="2" y1="5" x2="34" y2="5" stroke={SERIES[k].color} strokeWidth="4" strokeDasharray={SERIES[k].dash} />
    </svg>
  );
}

function ChartLegend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-6 gap-y-1 text-base text-slate-800 sm:pl-16 dark:text-slate-100">
      {(['sync', 'async'] as const).map((k) => (
        <li key={k} className="flex items-center gap-2">
          <LineSample k={k} />
          {SERIES[k].label}
        </li>
      ))}
    </ul>
  );
}

interface Row {
  n: number;
  /** In the chart's unit. */
  sync: number;
  async: number;
  /** Exact, in seconds, for the tooltip. */
  syncS: number;
  asyncS: number;
}

function ChartTooltip({ active, payload }: Pick<TooltipContentProps<TooltipValueType, string>, 'active' | 'payload'>) {
  const row = payload?.[0]?.payload as Row | undefined;
  if (!active || !row) return null;
  // The exact figures, not the chart's rounded unit.
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      <p className="font-semibold">
        {row.n} {row.n === 1 ? 'board' : 'boards'}
      </p>
      {(['sync', 'async'] as const).map((k) => (
        <p key={k} className="flex items-center gap-2">
          <LineSample k={k} />
          {k === 'sync' ? 'Sync' : 'Async'}: {readable(k === 'sync' ? row.syncS : row.asyncS)}
        </p>
      ))}
      <p>Speed-up: {formatSpeedUp(row.asyncS > 0 ? row.syncS / row.asyncS : null)}</p>
    </div>
  );
}
