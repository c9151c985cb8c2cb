'use client';
// The projector view: big type, high contrast, no controls. In the lobby, the class's join
// screen; then the board the host is on, large, the dashboard's headline figures, every board
// and the timeline, all on one screen (a projector cannot scroll) at any number of boards.
// It watches as a spectator, even in the host's browser: no secret ever reaches it.
import Link from 'next/link';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useBoard, useLink, usePaused, usePhase, useSimul, useSimulConnection, useSimulShallow, useSimulState, useVersion, useWho } from '@/lib/client/use-simul';
import type { SimulConnection } from '@/lib/client/simul-connection';
import { eventLoopView } from '@/lib/program/tasks';
import { hostBoard } from '@/lib/simul/rotation';
import type { SimulState } from '@/lib/simul/types';
import { refusalText, resultHeaders, resultWords, seatedName, simulTitle, type Words } from '@/app/words';
import { useWords } from '../language';
import { ConnectionBadge } from '../ConnectionBadge';
import { GameClocks } from '../GameClocks';
import { SimulSettings } from '../SimulSettings';
import { PausedNotice } from '../PausedNotice';
import { ClassMessageBanner } from '../class-message';
import { BoardGrid } from '../host/BoardGrid';
import { Timeline } from '../dashboard/Timeline';
import { useFigures, type useMetrics } from '../dashboard/use-metrics';
import { SimulatedTime } from '../SimulatedTime';
import { MiniBoard } from '../MiniBoard';
import { BotMarker } from '../BotMarker';
import { resultOf, ResultsTable, Tally } from '../ResultsTable';
import { fitResults, splitRows } from './fit-results';
import { useBoxSize, useMediaQuery } from '../use-box-size';
import { ProjectorBoards } from './ProjectorBoards';
import { ProjectorHeadline, type LoopCounts } from './ProjectorHeadline';
import { JoinCorner, ProjectorLobby } from './ProjectorLobby';
import { ProjectorReplay } from './ProjectorReplay';
import { DrillGoalNote } from '../DrillGoalNote';

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
        <div className="flex min-w-0 flex-1 items-center gap-x-4">
          <h1 className="max-w-[45%] min-w-0 shrink-0 truncate text-[clamp(1.75rem,5vh,4rem)] leading-tight font-black">{simulTitle(w, state)}</h1>
          {/* Beside the title, whole: it wraps within the title's height rather than being cut, and takes no row of its own (40 boards stay on one page). */}
          {phase !== 'lobby' && <SimulSettings state={state} className="min-w-0 flex-1 text-[clamp(0.8rem,1.6vh,1.25rem)] leading-snug" />}
        </div>
        <div className="flex min-w-0 items-center gap-4 text-[clamp(1rem,2.4vh,1.75rem)]">
          {phase === 'playing' && <Corner connection={connection} />}
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
      <PausedNotice paused={paused} className="text-[clamp(1.5rem,4vh,3rem)]" />
      <div className="text-[clamp(1.25rem,3vh,2.5rem)]">
        <ClassMessageBanner connection={connection} closable={false} />
      </div>
      {phase === 'lobby' ? <Lobby connection={connection} /> : <Games connection={connection} />}
    </main>
  );
});

/** The join corner: redrawn when the host opens or closes joining. */
function Corner({ connection }: { connection: SimulConnection }) {
  const joiningClosed = useSimul(connection, (v) => v.state.joiningClosed);
  const joinCode = useSimul(connection, (v) => v.state.joinCode);
  return <JoinCorner simulId={connection.simulId} joinCode={joinCode} joiningClosed={joiningClosed} />;
}

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
  if (phase === 'finished') {
    // The end screen: the figures in one row, then every result at once (up to 30 boards).
    return (
      <div className="flex min-h-0 flex-1 flex-col gap-[1.5vh]" data-testid="end-screen">
        <div className="flex shrink-0 flex-wrap items-baseline gap-x-[3vw] gap-y-[1vh]">
          <p className="text-[clamp(1.5rem,4vh,3rem)] leading-tight font-bold">{words.allOver}</p>
          <EndTally connection={connection} />
          <button className="rounded-lg bg-host px-4 py-2 text-[clamp(1rem,2.4vh,1.5rem)] font-semibold text-white" onClick={() => setReplay(true)} data-testid="replay-open">
            {scrubWords.replay}
          </button>
        </div>
        <div className="shrink-0">
          <ProjectorHeadline metrics={metrics} size="wide" />
        </div>
        <EndResults connection={connection} fixed={fixed} />
      </div>
    );
  }
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-[2vh] lg:flex-row">
      <section aria-label={words.followedBoard} className="flex min-h-0 shrink-0 flex-col gap-[1vh] lg:w-[min(32vw,44vh)]" data-testid="followed-board">
        <Followed connection={connection} />
        {headline}
      </section>
      <div className="flex min-h-0 min-w-0 flex-1 flex-col gap-[2vh]">
        {fixed ? <ProjectorBoards store={connection.store} /> : <BoardGrid store={connection.store} />}
        {timeline}
      </div>
    </div>
  );
}

/** The host's score on the end screen (the simul is over: it draws once). */
function EndTally({ connection }: { connection: SimulConnection }) {
  useVersion(connection);
  return <Tally state={connection.store.getState().state} big />;
}

/** Every result at once: fitted to the screen on a projector, one table a phone scrolls down. */
function EndResults({ connection, fixed }: { connection: SimulConnection; fixed: boolean }) {
  useVersion(connection);
  const { state } = connection.store.getState();
  return fixed ? (
    <FittedResults state={state} />
  ) : (
    <div data-testid="projector-results" data-pages={1}>
      <ResultsTable state={state} reader={{ role: 'projector' }} big withTally={false} />
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
  const w = useWords();
  const words = w.projector;
  // Where the host is (rotation.ts hostBoard): the heading every screen agrees on.
  const focus = useSimul(connection, (v) => hostBoard(v.state));
  const focused = useBoard(connection, focus ?? 0);
  const state = connection.store.getState().state;
  const opponent = focus !== null ? state.boards.get(focus)?.opponent : undefined;
  if (focus === null || !focused) return <p className="text-[clamp(1.5rem,4vh,3rem)] leading-tight font-bold">{words.hostIdle}</p>;
  return (
    <>
      <p className="flex min-w-0 flex-col text-[clamp(1.5rem,4vh,3rem)] leading-tight font-bold">
        <span className="truncate">{words.hostAt(focused.number)}</span>
        <span className="flex min-w-0 items-center gap-2 text-[0.7em] font-normal text-slate-600 dark:text-slate-300">
          <span className="truncate">{words.versus(seatedName(w, focus, opponent) ?? '')}</span>
          {opponent?.bot && <BotMarker />}
          <DrillGoalNote fen={state.boardFens[focused.number] ?? state.startFen} />
        </span>
      </p>
      {/* On a projector, the board takes the room the figures and their words leave it (a square as large as that box); a phone scrolls instead. */}
      <div className="lg:flex lg:min-h-0 lg:flex-1 lg:justify-center lg:[container-type:size]" data-testid="followed-board-box">
        <MiniBoard fen={focused.fen} flipped={focused.hostColor === 'b'} lastMove={focused.lastMove} className="w-full shrink-0 rounded-lg lg:w-[min(100cqw,100cqh)]" />
      </div>
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
    <div ref={box} className="relative h-[22%] min-h-32 shrink-0 overflow-hidden" data-testid="projector-timeline">
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

/** Each column's widest text in characters, as the projector's results table shows it. */
function columnChars(w: Words, state: SimulState): number[] {
  const rows = state.order.map((n) => {
    const b = state.boards.get(n)!;
    const said = resultWords(w, resultOf(b), { role: 'projector' });
    const name = (seatedName(w, n, b.opponent) ?? '—') + (b.opponent?.bot ? ` ${w.bots.marker}` : '');
    const color = b.hostColor === 'w' ? w.game.white : w.game.black;
    return [String(n), name, color, said?.word ?? '', said?.how ?? '', ...(state.clock ? ['00:00 · 00:00'] : []), String(b.moveCount)];
  });
  return resultHeaders(w, state.clock !== null).map((header, i) => Math.max(header.length, ...rows.map((r) => r[i].length)));
}

/**
 * Every result at once, in as many side-by-side tables as give the largest type; if a table is
 * still measured wider than its column, the type shrinks until none is.
 */
function FittedResults({ state }: { state: SimulState }) {
  const w = useWords();
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useBoxSize(box);
  const gap = 32;
  const fit = fitResults({ rows: state.order.length, width, height, columnChars: columnChars(w, state), gap, maxFont: 40, minFont: 9 });
  const [shrink, setShrink] = useState(1);
  const font = Math.max(9, Math.floor(fit.font * shrink));
  useEffect(() => setShrink(1), [width, height, state.order.length]);
  useLayoutEffect(() => {
    const tables = box.current ? [...box.current.querySelectorAll<HTMLElement>('[role="region"]')] : [];
    if (font > 9 && tables.some((t) => t.scrollWidth > t.clientWidth + 0.5)) setShrink((s) => s * 0.93);
  });
  const parts = splitRows(state.order, fit.tables);
  return (
    <div ref={box} className="min-h-0 flex-1 overflow-hidden" data-testid="projector-results" data-pages={1} data-tables={parts.length}>
      {height > 0 && (
        <div className="grid" style={{ gridTemplateColumns: `repeat(${parts.length}, minmax(0, 1fr))`, columnGap: gap }}>
          {parts.map((numbers) => (
            <ResultsTable key={numbers[0]} state={state} reader={{ role: 'projector' }} numbers={numbers} big withTally={false} fontPx={font} />
          ))}
        </div>
      )}
    </div>
  );
}
