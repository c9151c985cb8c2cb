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
import { boardTicks, numbersIn, pickUnit, readable } from './lesson-format';
import { useWords } from '../language';

/** Each line's look (its words: the words table's lesson.series). */
export const SERIES = {
  sync: { color: 'var(--color-waiting)', dash: '8 5' },
  async: { color: 'var(--color-host)', dash: undefined },
} as const;

type Key = keyof typeof SERIES;

export function LessonChart({ params }: { params: LessonParams }) {
  const w = useWords();
  const words = w.lesson;
  const { num, seconds } = numbersIn(w.lang);
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
            label={{ value: words.boardsAxis, position: 'insideBottom', offset: -20, fill: 'currentColor', fontSize: 15 }}
          />
          <YAxis
            tick={{ fill: 'currentColor', fontSize: 14 }}
            stroke="currentColor"
            width={64}
            tickFormatter={(v: number) => num(v)}
            label={{
              value: words.totalAxis(words.units[unit.name]),
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
              label={{ value: words.knee(num(knee)), position: 'insideBottomLeft', fill: 'currentColor', fontSize: 13, dy: -28 }}
            />
          )}
          <ReferenceLine
            x={n}
            stroke="currentColor"
            strokeOpacity={0.6}
            label={{ value: words.boards(n), position: 'top', fill: 'currentColor', fontSize: 13 }}
          />
          <Tooltip content={(props) => <ChartTooltip {...props} />} />
          {(['sync', 'async'] as const).map((key) => (
            <Line
              key={key}
              dataKey={key}
              name={words.series[key]}
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
        {words.chartSummary({
          maxN,
          h: seconds(h),
          o: seconds(o),
          m: num(m),
          perBoard: readable(m * (h + o)),
          mineSync: readable(mine.sync),
          n,
          lastSync: readable(last.sync),
          knee: knee > 1 ? num(knee) : null,
          hostMove: readable(h),
          hostGame: readable(m * h),
          mineAsync: readable(mine.async),
          lastAsync: readable(last.async),
        })}
      </figcaption>
      <details className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
        <summary className="cursor-pointer font-semibold">{words.chartData}</summary>
        <div className="mt-3 max-h-96 overflow-auto">
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">{words.chartCaption}</caption>
            <thead className="sticky top-0 bg-white dark:bg-slate-900">
              <tr>
                <th scope="col" className="py-1 pr-4">{words.fields.n.label}</th>
                <th scope="col" className="py-1 pr-4">{words.sync}</th>
                <th scope="col" className="py-1 pr-4">{words.async}</th>
                <th scope="col" className="py-1">{words.speedUp}</th>
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
  const words = useWords().lesson;
  return (
    <ul aria-label={words.legend} className="flex flex-wrap gap-x-6 gap-y-1 text-base text-slate-800 sm:pl-16 dark:text-slate-100">
      {(['sync', 'async'] as const).map((k) => (
        <li key={k} className="flex items-center gap-2">
          <LineSample k={k} />
          {words.series[k]}
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
  const words = useWords().lesson;
  const row = payload?.[0]?.payload as Row | undefined;
  if (!active || !row) return null;
  // The exact figures, not the chart's rounded unit.
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      <p className="font-semibold">
        {words.boards(row.n)}
      </p>
      {(['sync', 'async'] as const).map((k) => (
        <p key={k} className="flex items-center gap-2">
          <LineSample k={k} />
          {k === 'sync' ? words.sync : words.async}: {readable(k === 'sync' ? row.syncS : row.asyncS)}
        </p>
      ))}
      <p>{words.speedUpIs(formatSpeedUp(row.asyncS > 0 ? row.syncS / row.asyncS : null))}</p>
    </div>
  );
}
