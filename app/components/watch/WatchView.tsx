'use client';
// The projector view: big type, high contrast, no controls. In the lobby, the class's join
// screen; then the board the host is on, large, the dashboard's headline figures, every board
// and the timeline, all on one screen (a projector cannot scroll) at any number of boards.
// It watches as a spectator, even in the host's browser: no secret ever reaches it.
import Link from 'next/link';
import { useRef } from 'react';
import { useSimulConnection, useSimulView } from '@/lib/client/use-simul';
import type { SimulConnection, SimulView } from '@/lib/client/simul-connection';
import { readyQueue } from '@/lib/simul/queries';
import type { SimulState } from '@/lib/simul/types';
import { projectorWords as words, refusalText } from '@/app/words';
import { boardLook } from '../board-look';
import { ConnectionBadge } from '../ConnectionBadge';
import { GameClocks } from '../GameClocks';
import { SimulSettings } from '../SimulSettings';
import { PausedNotice } from '../PausedNotice';
import { BoardGrid } from '../host/BoardGrid';
import { Timeline } from '../dashboard/Timeline';
import { SIMULATED_READ_MS, useMetrics } from '../dashboard/use-metrics';
import { SimulatedTime } from '../SimulatedTime';
import { MiniBoard } from '../MiniBoard';
import { BotMarker } from '../BotMarker';
import { botWords } from '@/app/words';
import { ResultsTable } from '../ResultsTable';
import { useBoxSize, useMediaQuery } from '../use-box-size';
import { useServerNow } from '../use-now';
import { ProjectorBoards } from './ProjectorBoards';
import { ProjectorHeadline, type LoopCounts } from './ProjectorHeadline';
import { ProjectorLobby } from './ProjectorLobby';
import { usePage } from './use-page';

export function WatchView({ simulId }: { simulId: string }) {
  const connection = useSimulConnection(simulId, 'log', 'watcher');
  if (!connection) return <p className="p-8 text-2xl text-slate-500">{words.opening}</p>;
  return <Watch connection={connection} />;
}

function loopCounts(state: SimulState): LoopCounts {
  const running = state.focus !== null && state.phase === 'playing' ? state.focus : null;
  const looks = state.order.map((n) => boardLook(state, state.boards.get(n)!));
  return {
    ready: readyQueue(state).filter((n) => n !== running).length,
    waiting: looks.filter((l) => l === 'opponent-thinking').length,
  };
}

function Watch({ connection }: { connection: SimulConnection }) {
  const view = useSimulView(connection);
  const { state } = view;
  if (view.problem && view.version === 0) return <p className="p-8 text-2xl">{refusalText(view.problem)}</p>;
  if (view.version === 0) return <p className="p-8 text-2xl text-slate-500">{words.opening}</p>;
  return (
    <main className="relative flex flex-col gap-[1.5vh] p-[1.5vh] lg:h-dvh lg:overflow-hidden" data-testid="projector">
      <header className="flex shrink-0 flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <h1 className="min-w-0 truncate text-[clamp(1.75rem,5vh,4rem)] leading-tight font-black">{state.title}</h1>
        <div className="flex items-center gap-4 text-[clamp(1rem,2.4vh,1.75rem)]">
          {state.phase === 'finished' && (
            <Link href={`/review/${state.simulId}`} className="text-host underline">
              {words.review}
            </Link>
          )}
          <ConnectionBadge status={view.status} />
        </div>
      </header>
      {state.hostBot && (
        <p className="flex items-center gap-2 text-2xl" data-testid="host-bot">
          <BotMarker /> {botWords.hostIsBot}
        </p>
      )}
      <SimulatedTime state={state} className="text-[clamp(1rem,2.4vh,1.75rem)]" />
      {state.phase !== 'lobby' && <SimulSettings state={state} className="text-[clamp(0.9rem,1.8vh,1.4rem)]" />}
      <PausedNotice paused={state.pausedSince !== null} className="text-[clamp(1.5rem,4vh,3rem)]" />
      {state.phase === 'lobby' ? <ProjectorLobby state={state} /> : <Games connection={connection} view={view} />}
    </main>
  );
}

/** The games under way or over: the followed board or the results on the left, the rest beside it. */
function Games({ connection, view }: { connection: SimulConnection; view: SimulView }) {
  const { state } = view;
  // The figures' own one-second clock (an exhibition's are read at its last event, four times a second).
  const simulated = state.exhibition !== null;
  const now = useServerNow(view.clockOffset, simulated ? SIMULATED_READ_MS : 1000);
  const metrics = useMetrics(view.log, view.version, now, state.phase === 'playing', simulated);
  const focused = state.focus !== null ? state.boards.get(state.focus) : null;
  // A projector-sized screen holds everything at once; a phone scrolls down instead.
  const fixed = useMediaQuery('(min-width: 64rem)');
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-[2vh] lg:flex-row">
      <section
        aria-label={words.followedBoard}
        className={`flex min-h-0 shrink-0 flex-col gap-[1vh] ${state.phase === 'finished' ? 'lg:w-[48vw]' : 'lg:w-[min(32vw,44vh)]'}`}
        data-testid="followed-board"
      >
        {state.phase === 'finished' ? (
          <>
            <p className="text-[clamp(1.5rem,4vh,3rem)] leading-tight font-bold">{words.allOver}</p>
            <PagedResults state={state} fixed={fixed} />
          </>
        ) : focused ? (
          <>
            <p className="flex min-w-0 flex-col text-[clamp(1.5rem,4vh,3rem)] leading-tight font-bold">
              <span className="truncate">{words.hostAt(focused.number)}</span>
              <span className="flex min-w-0 items-center gap-2 text-[0.7em] font-normal text-slate-600 dark:text-slate-300">
                <span className="truncate">{words.versus(focused.opponent?.name ?? '')}</span>
                {focused.opponent?.bot && <BotMarker />}
              </span>
            </p>
            <MiniBoard
              fen={focused.chess.fen()}
              flipped={focused.hostColor === 'b'}
              lastMove={focused.lastMove ? focused.lastMove.from + focused.lastMove.to : null}
              className="w-full shrink-0 rounded-lg"
            />
          </>
        ) : (
          <p className="text-[clamp(1.5rem,4vh,3rem)] leading-tight font-bold">{words.hostIdle}</p>
        )}
        {state.phase !== 'finished' && <ProjectorHeadline metrics={metrics} loop={loopCounts(state)} />}
      </section>
      <div className="flex min-h-0 min-w-0 flex-1 flex-col gap-[2vh]">
        {state.phase === 'finished' && <ProjectorHeadline metrics={metrics} loop={loopCounts(state)} />}
        {fixed ? <ProjectorBoards store={connection.store} /> : <BoardGrid store={connection.store} />}
        {metrics &&
          (fixed ? (
            <FittedTimeline metrics={metrics} />
          ) : (
            <Timeline start={metrics.start} end={metrics.end} timeline={metrics.timeline} readyQueue={metrics.readyQueue} />
          ))}
      </div>
    </div>
  );
}

/** The timeline in the lower part of the screen, its rows thinning as boards are added. */
function FittedTimeline({ metrics }: { metrics: NonNullable<ReturnType<typeof useMetrics>> }) {
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useBoxSize(box);
  const fontSize = Math.round(Math.min(22, Math.max(12, height / 14)));
  // The legend takes a line under the drawing.
  const legend = fontSize * 1.5 + 8;
  return (
    <div ref={box} className="relative h-[25%] min-h-32 shrink-0 overflow-hidden" data-testid="projector-timeline">
      {width > 0 && height > legend && (
        <Timeline
          start={metrics.start}
          end={metrics.end}
          timeline={metrics.timeline}
          readyQueue={metrics.readyQueue}
          fontSize={fontSize}
          fit={{ width, height: height - legend }}
        />
      )}
    </div>
  );
}

/** The results, as many rows as the column holds, a page at a time (all of them on a phone). */
function PagedResults({ state, fixed }: { state: SimulState; fixed: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const { height } = useBoxSize(box);
  const row = typeof window === 'undefined' ? 32 : Math.max(16, window.innerHeight * 0.026) * 1.75;
  // The tally and the table's header take about three rows.
  const perPage = fixed ? Math.max(1, Math.floor((height - 3 * row) / row)) : state.order.length;
  const pages = Math.ceil(state.order.length / perPage);
  const page = usePage(pages);
  const shown = state.order.slice(page * perPage, page * perPage + perPage);
  return (
    <div ref={box} className="min-h-0 flex-1 overflow-hidden" data-testid="projector-results" data-pages={pages}>
      {(!fixed || height > 0) && <ResultsTable state={state} reader={{ role: 'projector' }} numbers={shown} big />}
    </div>
  );
}
