'use client';
// An exhibition's race: its two simuls (sync and async, played by bots on simulated clocks)
// side by side, each with its headline figures above its boards and its live dashboard below.
// When the async side is over it says when and how much sooner; the sync side then counts
// down to its end as the async side's recorded think times project it. When both are over,
// the review's comparison of the two opens.
import Link from 'next/link';
import { ICONS } from '../icons';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { credentials } from '@/lib/client/saved-credentials';
import { request } from '@/lib/client/request';
import { useStore } from 'zustand';
import { useSimulConnection, useSimulView } from '@/lib/client/use-simul';
import type { SimulConnection, SimulView } from '@/lib/client/simul-connection';
import { formatDuration, formatSpeedUp } from '@/lib/metrics';
import { refusalText } from '@/app/words';
import { useWords } from '../language';
import { ProjectorHeadline } from '../watch/ProjectorHeadline';
import { ConnectionBadge } from '../ConnectionBadge';
import { Dashboard } from '../dashboard/Dashboard';
import { SIMULATED_READ_MS, useMetrics } from '../dashboard/use-metrics';
import { BoardGrid } from '../host/BoardGrid';
import { useServerNow } from '../use-now';

export function ExhibitionView({ simulId }: { simulId: string }) {
  const first = useSimulConnection(simulId);
  const words = useWords().exhibition;
  if (!first) return <p className="p-8 text-2xl text-slate-500">{words.opening}</p>;
  return <WithPair first={first} />;
}

function WithPair({ first }: { first: SimulConnection }) {
  const w = useWords();
  const words = w.exhibition;
  // Only what picks the pair: the race below redraws with each simul's own events.
  const loaded = useStore(first.store, (s) => s.version > 0);
  const problem = useStore(first.store, (s) => (s.version === 0 ? s.problem : null));
  const pair = useStore(first.store, (s) => s.state.exhibition?.pair ?? null);
  const mode = useStore(first.store, (s) => s.state.mode);
  const second = useSimulConnection(pair);
  if (problem) return <p className="p-8 text-2xl">{refusalText(w, problem)}</p>;
  if (!loaded) return <p className="p-8 text-2xl text-slate-500">{words.opening}</p>;
  if (!pair) {
    return (
      <p className="p-8 text-2xl">
        {words.notExhibition}{' '}
        <Link href={`/watch/${first.simulId}`} className="text-host underline">
          {words.watchIt}
        </Link>
      </p>
    );
  }
  if (!second) return <p className="p-8 text-2xl text-slate-500">{words.opening}</p>;
  const [sync, async] = mode === 'sync' ? [first, second] : [second, first];
  return <Race sync={sync} async={async} />;
}

/** What the async side's finished simul says: how long it took, and what its think times give sync. */
interface AsyncFinish {
  elapsed: number;
  /** Sync's total over the same recorded think times (the async simul's projection). */
  syncProjected: number;
  speedUp: number | null;
}

function Race({ sync, async }: { sync: SimulConnection; async: SimulConnection }) {
  const words = useWords().exhibition;
  const router = useRouter();
  const syncOver = useStore(sync.store, (s) => s.state.phase === 'finished');
  const asyncOver = useStore(async.store, (s) => s.state.phase === 'finished');
  const [asyncFinish, setAsyncFinish] = useState<AsyncFinish | null>(null);
  const compare = `/review/${sync.simulId}?with=${async.simulId}`;
  useEffect(() => {
    if (syncOver && asyncOver) router.push(compare);
  }, [syncOver, asyncOver, compare, router]);
  return (
    <main className="flex flex-col gap-4 p-4 sm:p-6" data-testid="exhibition">
      <header className="flex flex-col gap-2">
        <Link href="/lesson" className="inline-flex w-fit items-center gap-1 text-base text-host underline">
          {ICONS.left} {words.backToLesson}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-black sm:text-4xl">{words.raceTitle}</h1>
          {!(syncOver && asyncOver) && <StopButton simulId={sync.simulId} />}
        </div>
        {syncOver && asyncOver && (
          <p role="status" className="text-xl">
            {words.bothOver}{' '}
            <Link href={compare} className="text-host underline">
              {words.openingComparison}
            </Link>
            …
          </p>
        )}
      </header>
      <div className="grid gap-6 xl:grid-cols-2">
        <Side connection={sync} asyncFinish={asyncFinish} />
        <Side connection={async} onAsyncFinish={setAsyncFinish} />
      </div>
    </main>
  );
}

/** For the browser that started the exhibition (it holds its key): ends both simuls. */
function StopButton({ simulId }: { simulId: string }) {
  const w = useWords();
  const words = w.exhibition;
  const [key, setKey] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setKey(credentials.exhibitionKey(simulId)), [simulId]);
  if (!key) return null;
  async function stop() {
    setBusy(true);
    setError(null);
    const res = await request('exhibition:stop', { simulId, hostKey: key }, 15_000);
    setBusy(false);
    if (!res.ok) setError(refusalText(w, res.error));
  }
  return (
    <>
      <button type="button" onClick={stop} disabled={busy} className="rounded-lg border-2 border-slate-400 px-4 py-2 text-lg font-semibold" data-testid="stop-exhibition">
        {words.stop}
      </button>
      {error && <p role="alert">{error}</p>}
    </>
  );
}

function Side({
  connection,
  asyncFinish = null,
  onAsyncFinish,
}: {
  connection: SimulConnection;
  asyncFinish?: AsyncFinish | null;
  onAsyncFinish?: (finish: AsyncFinish) => void;
}) {
  const view = useSimulView(connection);
  const { state } = view;
  const w = useWords();
  const words = w.exhibition;
  // Read four times a second at the simul's last event, and drawn only when its figures are
  // read: an exhibition sends hundreds of events a second.
  const now = useServerNow(0, SIMULATED_READ_MS);
  const metrics = useMetrics(view.log, view.version, now, state.phase === 'playing', true, () => view.state);
  const finished = state.phase === 'finished';
  const elapsed = (state.finishedAt ?? view.log[view.log.length - 1]?.at ?? 0) - (state.startedAt ?? 0);
  useEffect(() => {
    if (finished && metrics && onAsyncFinish && state.mode === 'async') {
      onAsyncFinish({ elapsed, syncProjected: metrics.comparison.projected.total, speedUp: metrics.comparison.speedUp });
    }
  }, [finished, metrics, onAsyncFinish, state.mode, elapsed]);
  const dashboard = useMemo(() => <Dashboard state={state} metrics={metrics} />, [state, metrics]);
  if (view.problem && view.version === 0) return <p className="text-xl">{refusalText(w, view.problem)}</p>;
  if (view.version === 0) return <p className="text-xl text-slate-500">{words.opening}</p>;
  const title = words.side(state.mode);
  return (
    <section className="flex min-w-0 flex-col gap-3" aria-label={title} data-testid={`race-${state.mode}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-2xl font-bold">{title}</h2>
        <ConnectionBadge status={view.status} />
      </div>
      <Progress view={view} elapsed={elapsed} />
      {state.mode === 'async' && finished && metrics && (
        <p className="rounded-lg bg-host/10 px-3 py-2 text-lg font-semibold" role="status" data-testid="race-async-finished">
          {words.asyncFinished(formatDuration(elapsed), metrics.comparison.speedUp === null ? null : formatSpeedUp(metrics.comparison.speedUp))}
        </p>
      )}
      {finished && state.serverEnding && (
        <p className="rounded-lg bg-waiting/15 px-3 py-2 text-lg font-semibold" role="status" data-testid="race-server-ended">
          {words.serverEnded(state.serverEnding)}
        </p>
      )}
      {state.mode === 'sync' && !finished && asyncFinish && (
        <p className="rounded-lg bg-waiting/15 px-3 py-2 text-lg font-semibold tabular-nums" role="timer" aria-live="off" data-testid="race-sync-countdown">
          {words.syncLeft(formatDuration(Math.max(0, asyncFinish.syncProjected - elapsed)), formatDuration(asyncFinish.syncProjected))}
        </p>
      )}
      <div className="rounded-xl bg-white px-3 py-2 shadow-sm dark:bg-slate-900">
        <ProjectorHeadline metrics={metrics} size="console" />
      </div>
      <BoardGrid store={connection.store} />
      {dashboard}
    </section>
  );
}

/** How far the race has come: moves made of every game's move pairs, and the simulated time so far. */
function Progress({ view, elapsed }: { view: SimulView; elapsed: number }) {
  const words = useWords().exhibition;
  const { state } = view;
  const pairs = state.exhibition?.movePairs ?? 0;
  let moves = 0;
  for (const n of state.order) moves += state.boards.get(n)!.moveCount;
  const total = 2 * pairs * state.order.length;
  const done = state.phase === 'finished';
  return (
    <div className="flex flex-col gap-1">
      <div
        className="h-4 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        role="progressbar"
        aria-label={words.movesPlayed(state.mode)}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={moves}
      >
        <div className={`h-full ${state.mode === 'async' ? 'bg-host' : 'bg-waiting'}`} style={{ width: `${total ? (100 * moves) / total : 0}%` }} />
      </div>
      <p className="text-lg tabular-nums" data-testid={`race-${state.mode}-elapsed`}>
        {words.progress(moves, total)} · <strong>{state.startedAt === null ? '—' : formatDuration(elapsed)}</strong>{' '}
        {words.simulated(done)}
      </p>
    </div>
  );
}
