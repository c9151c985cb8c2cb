// The dashboard's headline figures, for the projector: the host's busy and idle time, the
// two schedules' totals and the speed-up, in type read from the back of the room. The console
// and the review show the same figures with their details (Dashboard).
import { formatDuration, formatPercent, formatSpeedUp, type SimulMetrics } from '@/lib/metrics';
import { useWords } from '../language';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="min-w-0">
      <dt className="truncate text-[clamp(0.875rem,2.2vh,1.5rem)] leading-tight text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="truncate text-[clamp(1.25rem,3.2vh,2.5rem)] leading-tight font-bold tabular-nums" data-testid={testId}>
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

export function ProjectorHeadline({ metrics, loop }: { metrics: SimulMetrics | null; loop: LoopCounts }) {
  const { dashboard: words, projector: projectorWords } = useWords();
  if (!metrics) return null;
  const { comparison } = metrics;
  // The projection replays recorded think times: before the first move there are none.
  const noMoves = metrics.moves.length === 0;
  return (
    <dl className="grid grid-cols-2 gap-x-[1.5vw] gap-y-[1vh]" data-testid="projector-headline">
      <Figure label={words.busy} value={formatDuration(metrics.busy)} testId="host-busy" />
      <Figure label={words.idle} value={formatDuration(metrics.idle)} testId="host-idle" />
      <Figure label={words.utilization} value={formatPercent(metrics.utilization)} testId="host-utilization" />
      <Figure label={projectorWords.asPlayed(comparison.actual.mode)} value={formatDuration(comparison.actual.total)} testId="actual-total" />
      <Figure label={projectorWords.projected(comparison.projected.mode)} value={noMoves ? '—' : formatDuration(comparison.projected.total)} testId="projected-total" />
      <Figure label={projectorWords.speedUp} value={noMoves ? '—' : formatSpeedUp(comparison.speedUp)} testId="speed-up" />
      {metrics.running && (
        <>
          <Figure label={words.readyQueue} value={words.boards(loop.ready)} testId="projector-ready" />
          <Figure label={words.waitingSet} value={words.boards(loop.waiting)} testId="projector-waiting" />
        </>
      )}
    </dl>
  );
}
