'use client';
// One row per board, time across: host think, opponent think, waiting for the host and
// (sync) queued, plus the ready-queue length over time. SVG, so 40 boards and an hour stay crisp.
import { memo } from 'react';
import { formatDuration, type BoardTimeline, type ReadyPoint, type SegmentState } from '@/lib/metrics';
import { SEGMENTS } from './segment-colors';
import { useWords } from '../language';

const ROW = 14;
const GAP = 3;
const LABEL = 34;
const WIDTH = 1000;
const QUEUE_HEIGHT = 70;

/** The drawing's measures: fixed (it scales with its width), or fitted to a box (the projector). */
interface Measures {
  width: number;
  /** Room above the first row, for its label. */
  top: number;
  row: number;
  gap: number;
  queueHeight: number;
  /** The type of the rows' board numbers. */
  labelSize: number;
  /** Every how many rows a board number is written: every one unless rows are thinner than MIN_LABEL. */
  labelEvery: number;
}

/** The smallest type a row's board number is written in, in px. */
const MIN_LABEL = 5.5;

function measures(rows: number, fontSize: number, fit?: { width: number; height: number }): Measures {
  if (!fit) return { width: WIDTH, top: 0, row: ROW, gap: GAP, queueHeight: QUEUE_HEIGHT, labelSize: fontSize, labelEvery: 1 };
  // The box holds the rows, the ready-queue chart (a fifth of it) and the axis labels.
  const queueHeight = Math.max(2 * fontSize, Math.min(QUEUE_HEIGHT, fit.height / 5));
  // Rows may be thinner than a pixel at 100 boards on a small screen: the states still show as bands.
  const pitch = Math.max(0.25, (fit.height - queueHeight - 4 * fontSize - 6) / Math.max(1, rows));
  return {
    width: fit.width,
    top: fontSize / 2,
    row: pitch * 0.8,
    gap: pitch * 0.2,
    queueHeight,
    // Every row named: the numbers shrink with the rows, down to the smallest type still read.
    labelSize: Math.min(fontSize, Math.max(MIN_LABEL, pitch * 0.95)),
    labelEvery: Math.ceil(Math.min(fontSize, MIN_LABEL) / pitch),
  };
}

function ticks(span: number): number[] {
  const steps = [10e3, 30e3, 60e3, 120e3, 300e3, 600e3, 900e3, 1800e3, 3600e3, 7200e3];
  const step = steps.find((s) => span / s <= 8) ?? 14400e3;
  const out: number[] = [];
  for (let t = 0; t <= span; t += step) out.push(t);
  return out;
}

/**
 * One board's row: one path per state, whatever the number of segments (a 100-board simul has
 * thousands: one element each would be most of the page's work), and one title with the totals.
 */
function Row({ row, y, x, fontSize, height, label }: { row: BoardTimeline; y: number; x: (t: number) => number; fontSize: number; height: number; label: number | null }) {
  const parts = new Map<SegmentState, string[]>();
  const totals = new Map<SegmentState, number>();
  const top = `,${y.toFixed(2)}h`;
  const down = `v${height.toFixed(2)}h`;
  for (const s of row.segments) {
    const left = x(s.from);
    const width = Math.max(0.6, x(s.to) - left).toFixed(2);
    let list = parts.get(s.state);
    if (!list) parts.set(s.state, (list = []));
    list.push(`M${left.toFixed(2)}${top}${width}${down}-${width}z`);
    totals.set(s.state, (totals.get(s.state) ?? 0) + (s.to - s.from));
  }
  const paths = [...parts].map(([state, list]) => [state, list.join('')] as const);
  const words = useWords().dashboard;
  const title = words.rowTitle(row.board, [...totals].map(([state, ms]) => words.segmentTotal(words.segments[state], formatDuration(ms))));
  // The state the board is in at the timeline's end (a test reads where the open host-think is).
  return (
    <g data-testid={`timeline-row-${row.board}`} data-last={row.segments.at(-1)?.state ?? ''}>
      <title>{title}</title>
      {label !== null && (
        <text x={label - 6} y={y + height / 2} dominantBaseline="central" textAnchor="end" fontSize={fontSize} fill="currentColor" data-testid="row-label">
          {row.board}
        </text>
      )}
      {paths.map(([state, d]) => (
        <path key={state} d={d} fill={SEGMENTS[state].fill} />
      ))}
    </g>
  );
}

export const Timeline = memo(function Timeline({
  start,
  end,
  timeline,
  readyQueue,
  title,
  fontSize = 11,
  fit,
}: {
  start: number;
  end: number;
  timeline: BoardTimeline[];
  readyQueue: ReadyPoint[];
  title?: string;
  /** Larger on the projector, read from the back of the room. */
  fontSize?: number;
  /** The box to fill, in px (the projector, which cannot scroll); else the drawing scales with its width. */
  fit?: { width: number; height: number };
}) {
  const words = useWords().dashboard;
  const m = measures(timeline.length, fontSize, fit);
  const label = fit ? Math.max(LABEL, fontSize * 2.6) : LABEL;
  const span = Math.max(end - start, 1);
  const x = (t: number) => label + ((t - start) / span) * (m.width - label);
  const rowsHeight = timeline.length * (m.row + m.gap);
  const maxQueue = Math.max(1, ...readyQueue.map((p) => p.length));
  const queueTop = m.top + rowsHeight + fontSize * 2;
  const qy = (len: number) => queueTop + m.queueHeight - (len / maxQueue) * m.queueHeight;
  let path = '';
  readyQueue.forEach((p, i) => {
    path += i === 0 ? `M${x(p.at)},${qy(p.length)}` : `H${x(p.at)}V${qy(p.length)}`;
  });
  const height = queueTop + m.queueHeight + fontSize * 1.5 + 6;
  // The legend names only the states this timeline shows (nothing is queued in an async simul).
  const occurring = new Set(timeline.flatMap((row) => row.segments.map((s) => s.state)));
  const summary = words.timelineSummary(title ?? words.timeline, timeline.length, formatDuration(span), maxQueue);

  return (
    <figure className="w-full" data-testid="timeline">
      <svg viewBox={`0 0 ${m.width} ${height}`} className="h-auto w-full" role="img" aria-label={summary}>
        <defs>
          <pattern id="queued-stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="var(--color-queued)" opacity="0.45" />
            <rect width="3" height="6" fill="var(--color-queued)" />
          </pattern>
        </defs>
        {timeline.map((row, i) => (
          <Row key={row.board} row={row} y={m.top + i * (m.row + m.gap)} x={x} fontSize={m.labelSize} height={m.row} label={i % m.labelEvery === 0 ? label : null} />
        ))}
        <text x={label} y={queueTop - fontSize * 0.5} fontSize={fontSize} fill="currentColor">
          {words.queueAxis(maxQueue)}
        </text>
        <line x1={label} x2={m.width} y1={queueTop + m.queueHeight} y2={queueTop + m.queueHeight} stroke="currentColor" opacity="0.3" />
        <path d={path} fill="none" stroke="var(--color-ready)" strokeWidth="2" />
        {ticks(span).map((t) => (
          <g key={t}>
            <line x1={x(start + t)} x2={x(start + t)} y1={0} y2={queueTop + m.queueHeight} stroke="currentColor" opacity="0.08" />
            {/* A label near the right edge ends there, rather than being cut in half by it. */}
            <text x={x(start + t)} y={height - 6} fontSize={fontSize} textAnchor={x(start + t) > m.width - fontSize * 3 ? 'end' : 'middle'} fill="currentColor" opacity="0.7" data-testid="time-tick">
              {formatDuration(t)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {Object.entries(SEGMENTS).filter(([key]) => occurring.has(key as SegmentState)).map(([key, s]) => (
          <span key={key} className="inline-flex items-center gap-1">
            <span className={`inline-block h-3 w-5 rounded-sm ${key === 'queued' ? 'queued-stripes bg-queued/40' : ''}`} style={key === 'queued' ? undefined : { background: s.fill }} aria-hidden />
            {words.segments[key as SegmentState]}
          </span>
        ))}
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-0.5 w-5 bg-ready" aria-hidden /> {words.queueLegend}
        </span>
        <span className="sr-only">{summary} {words.timeRuns}</span>
      </figcaption>
    </figure>
  );
});
