'use client';
// The simul made into the asyncio lesson: the host as the event loop, its busy and idle
// time, the ready queue and the waiting set, every board's waits, the timeline, and the
// other mode projected from the same recorded think times. Every figure comes from the log.
import { formatDuration, formatPercent, formatSpeedUp, type SimulMetrics } from '@/lib/metrics';
import { readyQueue } from '@/lib/simul/queries';
import type { EndReason, SimulState } from '@/lib/simul/types';
import { BOARD_COLUMNS, dashboardWords as words, PAUSE_WORDS, TAKEBACK_WORDS } from '@/app/words';
import { boardLook, LOOKS } from '../board-look';
import { resultSentence } from '@/app/words';
import { Timeline } from './Timeline';
import { SimulatedTime } from '../SimulatedTime';
import { END_REASON_SHORT } from '@/app/words';

export function Dashboard({ state, metrics, big = false }: { state: SimulState; metrics: SimulMetrics | null; big?: boolean }) {
  if (!metrics) {
    return <p className="text-slate-500">The figures start when the simul starts.</p>;
  }
  return (
    <div className={`flex flex-col gap-6 ${big ? 'text-lg' : ''}`} data-testid="dashboard">
      <SimulatedTime state={state} />
      <div className="grid gap-4 md:grid-cols-2">
        <HostPanel state={state} metrics={metrics} />
        <Contrast metrics={metrics} />
      </div>
      <EventLoopLens state={state} />
      <Timeline start={metrics.start} end={metrics.end} timeline={metrics.timeline} readyQueue={metrics.readyQueue} fontSize={big ? 16 : 11} />
      <BoardTable metrics={metrics} />
    </div>
  );
}

function Figure({ label, value, testId, hint }: { label: string; value: string; testId?: string; hint?: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums" data-testid={testId} title={hint}>
        {value}
      </dd>
    </div>
  );
}

function HostPanel({ state, metrics }: { state: SimulState; metrics: SimulMetrics }) {
  const lastHostMoves = metrics.moves.filter((m) => m.by === 'host').slice(-5).reverse();
  return (
    <section className="rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900" aria-label="The host">
      <h2 className="mb-3 text-xl font-bold">The host: the event loop</h2>
      <dl className="grid grid-cols-3 gap-3">
        <Figure label={words.busy} value={formatDuration(metrics.busy)} testId="host-busy" hint={words.busyHint} />
        <Figure label={words.idle} value={formatDuration(metrics.idle)} testId="host-idle" hint={words.idleHint} />
        <Figure label={words.utilization} value={formatPercent(metrics.utilization)} testId="host-utilization" />
      </dl>
      <div className="mt-3 h-4 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" role="meter" aria-label="Host utilization"
        aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(metrics.utilization * 100)}>
        <div className="h-full bg-host" style={{ width: `${Math.min(100, metrics.utilization * 100)}%` }} />
      </div>
      <p className="mt-3 text-sm">
        {metrics.running ? (
          state.focus !== null ? <>Now at <strong>board {state.focus}</strong>.</> : <>Idle: every opponent is thinking.</>
        ) : (
          <>Elapsed <strong data-testid="elapsed">{formatDuration(metrics.elapsed)}</strong>.</>
        )}
      </p>
      {metrics.paused > 0 && <p className="mt-1 text-sm" data-testid="paused-total">{PAUSE_WORDS.total(formatDuration(metrics.paused))}</p>}
      {lastHostMoves.length > 0 && (
        <p className="mt-1 text-sm text-slate-500">
          Last host thinks:{' '}
          {lastHostMoves.map((m, i) => (
            <span key={i} className="mr-2 tabular-nums">
              b{m.board} {m.san} {formatDuration(m.think)}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

function Contrast({ metrics }: { metrics: SimulMetrics }) {
  const { comparison } = metrics;
  // The projection replays recorded think times: before the first move there are none.
  const noMoves = metrics.moves.length === 0;
  return (
    <section className="rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900" aria-label="Sync against async">
      <h2 className="mb-3 text-xl font-bold">Sync against async</h2>
      <dl className="grid grid-cols-2 gap-3">
        <Figure label={words.asPlayed(comparison.actual.mode, metrics.running)} value={formatDuration(comparison.actual.total)} testId="actual-total" />
        <Figure label={words.projected(comparison.projected.mode)} value={noMoves ? '—' : formatDuration(comparison.projected.total)} testId="projected-total" />
      </dl>
      <p className="mt-3 text-lg">
        {words.speedUp}: <strong data-testid="speed-up">{noMoves ? '—' : formatSpeedUp(comparison.speedUp)}</strong>
      </p>
      <p className="mt-1 text-sm text-slate-500">
        The projection replays the same recorded think times through the other schedule
        {metrics.running ? ', for the moves made so far' : ''}.
      </p>
    </section>
  );
}

function Chips({ boards, look }: { boards: number[]; look: keyof typeof LOOKS }) {
  if (boards.length === 0) return <span className="text-sm text-slate-600 dark:text-slate-400">none</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {boards.map((n) => (
        <span key={n} className={`rounded px-2 py-0.5 text-sm font-semibold tabular-nums ${LOOKS[look].chip}`}>{n}</span>
      ))}
    </span>
  );
}

function EventLoopLens({ state }: { state: SimulState }) {
  const running = state.focus !== null && state.phase === 'playing' ? [state.focus] : [];
  const ready = readyQueue(state).filter((n) => n !== state.focus);
  const looks = state.order.map((n) => ({ n, look: boardLook(state, state.boards.get(n)!) }));
  const waiting = looks.filter((l) => l.look === 'opponent-thinking').map((l) => l.n);
  const queued = looks.filter((l) => l.look === 'queued').map((l) => l.n);
  const done = looks.filter((l) => ['win', 'draw', 'loss', 'unfinished'].includes(l.look)).map((l) => l.n);
  const rows: { title: string; words: string; boards: number[]; look: keyof typeof LOOKS; testId: string }[] = [
    { title: words.running, words: 'the board the host is playing: the task on the event loop', boards: running, look: 'host-thinking', testId: 'lens-running' },
    { title: words.readyQueue, words: 'opponent moved, awaiting the host, in the order the host will reach them', boards: ready, look: 'awaiting-host', testId: 'lens-ready' },
    { title: words.waitingSet, words: 'opponent thinking: the task awaits I/O', boards: waiting, look: 'opponent-thinking', testId: 'lens-waiting' },
    ...(state.mode === 'sync' ? [{ title: words.notScheduled, words: 'queued: the game has not begun', boards: queued, look: 'queued' as const, testId: 'lens-queued' }] : []),
    { title: words.done, words: 'finished games', boards: done, look: 'draw', testId: 'lens-done' },
  ];
  return (
    <section className="rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900" aria-label="The asyncio lens">
      <h2 className="mb-3 text-xl font-bold">Through asyncio&apos;s eyes</h2>
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
    </section>
  );
}

function BoardTable({ metrics }: { metrics: SimulMetrics }) {
  // Only a simul with rematches or takebacks needs their columns.
  const rematched = metrics.boards.some((b) => b.games.length > 1);
  const tookBack = metrics.boards.some((b) => b.takebacks > 0);
  return (
    <section aria-label="Per board" className="overflow-x-auto rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900">
      <h2 className="mb-3 text-xl font-bold">Per board</h2>
      <table className="w-full text-left text-sm tabular-nums" data-testid="board-table">
        <thead className="text-slate-500">
          <tr>
            <th className="pr-3">Board</th><th className="pr-3">Opponent</th><th className="pr-3">State</th>
            <th className="pr-3 text-right">Opponent think</th><th className="pr-3 text-right">Waited for host</th>
            <th className="pr-3 text-right">Longest wait</th><th className="pr-3 text-right">Moves</th>
            {rematched && <th className="pr-3 text-right">{BOARD_COLUMNS.games}</th>}
            {tookBack && <th className="pr-3 text-right">{TAKEBACK_WORDS.column}</th>}
            <th className="pr-3">Result</th>
          </tr>
        </thead>
        <tbody>
          {metrics.boards.map((b) => (
            <tr key={b.board} className="border-t border-slate-200 dark:border-slate-800" data-testid={`board-row-${b.board}`}>
              <td className="pr-3 font-semibold">{b.board}</td>
              <td className="pr-3">{b.opponent ?? '—'}</td>
              <td className="pr-3">{b.status}</td>
              <td className="pr-3 text-right" data-testid={`opp-think-${b.board}`}>{formatDuration(b.opponentThink)}</td>
              <td className="pr-3 text-right" data-testid={`wait-${b.board}`}>{formatDuration(b.wait)}</td>
              <td className="pr-3 text-right">{formatDuration(b.longestWait)}</td>
              <td className="pr-3 text-right">{b.moves}</td>
              {rematched && <td className="pr-3 text-right" data-testid={`games-${b.board}`}>{b.games.length}</td>}
              {tookBack && <td className="pr-3 text-right" data-testid={`takebacks-${b.board}`}>{b.takebacks}</td>}
              <td className="pr-3">{b.result ? `${b.result}${b.reason ? ` (${END_REASON_SHORT[b.reason as EndReason]})` : ''}` : b.status === 'aborted' ? resultSentence({ ...b, number: b.board, endReason: b.reason }, { role: 'projector' }) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
