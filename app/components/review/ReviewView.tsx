'use client';
// The post-game review at the simul's public link: the comparison and the timeline first,
// details below, downloads at hand. With ?with=<id>, two simuls side by side.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useSimulConnection, useVersion, useWho } from '@/lib/client/use-simul';
import type { SimulConnection, SimulView } from '@/lib/client/simul-connection';
import { downloadText } from '@/lib/export/download';
import { simulLogJson } from '@/lib/export/json';
import { moveTimingsCsv } from '@/lib/export/csv';
import { simulPgn } from '@/lib/export/pgn';
import { refusalText, simulTitle } from '@/app/words';
import { useWords } from '../language';
import type { SimulState } from '@/lib/simul/types';
import type { SimulMetrics } from '@/lib/metrics';
import { Dashboard } from '../dashboard/Dashboard';
import { Timeline } from '../dashboard/Timeline';
import { useMetrics } from '../dashboard/use-metrics';
import { ResultsTable } from '../ResultsTable';
import { AwayTotals } from '../classroom';
import { GameViewer } from './GameViewer';
import { CompareTable } from './CompareTable';
import { SimulatedTime } from '../SimulatedTime';
import { ScrubBoards } from './ScrubBoards';
import { ScrubControls } from './ScrubControls';
import { useScrub, type Scrub } from './use-scrub';

export function ReviewView({ simulId, withId }: { simulId: string; withId: string | null }) {
  const a = useSimulConnection(simulId);
  const b = useSimulConnection(withId);
  const words = useWords().review;
  if (!a) return <p className="p-8 text-slate-500">{words.loading}</p>;
  return <Review a={a} b={b} />;
}

function Review({ a, b }: { a: SimulConnection; b: SimulConnection | null }) {
  const who = useWho(a);
  const w = useWords();
  if (who.problem && !who.loaded) return <p className="p-8 text-xl">{refusalText(w, who.problem)}</p>;
  if (!who.loaded) return <p className="p-8 text-slate-500">{w.review.loading}</p>;
  return b ? <Compare a={a} b={b} /> : <Single connection={a} />;
}

/**
 * The review draws the whole simul from its log: it redraws when the log grows (a page of a long
 * log, or an event of a simul still running), not when the link comes and goes.
 */
function useFolded(connection: SimulConnection): SimulView {
  useVersion(connection);
  return connection.store.getState();
}

/** A review does not tick: a simul still running is measured to the last render. */
function useReviewMetrics(view: SimulView): SimulMetrics | null {
  return useMetrics(view.log, view.version, Date.now() + view.clockOffset, view.state.phase !== 'finished', view.state.exhibition !== null, () => view.state);
}

function Downloads({ view }: { view: SimulView }) {
  const words = useWords().review;
  const id = view.state.simulId;
  const site = typeof window === 'undefined' ? '' : window.location.origin;
  const button = 'rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';
  return (
    <div className="flex flex-wrap gap-2" aria-label={words.downloads}>
      <button className={button} data-testid="download-pgn" onClick={() => downloadText(`simul-${id}.pgn`, 'application/x-chess-pgn', simulPgn(view.log, site))}>
        {words.pgn}
      </button>
      <button className={button} data-testid="download-csv" onClick={() => downloadText(`simul-${id}-moves.csv`, 'text/csv', moveTimingsCsv(view.log))}>
        {words.csv}
      </button>
      <button className={button} data-testid="download-json" onClick={() => downloadText(`simul-${id}-log.json`, 'application/json', simulLogJson(view.log))}>
        {words.json}
      </button>
    </div>
  );
}

function CompareWith({ simulId }: { simulId: string }) {
  const router = useRouter();
  const words = useWords().review;
  const [other, setOther] = useState('');
  return (
    <form
      className="flex flex-wrap items-center gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const id = other.trim().split('/').filter(Boolean).pop()?.split('?')[0] ?? '';
        if (id) router.push(`/review/${simulId}?with=${encodeURIComponent(id)}`);
      }}
    >
      <label htmlFor="compare-with" className="text-slate-500">{words.compareWith}</label>
      <input id="compare-with" value={other} onChange={(e) => setOther(e.target.value)} placeholder={words.compareHint}
        className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800" />
      <button className="rounded bg-slate-900 px-3 py-1 font-semibold text-white dark:bg-slate-100 dark:text-slate-900">{words.compare}</button>
    </form>
  );
}

function Header({ view }: { view: SimulView }) {
  const { state } = view;
  const w = useWords();
  const words = w.review;
  return (
    <header className="flex flex-col gap-2">
      <h1 className="text-3xl font-black" data-testid="review-title">{state.title}</h1>
      <p className="text-slate-500">
        {words.mode(state.mode)} ·{' '}
        {words.boards(state.order.length)} · {words.startedAt(state.startedAt ?? state.createdAt)}
        {state.phase !== 'finished' ? words.stillRunning : <> · <span data-testid="review-end">{w.simulEnd.reviewEnd(state.endedEarly)}</span></>}
      </p>
      <SimulatedTime state={state} />
    </header>
  );
}

/** The scrubber over the recorded simul, and every board at the moment it shows. */
function ScrubPanel({ scrub, state }: { scrub: Scrub; state: SimulState }) {
  const scrubWords = useWords().scrub;
  return (
    <section aria-label={scrubWords.title} className="flex min-w-0 flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900" data-testid="scrubber">
      <h2 className="text-xl font-bold">{scrubWords.title}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">{scrubWords.intro}</p>
      <ScrubControls scrub={scrub} />
      <ScrubBoards state={state} />
    </section>
  );
}

function Single({ connection }: { connection: SimulConnection }) {
  const view = useFolded(connection);
  const words = useWords().review;
  const live = useReviewMetrics(view);
  const scrub = useScrub(view.log);
  // The dashboard follows the scrubber; at the end, the figures as the log stands.
  const state = scrub.moment?.state ?? view.state;
  const metrics = scrub.moment ? scrub.moment.metrics : live;
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 p-6" data-testid="review">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Header view={view} />
        <Downloads view={view} />
      </div>
      <CompareWith simulId={view.state.simulId} />
      {live ? (
        <>
          <ScrubPanel scrub={scrub} state={state} />
          <Dashboard state={state} metrics={metrics} codeFolded />
        </>
      ) : (
        <p>{words.neverStarted}</p>
      )}
      <ResultsTable state={view.state} reader={{ role: 'projector' }} />
      <AwayTotals state={view.state} now={Date.now() + view.clockOffset} />
      {live && <GameViewer state={view.state} metrics={live} log={view.log} />}
      <Link href="/" className="text-host underline">{words.home}</Link>
    </main>
  );
}

function Compare({ a: connectionA, b }: { a: SimulConnection; b: SimulConnection }) {
  const a = useFolded(connectionA);
  const viewB = useFolded(b);
  const w = useWords();
  const words = w.review;
  const ma = useReviewMetrics(a);
  const mb = useReviewMetrics(viewB); // null until its log arrives
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 p-6" data-testid="review-compare">
      <h1 className="text-3xl font-black">{words.sideBySide}</h1>
      {viewB.problem && viewB.version === 0 ? (
        <p role="alert" className="text-loss">{words.secondSimul} {refusalText(w, viewB.problem)}</p>
      ) : null}
      <CompareTable a={{ state: a.state, metrics: ma }} b={viewB.version > 0 ? { state: viewB.state, metrics: mb } : null} />
      {[{ view: a, m: ma }, { view: viewB, m: mb }].map(({ view, m }, i) =>
        view.version > 0 && m ? (
          <section key={i} className="rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900">
            <h2 className="mb-2 text-xl font-bold">
              {simulTitle(w, view.state)} <span className="font-normal text-slate-500">({view.state.mode})</span>
            </h2>
            <SimulatedTime state={view.state} className="mb-3" />
            <Timeline start={m.start} end={m.end} timeline={m.timeline} readyQueue={m.readyQueue} title={simulTitle(w, view.state)} />
          </section>
        ) : null,
      )}
      <Link href={`/review/${a.state.simulId}`} className="text-host underline">{words.backTo(simulTitle(w, a.state))}</Link>
    </main>
  );
}
