'use client';
// The projector view: big type, high contrast, no controls: the board the host is on,
// large, beside the live dashboard, following the host as it moves on.
import Link from 'next/link';
import { useSimulConnection, useSimulView } from '@/lib/client/use-simul';
import type { SimulConnection, SimulView } from '@/lib/client/simul-connection';
import { refusalText } from '@/app/words';
import { ConnectionBadge } from '../ConnectionBadge';
import { Dashboard } from '../dashboard/Dashboard';
import { SIMULATED_READ_MS, useMetrics } from '../dashboard/use-metrics';
import { BoardGrid } from '../host/BoardGrid';
import { MiniBoard } from '../MiniBoard';
import { ResultsTable } from '../ResultsTable';
import { useServerNow } from '../use-now';

export function WatchView({ simulId }: { simulId: string }) {
  const connection = useSimulConnection(simulId);
  if (!connection) return <p className="p-8 text-2xl text-slate-500">Opening…</p>;
  return <Watch connection={connection} />;
}

/** The dashboard with its own one-second clock: nothing else on the projector redraws with it. */
function LiveDashboard({ view }: { view: SimulView }) {
  const simulated = view.state.exhibition !== null;
  const now = useServerNow(view.clockOffset, simulated ? SIMULATED_READ_MS : 1000);
  const metrics = useMetrics(view.log, view.version, now, view.state.phase === 'playing', simulated);
  return <Dashboard state={view.state} metrics={metrics} big />;
}

function Watch({ connection }: { connection: SimulConnection }) {
  const view = useSimulView(connection);
  const { state } = view;
  if (view.problem && view.version === 0) return <p className="p-8 text-2xl">{refusalText(view.problem)}</p>;
  if (view.version === 0) return <p className="p-8 text-2xl text-slate-500">Opening…</p>;
  const focused = state.focus !== null ? state.boards.get(state.focus) : null;
  return (
    <main className="flex flex-col gap-6 p-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-4xl font-black">{state.title}</h1>
        <div className="flex items-center gap-4">
          {state.phase === 'finished' && <Link href={`/review/${state.simulId}`} className="text-xl text-host underline">Review</Link>}
          <ConnectionBadge status={view.status} />
        </div>
      </header>
      {state.phase === 'lobby' && (
        <p className="text-3xl">
          Waiting for the host to start · join code <span className="font-mono font-bold">{state.joinCode}</span>
        </p>
      )}
      {state.phase !== 'lobby' && (
        <div className="grid gap-6 xl:grid-cols-[minmax(0,34rem)_1fr]">
          <section aria-label="The board the host is on" className="flex flex-col gap-4" data-testid="followed-board">
            {focused ? (
              <>
                <p className="text-3xl font-bold">
                  Host at board {focused.number} <span className="font-normal text-slate-500">vs {focused.opponent?.name}</span>
                </p>
                <MiniBoard
                  fen={focused.chess.fen()}
                  flipped={focused.hostColor === 'b'}
                  lastMove={focused.lastMove ? focused.lastMove.from + focused.lastMove.to : null}
                  className="rounded-lg !text-[min(5vw,3.2rem)]"
                />
              </>
            ) : (
              <p className="text-3xl font-bold">
                {state.phase === 'finished' ? 'All games are over' : 'The host is idle: every opponent is thinking'}
              </p>
            )}
            <BoardGrid store={connection.store} />
          </section>
          <LiveDashboard view={view} />
        </div>
      )}
      {state.phase === 'finished' && <ResultsTable state={state} />}
    </main>
  );
}
