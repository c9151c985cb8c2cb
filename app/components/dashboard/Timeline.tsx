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

/** The smallest type a row's board number is written in, in px. */
const MIN_LABEL = 5.5;
/**
 * The smallest type a row's board number is read in from the back of the room, in px. A fitted
 * timeline whose rows would be thinner than that is drawn in columns side by side instead (the
 * ready queue in a column of its own), so that at 24 or 40 boards every row still has its number.
 */
const LEGIBLE = 10;
/** A column of a timeline drawn side by side is never narrower than this, in px. */
const MIN_COLUMN = 140;

/** A column of rows (one, unless the rows are drawn side by side): where it is and which rows it holds. */
interface Column {
  x: number;
  width: number;
  first: number;
  count: number;
}

/** The drawing's measures: fixed (it scales with its width), or fitted to a box (the projector). */
interface Measures {
  width: number;
  height: number;
  /** Room above the first row, for its label. */
  top: number;
  row: number;
  gap: number;
  /** The type of the rows' board numbers. */
  labelSize: number;
  /** Every how many rows a board number is written: every one unless rows are thinner than MIN_LABEL. */
  labelEvery: number;
  /** The width of a column's board numbers, left of its rows. */
  label: number;
  columns: Column[];
  /** The ready-queue chart's box (its name written above it); the time runs across it as across a column. */
  queue: { x: number; width: number; top: number; height: number };
  /** Where the time axis's labels stand. */
  axis: number;
  /** The queue chart's name, in as many lines as its width needs. */
  queueName: string[];
}

/** `text` in lines of at most `width` px in `fontSize` type (a character taken as 0.6 em wide: the wide end of the page's fonts). */
function wrap(text: string, width: number, fontSize: number): string[] {
  const most = Math.max(8, Math.floor(width / (fontSize * 0.6)));
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const line = lines.at(-1);
    if (line !== undefined && line.length + 1 + word.length <= most) lines[lines.length - 1] = `${line} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function measures(rows: number, fontSize: number, queueName: string, fit?: { width: number; height: number }): Measures {
  if (!fit) return stacked(rows, fontSize, WIDTH, queueName, { row: ROW, gap: GAP, queueHeight: QUEUE_HEIGHT, top: 0, labelSize: fontSize, labelEvery: 1, label: LABEL });
  // The box holds the rows, the ready-queue chart (a fifth of it) and the axis labels.
  const queueHeight = Math.max(2 * fontSize, Math.min(QUEUE_HEIGHT, fit.height / 5));
  // Rows may be thinner than a pixel at 100 boards on a small screen: the states still show as bands.
  const pitch = Math.max(0.25, (fit.height - queueHeight - 4 * fontSize - 6) / Math.max(1, rows));
  const label = Math.max(LABEL, fontSize * 2.6);
  if (pitch * 0.95 >= LEGIBLE || rows <= 1) {
    return stacked(rows, fontSize, fit.width, queueName, { row: pitch * 0.8, gap: pitch * 0.2, queueHeight, top: fontSize / 2, labelSize: Math.min(fontSize, pitch * 0.95), labelEvery: 1, label });
  }
  return sideBySide(rows, fontSize, queueName, fit);
}

/** One column of rows, the ready-queue chart under it, the time axis under both. */
function stacked(
  rows: number,
  fontSize: number,
  width: number,
  queueName: string,
  m: { row: number; gap: number; queueHeight: number; top: number; labelSize: number; labelEvery: number; label: number },
): Measures {
  const queueTop = m.top + rows * (m.row + m.gap) + fontSize * 2;
  const height = queueTop + m.queueHeight + fontSize * 1.5 + 6;
  return {
    width,
    height,
    top: m.top,
    row: m.row,
    gap: m.gap,
    labelSize: m.labelSize,
    labelEvery: m.labelEvery,
    label: m.label,
    columns: [{ x: 0, width, first: 0, count: rows }],
    queue: { x: 0, width, top: queueTop, height: m.queueHeight },
    axis: height - 6,
    queueName: [queueName],
  };
}

/**
 * The rows in as few columns side by side as give each its board number in LEGIBLE type (the
 * time running across each column alike), the ready-queue chart in a last column of its own;
 * where even the narrowest columns cannot, as many as fit, the numbers as large as the rows allow.
 */
function sideBySide(rows: number, fontSize: number, queueName: string, fit: { width: number; height: number }): Measures {
  const spacing = fontSize;
  // A row's number is no taller than its row: the first needs no room above it.
  const top = 2;
  const axisRoom = fontSize * 1.5 + 6;
  // The rows end a little above the axis's labels (their tops stand about 1.25 em above the drawing's foot).
  const area = Math.max(1, fit.height - top - fontSize * 1.25 - 6);
  const widthOf = (k: number) => (fit.width - k * spacing) / (k + 1);
  let count = 1;
  for (let k = 1; k <= rows && widthOf(k) >= MIN_COLUMN; k++) {
    count = k;
    if ((area / Math.ceil(rows / k)) * 0.95 >= LEGIBLE) break;
  }
  const perColumn = Math.ceil(rows / count);
  const pitch = Math.max(0.25, area / perColumn);
  const labelSize = Math.min(fontSize, Math.max(MIN_LABEL, pitch * 0.95));
  const columnWidth = widthOf(count);
  const columns: Column[] = [];
  for (let i = 0; i < count; i++) {
    const first = i * perColumn;
    if (first < rows) columns.push({ x: i * (columnWidth + spacing), width: columnWidth, first, count: Math.min(perColumn, rows - first) });
  }
  const label = labelSize * 0.62 * String(rows).length + 10;
  const name = wrap(queueName, columnWidth - label, fontSize);
  const queueTop = top + fontSize * 1.5 + (name.length - 1) * fontSize * 1.2;
  return {
    width: fit.width,
    height: fit.height,
    top,
    row: pitch * 0.8,
    gap: pitch * 0.2,
    labelSize,
    labelEvery: Math.ceil(Math.min(fontSize, MIN_LABEL) / pitch),
    // Room for the widest board number, in its own type.
    label,
    columns,
    queue: { x: count * (columnWidth + spacing), width: columnWidth, top: queueTop, height: Math.max(fontSize, fit.height - axisRoom - queueTop) },
    axis: fit.height - 6,
    queueName: name,
  };
}

/** Time marks every round step, at most `most` of them across the drawing. */
function ticks(span: number, most = 8): number[] {
  const steps = [10e3, 30e3, 60e3, 120e3, 300e3, 600e3, 900e3, 1800e3, 3600e3, 7200e3];
  const step = steps.find((s) => span / s <= most) ?? 14400e3;
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
  const maxQueue = Math.max(1, ...readyQueue.map((p) => p.length));
  const m = measures(timeline.length, fontSize, words.queueAxis(maxQueue), fit);
  const span = Math.max(end - start, 1);
  /** Where time `t` stands across a column (or the queue's box) at `left`, `width` wide. */
  const across = (left: number, width: number) => (t: number) => left + m.label + ((t - start) / span) * (width - m.label);
  const qx = across(m.queue.x, m.queue.width);
  const qy = (len: number) => m.queue.top + m.queue.height - (len / maxQueue) * m.queue.height;
  let path = '';
  readyQueue.forEach((p, i) => {
    path += i === 0 ? `M${qx(p.at)},${qy(p.length)}` : `H${qx(p.at)}V${qy(p.length)}`;
  });
  const queueBottom = m.queue.top + m.queue.height;
  // The time axis under each column and under the queue: marks as many as its width has room for.
  const axes = [...m.columns.map((c) => ({ x: c.x, width: c.width, bottom: m.top + c.count * (m.row + m.gap) })), { x: m.queue.x, width: m.queue.width, bottom: queueBottom }];
  const stackedQueue = m.columns.length === 1 && m.queue.x === m.columns[0].x;
  const gridBottom = (a: (typeof axes)[number]) => (stackedQueue ? queueBottom : a.bottom);
  const uniqueAxes = stackedQueue ? [axes[0]] : axes;
  // The room a time label takes: the longest one (the span's), a character 0.6 em, and a space.
  const tickRoom = (formatDuration(span).length * 0.6 + 1) * fontSize;
  // The legend names only the states this timeline shows (nothing is queued in an async simul).
  const occurring = new Set(timeline.flatMap((row) => row.segments.map((s) => s.state)));
  const summary = words.timelineSummary(title ?? words.timeline, timeline.length, formatDuration(span), maxQueue);

  return (
    <figure className="w-full" data-testid="timeline">
      <svg viewBox={`0 0 ${m.width} ${m.height}`} className="h-auto w-full" role="img" aria-label={summary} data-columns={m.columns.length}>
        <defs>
          <pattern id="queued-stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="var(--color-queued)" opacity="0.45" />
            <rect width="3" height="6" fill="var(--color-queued)" />
          </pattern>
        </defs>
        {m.columns.map((c) =>
          timeline.slice(c.first, c.first + c.count).map((row, i) => (
            <Row
              key={row.board}
              row={row}
              y={m.top + i * (m.row + m.gap)}
              x={across(c.x, c.width)}
              fontSize={m.labelSize}
              height={m.row}
              label={(c.first + i) % m.labelEvery === 0 ? c.x + m.label : null}
            />
          )),
        )}
        <text x={m.queue.x + m.label} y={m.queue.top - fontSize * 0.5 - (m.queueName.length - 1) * fontSize * 1.2} fontSize={fontSize} fill="currentColor" data-testid="queue-name">
          {m.queueName.map((line, i) => (
            <tspan key={i} x={m.queue.x + m.label} dy={i === 0 ? 0 : fontSize * 1.2}>
              {line}
            </tspan>
          ))}
        </text>
        <line x1={m.queue.x + m.label} x2={m.queue.x + m.queue.width} y1={queueBottom} y2={queueBottom} stroke="currentColor" opacity="0.3" />
        <path d={path} fill="none" stroke="var(--color-ready)" strokeWidth="2" />
        {uniqueAxes.map((a) => {
          const ax = across(a.x, a.width);
          const right = a.x + a.width;
          return ticks(span, Math.max(2, Math.min(8, Math.floor((a.width - m.label) / tickRoom)))).map((t) => (
            <g key={`${a.x}-${t}`}>
              <line x1={ax(start + t)} x2={ax(start + t)} y1={0} y2={gridBottom(a)} stroke="currentColor" opacity="0.08" />
              {/* A label near the right edge ends there, rather than being cut in half by it. */}
              <text x={ax(start + t)} y={m.axis} fontSize={fontSize} textAnchor={ax(start + t) > right - fontSize * 3 ? 'end' : 'middle'} fill="currentColor" opacity="0.7" data-testid="time-tick">
                {formatDuration(t)}
              </text>
            </g>
          ));
        })}
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
