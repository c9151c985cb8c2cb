// The dashboard's headline figures: the host's busy and idle time, the two schedules' totals and
// the speed-up. On the projector in type read from the back of the room; on the console in one
// row above the boards, in view while the host plays. The dashboard shows the same figures with
// their details.
import { formatDuration, formatPercent, formatSpeedUp, type SimulMetrics } from '@/lib/metrics';
import { useWords } from '../language';

type Size = 'projector' | 'wide' | 'console';

const TYPE: Record<Size, { labelType: string; valueType: string; hintType: string; grid: string }> = {
  /** The playing column, beside the boards: two figures a row, the two schedules' totals first, each said in words. */
  projector: {
    labelType: 'text-[clamp(0.875rem,2.2vh,1.5rem)]',
    valueType: 'text-[clamp(1.25rem,3.2vh,2.5rem)]',
    hintType: 'text-[max(0.875em,14px)]',
    grid: 'grid grid-cols-2 gap-x-[1.5vw] gap-y-[1vh]',
  },
  /** The projector's end screen: the figures in one row. */
  wide: {
    labelType: 'text-[clamp(0.875rem,2.2vh,1.5rem)]',
    valueType: 'text-[clamp(1.25rem,3.6vh,2.75rem)]',
    hintType: 'text-[0.75em]',
    grid: 'grid grid-cols-2 gap-x-[2vw] gap-y-[1vh] sm:grid-cols-3 lg:grid-cols-6',
  },
  /** The console's one row: no room for the words under the names. */
  console: { labelType: 'text-xs', valueType: 'text-lg', hintType: '', grid: 'grid grid-cols-3 gap-x-3 gap-y-1 xl:grid-cols-6' },
};

function Figure({ label, hint, value, testId, size }: { label: string; hint?: string; value: string; testId: string; size: Size }) {
  return (
    // A pair's values on one line, whichever of the two has more words above it.
    <div className="flex min-w-0 flex-col justify-between">
      <dt className={`truncate ${TYPE[size].labelType} leading-tight text-slate-600 dark:text-slate-300`}>
        {label}
        {/* The class reads what the figure is, on the projector while playing and at the end (not in the console's one row). */}
        {hint && size !== 'console' && (
          <span className={`block ${TYPE[size].hintType} leading-snug whitespace-normal`} data-testid={`${testId}-hint`}>
            {hint}
          </span>
        )}
      </dt>
      <dd className={`truncate ${TYPE[size].valueType} leading-tight font-bold tabular-nums`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** The event loop's ready queue and waiting set, as the asyncio lens names them (counts: the boards show which). */
export interface LoopCounts {
  ready: number;
  waiting: number;
}

export function ProjectorHeadline({ metrics, loop, size = 'projector' }: { metrics: SimulMetrics | null; loop?: LoopCounts; size?: Size }) {
  const { dashboard: words, projector: projectorWords } = useWords();
  if (!metrics) return null;
  const { comparison } = metrics;
  // The projection replays recorded think times: before the first move there are none.
  const noMoves = metrics.moves.length === 0;
  // The console's dashboard shows the same figures under the usual ids.
  const id = (name: string) => (size === 'console' ? `headline-${name}` : name);
  const busy = <Figure key="busy" label={words.busy} value={formatDuration(metrics.busy)} testId={id('host-busy')} size={size} />;
  const idle = <Figure key="idle" label={words.idle} value={formatDuration(metrics.idle)} testId={id('host-idle')} size={size} />;
  const utilization = <Figure key="utilization" label={words.utilization} value={formatPercent(metrics.utilization)} testId={id('host-utilization')} size={size} />;
  const asPlayed = (
    <Figure key="as-played" label={projectorWords.asPlayed(comparison.actual.mode)} hint={projectorWords.asPlayedHint} value={formatDuration(comparison.actual.total)} testId={id('actual-total')} size={size} />
  );
  const projected = (
    <Figure
      key="projected"
      label={projectorWords.projected(comparison.projected.mode)}
      hint={projectorWords.projectedHint(comparison.projected.mode)}
      value={noMoves ? '—' : formatDuration(comparison.projected.total)}
      testId={id('projected-total')}
      size={size}
    />
  );
  const speedUp = <Figure key="speed-up" label={projectorWords.speedUp} value={noMoves ? '—' : formatSpeedUp(comparison.speedUp)} testId={id('speed-up')} size={size} />;
  // In the playing column's pairs, the story first: the two totals side by side (their words
  // under them in one row), then the speed-up; elsewhere in the dashboard's order.
  const figures = size === 'projector' ? [asPlayed, projected, speedUp, utilization, busy, idle] : [busy, idle, utilization, asPlayed, projected, speedUp];
  return (
    <dl className={TYPE[size].grid} data-testid={size === 'console' ? 'console-headline' : 'projector-headline'}>
      {figures}
      {metrics.running && loop && (
        <>
          <Figure label={words.readyQueue} value={words.boards(loop.ready)} testId={id('projector-ready')} size={size} />
          <Figure label={words.waitingSet} value={words.boards(loop.waiting)} testId={id('projector-waiting')} size={size} />
        </>
      )}
    </dl>
  );
}
