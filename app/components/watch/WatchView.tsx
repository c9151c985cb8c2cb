'use client';
// The projector view: big type, high contrast, no controls. In the lobby, the class's join
// screen; then the board the host is on, large, the dashboard's headline figures, every board
// and the timeline, all on one screen (a projector cannot scroll) at any number of boards.
// It watches as a spectator, even in the host's browser: no secret ever reaches it.
import Link from 'next/link';
import { memo, useMemo, useRef, useState } from 'react';
import { useBoard, useFocus, useLink, usePaused, usePhase, useSimul, useSimulConnection, useSimulShallow, useSimulState, useVersion, useWho } from '@/lib/client/use-simul';
import type { SimulConnection } from '@/lib/client/simul-connection';
import { eventLoopView } from '@/lib/program/tasks';
import type { SimulState } from '@/lib/simul/types';
import { refusalText } from '@/app/words';
import { useWords } from '../language';
import { ConnectionBadge } from '../ConnectionBadge';
import { GameClocks } from '../GameClocks';
import { SimulSettings } from '../SimulSettings';
import { PausedNotice } from '../PausedNotice';
import { BoardGrid } from '../host/BoardGrid';
import { Timeline } from '../dashboard/Timeline';
import { useFigures, type useMetrics } from '../dashboard/use-metrics';
import { SimulatedTime } from '../SimulatedTime';
import { MiniBoard } from '../MiniBoard';
import { BotMarker } from '../BotMarker';
import { ResultsTable } from '../ResultsTable';
import { useBoxSize, useMediaQuery } from '../use-box-size';
import { ProjectorBoards } from './ProjectorBoards';
import { ProjectorHeadline, type LoopCounts } from './ProjectorHeadline';
import { ProjectorLobby } from './ProjectorLobby';
import { ProjectorReplay } from './ProjectorReplay';
import { usePage } from './use-page';

export function WatchView({ simulId }: { simulId: string }) {
  const connection = useSimulConnection(simulId, 'log', 'watcher');
  const words = useWords().projector;
  if (!connection) return <p className="p-8 text-2xl text-slate-500">{words.opening}</p>;
  return <Watch connection={connection} />;
}

function loopCounts(state: SimulState): LoopCounts {
  const loop = eventLoopView(state);
  return { ready: loop.ready.length, waiting: loop.awaiting.length };
}

/** The projector's shell: it reads only what changes the page's outline, not the moves. */
const Watch = memo(function Watch({ connection }: { connection: SimulConnection }) {
  const who = useWho(connection);
  const phase = usePhase(connection);
  const { status } = useLink(connection);
  const state = useSimulState(connection);
  const paused = usePaused(connection);
  const w = useWords();
  const words = w.projector;
  if (who.problem && !who.loaded) return <p className="p-8 text-2xl">{refusalText(w, who.problem)}</p>;
  if (!who.loaded) return <p className="p-8 text-2xl text-slate-500">{words.opening}</p>;
  return (
    <main className="relative flex flex-col gap-[1.5vh] p-[1.5vh] lg:h-dvh lg:overflow-hidden" data-testid="projector" data-no-controls>
      <header className="flex shrink-0 flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <h1 className="min-w-0 truncate text-[clamp(1.75rem,5vh,4rem)] leading-tight font-black">{state.title}</h1>
        <div className="flex items-center gap-4 text-[clamp(1rem,2.4vh,1.75rem)]">
          {phase === 'finished' && (
            <Link href={`/review/${state.simulId}`} className="text-host underline">
              {words.review}
            </Link>
          )}
          <ConnectionBadge status={status} />
        </div>
      </header>
      {state.hostBot && (
        <p className="flex items-center gap-2 text-2xl" data-testid="host-bot">
          <BotMarker /> {w.bots.hostIsBot}
        </p>
      )}
      <Simulated connection={connection} />
      {phase !== 'lobby' && <SimulSettings state={state} className="text-[clamp(0.9rem,1.8vh,1.4rem)]" />}
      <PausedNotice paused={paused} className="text-[clamp(1.5rem,4vh,3rem)]" />
      {phase === 'lobby' ? <Lobby connection={connection} /> : <Games connection={connection} />}
    </main>
  );
});

/** An exhibition's note, which counts the games that ended early: it redraws with every fold of an exhibition only. */
function Simulated({ connection }: { connection: SimulConnection }) {
  useSimul(connection, (v) => (v.state.exhibition ? v.version : 0));
  return <SimulatedTime state={connection.store.getState().state} className="text-[clamp(1rem,2.4vh,1.75rem)]" />;
}

/** The class's join screen draws the whole lobby: it redraws on every fold (there are no moves yet). */
function Lobby({ connection }: { connection: SimulConnection }) {
  useVersion(connection);
  return <ProjectorLobby state={connection.store.getState().state} />;
}

/** The games under way or over: the followed board or the results on the left, the rest beside it. */
function Games({ connection }: { connection: SimulConnection }) {
  const phase = usePhase(connection);
  const words = useWords().projector;
  // The figures' own one-second clock (an exhibition's are read at its last event, four times a second).
  const metrics = useFigures(connection);
  const loop = useSimulShallow(connection, (v) => loopCounts(v.state));
  // A projector-sized screen holds everything at once; a phone scrolls down instead.
  const fixed = useMediaQuery('(min-width: 64rem)');
  const scrubWords = useWords().scrub;
  const [replay, setReplay] = useState(false);
  // The figures are drawn again when they are read again (once a second while playing), not on every fold.
  const headline = useMemo(() => <ProjectorHeadline metrics={metrics} loop={loop} />, [metrics, loop]);
  const timeline = useMemo(
    () =>
      metrics &&
      (fixed ? (
        <FittedTimeline metrics={metrics} />
      ) : (
        <Timeline start={metrics.start} end={metrics.end} timeline={metrics.timeline} readyQueue={metrics.readyQueue} />
      )),
    [metrics, fixed],
  );
  if (replay && phase === 'finished') return <Replay connection={connection} live={metrics} onClose={() => setReplay(false)} />;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-[2vh] lg:flex-row">
      <section
        aria-label={words.followedBoard}
        className={`flex min-h-0 shrink-0 flex-col gap-[1vh] ${phase === 'finished' ? 'lg:w-[48vw]' : 'lg:w-[min(32vw,44vh)]'}`}
        data-testid="followed-board"
      >
        {phase === 'finished' ? (
          <>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="text-[clamp(1.5rem,4vh,3rem)] leading-tight font-bold">{words.allOver}</p>
              <button className="rounded-lg bg-host px-4 py-2 text-[clamp(1rem,2.4vh,1.5rem)] font-semibold text-white" onClick={() => setReplay(true)} data-testid="replay-open">
                {scrubWords.replay}
              </button>
            </div>
            <PagedResults connection={connection} fixed={fixed} />
          </>
        ) : (
          <Followed connection={connection} />
        )}
        {phase !== 'finished' && headline}
      </section>
      <div className="flex min-h-0 min-w-0 flex-1 flex-col gap-[2vh]">
        {phase === 'finished' && headline}
        {fixed ? <ProjectorBoards store={connection.store} /> : <BoardGrid store={connection.store} />}
        {timeline}
      </div>
    </div>
  );
}

/** After the games: the recorded simul scrubbed on the projector (it redraws with the log). */
function Replay({ connection, live, onClose }: { connection: SimulConnection; live: ReturnType<typeof useMetrics>; onClose: () => void }) {
  useVersion(connection);
  return <ProjectorReplay view={connection.store.getState()} live={live} onClose={onClose} />;
}

/** The board the host is on, large: redrawn when the host moves on or that board changes. */
const Followed = memo(function Followed({ connection }: { connection: SimulConnection }) {
  const words = useWords().projector;
  const focus = useFocus(connection);
  const focused = useBoard(connection, focus ?? 0);
  const opponent = focus !== null ? connection.store.getState().state.boards.get(focus)?.opponent : undefined;
  if (focus === null || !focused) return <p className="text-[clamp(1.5rem,4vh,3rem)] leading-tight font-bold">{words.hostIdle}</p>;
  return (
    <>
      <p className="flex min-w-0 flex-col text-[clamp(1.5rem,4vh,3rem)] leading-tight font-bold">
        <span className="truncate">{words.hostAt(focused.number)}</span>
        <span className="flex min-w-0 items-center gap-2 text-[0.7em] font-normal text-slate-600 dark:text-slate-300">
          <span className="truncate">{words.versus(opponent?.name ?? '')}</span>
          {opponent?.bot && <BotMarker />}
        </span>
      </p>
      <MiniBoard fen={focused.fen} flipped={focused.hostColor === 'b'} lastMove={focused.lastMove} className="w-full shrink-0 rounded-lg" />
    </>
  );
});

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
function PagedResults({ connection, fixed }: { connection: SimulConnection; fixed: boolean }) {
  useVersion(connection);
  const { state } = connection.store.getState();
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
