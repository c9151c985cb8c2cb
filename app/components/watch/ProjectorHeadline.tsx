// The dashboard's headline figures: the host's busy and idle time, the two schedules' totals and
// the speed-up. On the projector in type read from the back of the room; on the console in one
// row above the boards, in view while the host plays. The dashboard shows the same figures with
// their details.
import { formatDuration, formatPercent, formatSpeedUp, type SimulMetrics } from '@/lib/metrics';
import { useWords } from '../language';

type Size = 'projector' | 'wide' | 'console';

const TYPE: Record<Size, { labelType: string; valueType: string; grid: string }> = {
  projector: {
    labelType: 'text-[clamp(0.875rem,2.2vh,1.5rem)]',
    valueType: 'text-[clamp(1.25rem,3.2vh,2.5rem)]',
    grid: 'grid grid-cols-2 gap-x-[1.5vw] gap-y-[1vh]',
  },
  /** The projector's end screen: the figures in one row. */
  wide: {
    labelType: 'text-[clamp(0.875rem,2.2vh,1.5rem)]',
    valueType: 'text-[clamp(1.25rem,3.6vh,2.75rem)]',
    grid: 'grid grid-cols-2 gap-x-[2vw] gap-y-[1vh] sm:grid-cols-3 lg:grid-cols-6',
  },
  console: { labelType: 'text-xs', valueType: 'text-lg', grid: 'grid grid-cols-3 gap-x-3 gap-y-1 xl:grid-cols-6' },
};

function Figure({ label, hint, value, testId, size }: { label: string; hint?: string; value: string; testId: string; size: Size }) {
  return (
    <div className="min-w-0">
      <dt className={`truncate ${TYPE[size].labelType} leading-tight text-slate-600 dark:text-slate-300`}>
        {label}
        {/* The class reads what the figure is, on the end screen (the figures' own row: room for it). */}
        {hint && size === 'wide' && (
          <span className="block text-[0.75em] whitespace-normal" data-testid={`${testId}-hint`}>
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
  return (
    <dl className={TYPE[size].grid} data-testid={size === 'console' ? 'console-headline' : 'projector-headline'}>
      <Figure label={words.busy} value={formatDuration(metrics.busy)} testId={id('host-busy')} size={size} />
      <Figure label={words.idle} value={formatDuration(metrics.idle)} testId={id('host-idle')} size={size} />
      <Figure label={words.utilization} value={formatPercent(metrics.utilization)} testId={id('host-utilization')} size={size} />
      <Figure label={projectorWords.asPlayed(comparison.actual.mode)} hint={projectorWords.asPlayedHint} value={formatDuration(comparison.actual.total)} testId={id('actual-total')} size={size} />
      <Figure label={projectorWords.projected(comparison.projected.mode)} hint={projectorWords.projectedHint(comparison.projected.mode)} value={noMoves ? '—' : formatDuration(comparison.projected.total)} testId={id('projected-total')} size={size} />
      <Figure label={projectorWords.speedUp} value={noMoves ? '—' : formatSpeedUp(comparison.speedUp)} testId={id('speed-up')} size={size} />
      {metrics.running && loop && (
        <>
          <Figure label={words.readyQueue} value={words.boards(loop.ready)} testId={id('projector-ready')} size={size} />
          <Figure label={words.waitingSet} value={words.boards(loop.waiting)} testId={id('projector-waiting')} size={size} />
        </>
      )}
    </dl>
  );
}
