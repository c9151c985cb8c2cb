'use client';
// The simul made into the asyncio lesson: the host as the event loop, its busy and idle
// time, the ready queue and the waiting set, every board's waits, the timeline, and the
// other mode projected from the same recorded think times. Every figure comes from the log.
import { awayBoards } from '@/lib/simul/presence';
import { isOver } from '@/lib/simul/queries';
import { useServerNow } from '../use-now';
import { formatDuration, formatPercent, formatSpeedUp, type SimulMetrics } from '@/lib/metrics';
import { eventLoopView } from '@/lib/program/tasks';
import type { EndReason, SimulState } from '@/lib/simul/types';
import { ProgramView } from '../program/ProgramView';
import { dashboardStory, resultSentence } from '@/app/words';
import { LOOKS } from '../board-look';
import { useWords } from '../language';
import { Timeline } from './Timeline';
import { SimulatedTime } from '../SimulatedTime';
import { NearScreen } from '../near-screen';

const DEFERRED = '[&>*]:[content-visibility:auto] [&>*]:[contain-intrinsic-size:auto_none_auto_12rem]';

export function Dashboard({
  state,
  metrics,
  big = false,
  codeFolded = false,
}: {
  state: SimulState;
  metrics: SimulMetrics | null;
  big?: boolean;
  /** The program's listing starts folded (the review). */
  codeFolded?: boolean;
}) {
  const words = useWords().dashboard;
  if (!metrics) {
    return <p className="text-slate-500">{words.notStarted}</p>;
  }
  return (
    // Each part is laid out and painted once it comes near the screen (the console's dashboard
    // sits under the boards, the review's under the scrubber), its size kept meanwhile; the long
    // ones are not even drawn until then (or until the page is idle).
    <div className={`flex flex-col gap-6 ${DEFERRED} ${big ? 'text-lg' : ''}`} data-testid="dashboard">
      <SimulatedTime state={state} />
      <Story metrics={metrics} />
      <div className="grid gap-4 md:grid-cols-2">
        <HostPanel state={state} metrics={metrics} />
        <Contrast metrics={metrics} />
      </div>
      <EventLoopLens state={state} />
      {/* The long parts: drawn once near the screen, or when the page is idle. */}
      <NearScreen rem={24}>
        <ProgramView state={state} codeFolded={codeFolded} />
      </NearScreen>
      <NearScreen rem={16}>
        <Timeline start={metrics.start} end={metrics.end} timeline={metrics.timeline} readyQueue={metrics.readyQueue} fontSize={big ? 16 : 11} />
      </NearScreen>
      <NearScreen rem={24}>
        <BoardTable metrics={metrics} />
      </NearScreen>
    </div>
  );
}

/** The figures in sentences, at any class size: who waited, how long, and what the other schedule would have cost. */
function Story({ metrics }: { metrics: SimulMetrics }) {
  const w = useWords();
  const words = w.dashboard;
  const noMoves = metrics.moves.length === 0;
  const sentences = dashboardStory(w, {
    mode: metrics.comparison.actual.mode,
    running: metrics.running,
    idle: metrics.idle,
    utilization: metrics.utilization,
    studentWaits: metrics.boards.filter((b) => b.opponent && b.moves > 0).map((b) => b.wait),
    actualTotal: metrics.comparison.actual.total,
    projectedTotal: noMoves ? null : metrics.comparison.projected.total,
  });
  if (sentences.length === 0) return null;
  return (
    <section className="rounded-2xl border-2 border-host/40 bg-white p-5 dark:bg-slate-900" aria-label={words.story} data-testid="dashboard-story">
      <h2 className="mb-2 text-xl font-bold">{words.story}</h2>
      {sentences.map((sentence) => (
        <p key={sentence} className="text-lg">{sentence}</p>
      ))}
    </section>
  );
}

/** A figure, its label and, shown (not only on hover), what it counts. */
function Figure({ label, value, testId, hint }: { label: string; value: string; testId?: string; hint?: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {hint && <dd className="text-xs text-slate-600 dark:text-slate-300">{hint}</dd>}
    </div>
  );
}

function HostPanel({ state, metrics }: { state: SimulState; metrics: SimulMetrics }) {
  const w = useWords();
  const words = w.dashboard;
  const lastHostMoves = metrics.moves.filter((m) => m.by === 'host').slice(-5).reverse();
  return (
    <section className="rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900" aria-label={words.host}>
      <h2 className="mb-3 text-xl font-bold">{words.hostLoop}</h2>
      <dl className="grid grid-cols-3 gap-3">
        <Figure label={words.busy} value={formatDuration(metrics.busy)} testId="host-busy" hint={words.busyHint} />
        <Figure label={words.idle} value={formatDuration(metrics.idle)} testId="host-idle" hint={words.idleHint} />
        <Figure label={words.utilization} value={formatPercent(metrics.utilization)} testId="host-utilization" hint={words.utilizationHint} />
      </dl>
      <div className="mt-3 h-4 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" role="meter" aria-label={words.hostUtilization}
        aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(metrics.utilization * 100)}>
        <div className="h-full bg-host" style={{ width: `${Math.min(100, metrics.utilization * 100)}%` }} />
      </div>
      <p className="mt-3 text-sm">
        {metrics.running ? (
          state.focus !== null ? <>{words.nowAt} <strong>{words.atBoard(state.focus)}</strong>.</> : <>{words.idleNow}</>
        ) : (
          <>{words.elapsed} <strong data-testid="elapsed">{formatDuration(metrics.elapsed)}</strong>.</>
        )}
      </p>
      {metrics.paused > 0 && <p className="mt-1 text-sm" data-testid="paused-total">{w.pause.total(formatDuration(metrics.paused))}</p>}
      {lastHostMoves.length > 0 && (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300" data-testid="last-host-moves">
          {words.lastHostMoves}{' '}
          {lastHostMoves.map((m, i) => (
            <span key={i} className="tabular-nums">
              {i > 0 && '; '}
              {words.lastHostMove(m.board, m.san, formatDuration(m.think))}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

function Contrast({ metrics }: { metrics: SimulMetrics }) {
  const words = useWords().dashboard;
  const { comparison } = metrics;
  // The projection replays recorded think times: before the first move there are none.
  const noMoves = metrics.moves.length === 0;
  return (
    <section className="rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900" aria-label={words.contrast}>
      <h2 className="mb-3 text-xl font-bold">{words.contrast}</h2>
      <dl className="grid grid-cols-2 gap-3">
        <Figure label={words.asPlayed(comparison.actual.mode, metrics.running)} value={formatDuration(comparison.actual.total)} testId="actual-total" />
        <Figure label={words.projected(comparison.projected.mode)} value={noMoves ? '—' : formatDuration(comparison.projected.total)} testId="projected-total" />
      </dl>
      <p className="mt-3 text-lg">
        {words.speedUp}: <strong data-testid="speed-up">{noMoves ? '—' : formatSpeedUp(comparison.speedUp)}</strong>
      </p>
      <p className="mt-1 text-sm text-slate-500">
        {words.projection}
        {metrics.running ? words.soFar : ''}.
      </p>
    </section>
  );
}

function Chips({ boards, look }: { boards: number[]; look: keyof typeof LOOKS }) {
  const words = useWords().dashboard;
  if (boards.length === 0) return <span className="text-sm text-slate-600 dark:text-slate-400">{words.none}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {boards.map((n) => (
        <span key={n} className={`rounded px-2 py-0.5 text-sm font-semibold tabular-nums ${LOOKS[look].chip}`}>{n}</span>
      ))}
    </span>
  );
}

function EventLoopLens({ state }: { state: SimulState }) {
  const all = useWords();
  const words = all.dashboard;
  const loop = eventLoopView(state);
  const rows: { title: string; words: string; boards: number[]; look: keyof typeof LOOKS; testId: string }[] = [
    { title: words.running, words: words.lensRows.running, boards: loop.current === null ? [] : [loop.current], look: 'host-thinking', testId: 'lens-running' },
    { title: words.readyQueue, words: words.lensRows.ready, boards: loop.ready, look: 'awaiting-host', testId: 'lens-ready' },
    { title: words.waitingSet, words: words.lensRows.waiting, boards: loop.awaiting, look: 'opponent-thinking', testId: 'lens-waiting' },
    ...(state.mode === 'sync' ? [{ title: words.notScheduled, words: words.lensRows.queued, boards: loop.notBegun, look: 'queued' as const, testId: 'lens-queued' }] : []),
    { title: words.done, words: words.lensRows.done, boards: loop.done, look: 'draw', testId: 'lens-done' },
  ];
  return (
    <section className="rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900" aria-label={words.lens}>
      <h2 className="mb-3 text-xl font-bold">{words.lensTitle}</h2>
      {loop.paused && (
        <p className="mb-3 rounded-lg bg-paused/25 px-3 py-2 font-semibold" data-testid="lens-paused">
          {all.program.paused}
        </p>
      )}
      <dl className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {rows.map((r) => (
          <div key={r.title} data-testid={r.testId}>
            <dt>
              <span className="font-semibold">{r.title}</span> <span className="text-sm text-slate-500">({r.boards.length}): {r.words}</span>
            </dt>
            <dd className="mt-1"><Chips boards={r.boards} look={r.look} /></dd>
          </div>
        ))}
      </dl>
      <AwayLines state={state} />
    </section>
  );
}

/**
 * The boards whose opponent is away, not thinking (lib/simul/presence.ts): "Board 4: opponent
 * away 2 min". The time is this page's clock, not the server's (a second or two of skew).
 */
function AwayLines({ state }: { state: SimulState }) {
  const words = useWords().classroom;
  const now = useServerNow(0);
  const away = awayBoards(state).filter((n) => !isOver(state.boards.get(n)!));
  if (away.length === 0) return null;
  return (
    <ul className="mt-3 flex flex-col gap-1 text-sm font-semibold text-violet-800 dark:text-violet-300" data-testid="away-lines">
      {away.map((n) => (
        <li key={n} data-testid={`away-line-${n}`}>{words.opponentAway(n, words.awayTime(now - state.boards.get(n)!.awaySince!))}</li>
      ))}
    </ul>
  );
}

function BoardTable({ metrics }: { metrics: SimulMetrics }) {
  const w = useWords();
  const words = w.dashboard;
  const c = words.columns;
  // Only a simul with rematches or takebacks needs their columns.
  const rematched = metrics.boards.some((b) => b.games.length > 1);
  const tookBack = metrics.boards.some((b) => b.takebacks > 0);
  return (
    <section aria-label={words.perBoard} tabIndex={0} className="overflow-x-auto rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900">
      <h2 className="mb-3 text-xl font-bold">{words.perBoard}</h2>
      <table className="w-full text-left text-sm tabular-nums" data-testid="board-table">
        <thead className="text-slate-500">
          <tr>
            <th className="pr-3">{c.board}</th><th className="pr-3">{c.opponent}</th><th className="pr-3">{c.state}</th>
            <th className="pr-3 text-right">{c.opponentThink}</th><th className="pr-3 text-right">{c.waited}</th>
            <th className="pr-3 text-right">{c.longestWait}</th><th className="pr-3 text-right">{c.moves}</th>
            {rematched && <th className="pr-3 text-right">{w.boardColumns.games}</th>}
            {tookBack && <th className="pr-3 text-right">{w.takeback.column}</th>}
            <th className="pr-3">{c.result}</th>
          </tr>
        </thead>
        <tbody>
          {metrics.boards.map((b) => (
            <tr key={b.board} className="border-t border-slate-200 dark:border-slate-800" data-testid={`board-row-${b.board}`}>
              <td className="pr-3 font-semibold">{b.board}</td>
              <td className="pr-3">{b.opponent ?? '—'}</td>
              <td className="pr-3">{words.status[b.status]}</td>
              <td className="pr-3 text-right" data-testid={`opp-think-${b.board}`}>{formatDuration(b.opponentThink)}</td>
              <td className="pr-3 text-right" data-testid={`wait-${b.board}`}>{formatDuration(b.wait)}</td>
              <td className="pr-3 text-right">{formatDuration(b.longestWait)}</td>
              <td className="pr-3 text-right">{b.moves}</td>
              {rematched && <td className="pr-3 text-right" data-testid={`games-${b.board}`}>{b.games.length}</td>}
              {tookBack && <td className="pr-3 text-right" data-testid={`takebacks-${b.board}`}>{b.takebacks}</td>}
              <td className="pr-3">{b.result ? `${b.result}${b.reason ? ` (${w.results.endReasonShort[b.reason as EndReason]})` : ''}` : b.status === 'aborted' ? resultSentence(w, { ...b, number: b.board, endReason: b.reason }, { role: 'projector' }) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
