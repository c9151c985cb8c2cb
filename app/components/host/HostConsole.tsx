'use client';
// The teacher's console: the focused board large, every board as a mini board, the next
// board awaiting the host one key away (N). Nothing secret is ever shown.
import Link from 'next/link';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { SimulConnection } from '@/lib/client/simul-connection';
import { SimulController } from '@/lib/client/simul-controller';
import {
  useBoard,
  useFocus,
  useLink,
  useOptimistic,
  usePaused,
  usePhase,
  useQueue,
  useSimul,
  useSimulConnection,
  useSimulShallow,
  useSimulState,
  useTally,
  useVersion,
  useWho,
} from '@/lib/client/use-simul';
import { turnRefusal } from '@/lib/simul/decide';
import { isOver } from '@/lib/simul/queries';
import { hostThinkingOn, lastHostMove, nextBoard } from '@/lib/simul/rotation';
import { takebackRefusal, takebacksAllowed } from '@/lib/simul/takeback-rule';
import { refusalText } from '@/app/words';
import { useWords } from '../language';
import { PausedNotice } from '../PausedNotice';
import { ProjectorHeadline } from '../watch/ProjectorHeadline';
import { Dashboard } from '../dashboard/Dashboard';
import { useFigures } from '../dashboard/use-metrics';
import { ClaimDraw } from '../ClaimDraw';
import { ConnectionBadge } from '../ConnectionBadge';
import { GameClocks } from '../GameClocks';
import { SimulSettings } from '../SimulSettings';
import { RefusalNotice } from '../RefusalNotice';
import { PlayBoard } from '../PlayBoard';
import { ResultsTable } from '../ResultsTable';
import { WaitTime } from '../WaitTime';
import { BoardGrid } from './BoardGrid';
import { BotMarker } from '../BotMarker';
import { Lobby } from './Lobby';
import { ReissueSeatButton } from './ReissueSeatButton';
import { MessageForm, StandInControls } from '../classroom';
import { TypedMove } from './TypedMove';
import { boardLook, LOOKS } from '../board-look';
import { ICONS } from '../icons';

export function HostConsole({ simulId }: { simulId: string }) {
  const connection = useSimulConnection(simulId);
  const w = useWords();
  if (!connection) return <p className="p-8 text-slate-500">{w.console.opening}</p>;
  return <Console connection={connection} />;
}

/**
 * The console's shell: it reads only what changes the page's outline (who this is, the phase),
 * so a move redraws the boards it touched, the focus and the figures, not this.
 */
export const Console = memo(function Console({ connection }: { connection: SimulConnection }) {
  const who = useWho(connection);
  const phase = usePhase(connection);
  const state = useSimulState(connection);
  const controller = useMemo(() => new SimulController(connection), [connection]);
  const w = useWords();
  const words = w.console;

  // Keyboard: N jumps to the next board awaiting the host; arrows step through the boards. Bound
  // once: it reads the simul as it is when a key is pressed.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      // A key the page already used (the arrows between the big board's squares) is not the console's.
      if (e.defaultPrevented) return;
      const { state } = connection.store.getState();
      if (state.phase !== 'playing') return;
      const nextReady = nextBoard(state);
      const live = state.order.filter((n) => state.boards.get(n)!.status === 'playing');
      if ((e.key === 'n' || e.key === 'N') && nextReady !== null) {
        void controller.focus(nextReady);
      } else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && live.length > 0) {
        const at = state.focus === null ? -1 : live.indexOf(state.focus);
        const step = e.key === 'ArrowRight' ? 1 : -1;
        const target = live[(at + step + live.length) % live.length];
        void controller.focus(target);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [connection, controller]);

  if (who.problem && who.role !== 'host') {
    return (
      <main className="mx-auto max-w-xl p-8">
        <h1 className="text-2xl font-bold">{words.notYours}</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-300">
          {refusalText(w, who.problem)} {words.hostKeyKept}
        </p>
        <p className="mt-4">
          <Link className="text-host underline" href={`/watch/${connection.simulId}`}>{words.watchInstead}</Link>
        </p>
      </main>
    );
  }
  if (!who.loaded) return <p className="p-8 text-slate-500">{words.opening}</p>;
  if (who.role && who.role !== 'host') {
    return (
      <main className="mx-auto max-w-xl p-8">
        <h1 className="text-2xl font-bold">{words.onlyHost}</h1>
        <p className="mt-2">
          <Link className="text-host underline" href={`/watch/${state.simulId}`}>{words.watch}</Link>
        </p>
      </main>
    );
  }

  const playing = phase === 'playing';
  return (
    <main className="mx-auto flex max-w-[110rem] flex-col gap-4 p-4">
      {/* While playing, on a laptop, everything the host needs fits the screen: the board is as big as what is left. */}
      <div className={`flex flex-col gap-3 ${playing ? 'lg:h-[calc(100dvh-2rem)] lg:min-h-[34rem]' : ''}`}>
        <header className="flex shrink-0 flex-wrap items-center justify-between gap-x-3 gap-y-1">
          <div className="min-w-0">
            <h1 className={`font-bold ${playing ? 'text-xl' : 'text-2xl'}`} data-testid="simul-title">{state.title}</h1>
            <p className="text-sm text-slate-600 dark:text-slate-300">
              {w.settings.mode(state.mode)} · {words.code}{' '}
              <span className="font-mono">{state.joinCode}</span> ·{' '}
              <Link href={`/watch/${state.simulId}`} className="underline" target="_blank">{words.projectorView}</Link>
            </p>
            {state.hostBot && (
              <p className="flex items-center gap-2 text-sm" data-testid="host-bot">
                <BotMarker /> {w.bots.hostIsBot}
              </p>
            )}
            <SimulSettings state={state} />
          </div>
          <div className="flex items-center gap-4">
            {playing && <PauseButton connection={connection} controller={controller} />}
            {playing && <EndSimulButton controller={controller} />}
            {phase !== 'lobby' && <Score connection={connection} />}
            <Link_ connection={connection} />
          </div>
        </header>
        <RefusalNotice store={connection.store} />
        <Paused connection={connection} />
        {phase === 'finished' && <Finished connection={connection} />}
        {phase === 'lobby' && <LobbyPanel connection={connection} controller={controller} />}
        {playing && <LateJoining connection={connection} controller={controller} />}
        {playing && <TakebackRequests connection={connection} controller={controller} />}
        {playing && <Playing controller={controller} />}
      </div>
      {phase !== 'lobby' && <MessageForm controller={controller} />}
      {playing && <Rematches connection={connection} controller={controller} />}
      {phase !== 'lobby' && <DashboardPanel connection={connection} />}
    </main>
  );
});

/** The host's pause switch: the clocks and the rotation stop for everyone until it resumes. */
function PauseButton({ connection, controller }: { connection: SimulConnection; controller: SimulController }) {
  const paused = usePaused(connection);
  const words = useWords().pause;
  return (
    <button
      onClick={() => controller.setPaused(!paused)}
      className="rounded-lg border-2 border-paused px-3 py-1 font-semibold"
      data-testid={paused ? 'resume' : 'pause'}
    >
      {paused ? words.resume : words.pause}
    </button>
  );
}

function Paused({ connection }: { connection: SimulConnection }) {
  return <PausedNotice paused={usePaused(connection)} host />;
}

/** Ending the simul: reachable whether or not a board is on the console (none may await the host). */
function EndSimulButton({ controller }: { controller: SimulController }) {
  const words = useWords().console;
  return (
    <button
      className="rounded-lg border border-loss px-3 py-1 text-loss"
      onClick={() => confirm(words.confirmEnd) && controller.endSimul()}
      data-testid="end-simul"
    >
      {words.endSimul}
    </button>
  );
}

/** Every board whose student asks to take back a move, wherever the host is. */
function TakebackRequests({ connection, controller }: { connection: SimulConnection; controller: SimulController }) {
  const asking = useSimulShallow(connection, (v) => v.state.order.filter((n) => v.state.boards.get(n)!.takebackBy === 'opponent'));
  const words = useWords().takeback;
  if (asking.length === 0) return null;
  const { state } = connection.store.getState();
  return (
    <section aria-label={words.requests} className="flex flex-col gap-2" data-testid="takeback-requests">
      {asking.map((n) => (
        <div key={n} role="alert" className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-ready/15 px-3 py-2" data-testid={`takeback-request-${n}`}>
          <span className="font-semibold">{words.request(n, state.boards.get(n)!.opponent?.name ?? '')}</span>
          <span className="flex gap-2">
            <button className="rounded bg-host px-3 py-1 font-semibold text-white" onClick={() => controller.answerTakeback(n, true)} data-testid={`grant-takeback-${n}`}>
              {words.grant}
            </button>
            <button className="rounded border px-3 py-1" onClick={() => controller.answerTakeback(n, false)} data-testid={`refuse-takeback-${n}`}>
              {words.refuse}
            </button>
          </span>
        </div>
      ))}
    </section>
  );
}

/** The finished boards, each a rematch away while the simul goes on. */
function Rematches({ connection, controller }: { connection: SimulConnection; controller: SimulController }) {
  const over = useSimulShallow(connection, (v) => v.state.order.filter((n) => isOver(v.state.boards.get(n)!)));
  const words = useWords().rematch;
  if (over.length === 0) return null;
  const { state } = connection.store.getState();
  return (
    <section aria-labelledby="rematches" className="flex flex-col gap-2" data-testid="rematches">
      <h2 id="rematches" className="text-lg font-bold">{words.finished}</h2>
      <ul className="flex flex-wrap gap-2">
        {over.map((n) => (
          <li key={n} className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-600">
            <span>{words.board(n, state.boards.get(n)!.opponent?.name ?? '')}</span>
            <button className="rounded border px-2 py-1 text-sm font-semibold" onClick={() => controller.rematch(n, true)} data-testid={`rematch-swap-${n}`}>
              {words.swap}
            </button>
            <button className="rounded border px-2 py-1 text-sm" onClick={() => controller.rematch(n, false)} data-testid={`rematch-keep-${n}`}>
              {words.keep}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Score({ connection }: { connection: SimulConnection }) {
  const t = useTally(connection);
  const words = useWords().console;
  return (
    <span className="text-lg" aria-label={words.score}>
      <strong>{t.wins}</strong> {words.scoreLetters.won} · <strong>{t.draws}</strong> {words.scoreLetters.drawn} · <strong>{t.losses}</strong> {words.scoreLetters.lost}
    </span>
  );
}

// Named so as not to shadow next/link's Link.
function Link_({ connection }: { connection: SimulConnection }) {
  const { status, pendingCommands } = useLink(connection);
  return <ConnectionBadge status={status} pendingCommands={pendingCommands} />;
}

/** The lobby draws from the whole state: it redraws on every fold (there are no moves yet). */
function LobbyPanel({ connection, controller }: { connection: SimulConnection; controller: SimulController }) {
  useVersion(connection);
  return <Lobby state={connection.store.getState().state} controller={controller} />;
}

/** At the top, where the host looks: the simul is over, and the way to its review. */
function Finished({ connection }: { connection: SimulConnection }) {
  useVersion(connection);
  const w = useWords();
  const { state } = connection.store.getState();
  return (
        <section className="rounded-2xl bg-white p-6 shadow-sm dark:bg-slate-900" aria-labelledby="simul-finished">
          <h2 id="simul-finished" className="mb-2 text-2xl font-bold" data-testid="simul-finished">{w.simulEnd.over(state.endedEarly)}</h2>
          <p className="mb-4">
            <Link href={`/review/${state.simulId}`} className="text-lg font-semibold text-host underline" data-testid="review-link">{w.simulEnd.review}</Link>
          </p>
          <ResultsTable state={state} reader={{ role: 'host' }} />
        </section>
  );
}

/** While playing: whether late joiners may still sit down, and the host's switch for it. */
function LateJoining({ connection, controller }: { connection: SimulConnection; controller: SimulController }) {
  const joiningClosed = useSimul(connection, (v) => v.state.joiningClosed);
  const joinCode = useSimul(connection, (v) => v.state.joinCode);
  const words = useWords().console;
  return (
    <p className="flex shrink-0 flex-wrap items-center gap-3 text-sm" data-testid="late-joining">
      <span>{joiningClosed ? words.lateClosed : words.lateOpen(joinCode)}</span>
      <button
        onClick={() => controller.setJoining(joiningClosed)}
        className="rounded border border-slate-400 px-2 py-0.5 font-semibold"
        data-testid="toggle-joining"
      >
        {joiningClosed ? words.openJoining : words.closeJoining}
      </button>
    </p>
  );
}

/** The figures: read once a second while the simul runs (their own clock), nothing else redraws with it. */
function DashboardPanel({ connection }: { connection: SimulConnection }) {
  const words = useWords().console;
  const [open, setOpen] = useState(true);
  const metrics = useFigures(connection, open);
  const state = useSimulState(connection);
  // Drawn again when the figures are read again (once a second while playing), not on every fold.
  const dashboard = useMemo(() => <Dashboard state={state} metrics={metrics} />, [state, metrics]);
  return (
    <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} className="rounded-2xl bg-slate-100 p-4 dark:bg-slate-900/50">
      <summary className="cursor-pointer text-lg font-bold">{words.dashboard}</summary>
      {open && <div className="mt-4">{dashboard}</div>}
    </details>
  );
}

/** The dashboard's headline figures above the boards, on their own one-second clock. */
function ConsoleHeadline({ connection }: { connection: SimulConnection }) {
  const metrics = useFigures(connection);
  return <ProjectorHeadline metrics={metrics} size="console" />;
}

const Playing = memo(function Playing({ controller }: { controller: SimulController }) {
  const words = useWords().console;
  const connection = controller.connection;
  // One function for the page's life, so the memoised mini boards never redraw for it.
  const pick = useCallback(
    (n: number) => {
      if (connection.store.getState().state.boards.get(n)?.status === 'playing') void controller.focus(n);
    },
    [connection, controller],
  );
  return (
    <div className="grid gap-4 lg:min-h-0 lg:flex-1 lg:grid-cols-[minmax(20rem,min(38rem,calc(100dvh-14rem)))_1fr] lg:grid-rows-[minmax(0,1fr)]">
      <section className="flex min-h-0 flex-col gap-2" aria-label={words.focusedBoard}>
        <Focus controller={controller} />
        <HostTakeBack controller={controller} />
        <KeysHint connection={connection} />
      </section>
      <section aria-label={words.allBoards} className="flex min-h-0 min-w-0 flex-col gap-2">
        <div className="shrink-0 rounded-xl bg-white px-3 py-2 shadow-sm dark:bg-slate-900">
          <ConsoleHeadline connection={connection} />
        </div>
        <BoardCounts connection={connection} />
        <BoardGrid
          store={connection.store}
          onPick={pick}
          className="max-h-[80vh] overflow-y-auto p-1 lg:max-h-none lg:min-h-0 lg:flex-1"
        />
      </section>
    </div>
  );
});

/** The host takes back its own last move, on the board where it made it, while that game goes on. */
function HostTakeBack({ controller }: { controller: SimulController }) {
  const words = useWords().takeback;
  const board = useSimul(controller.connection, (v) => {
    const n = lastHostMove(v.state)?.board ?? null;
    const last = n === null ? undefined : v.state.boards.get(n);
    // The rule's answer (takeback-rule.ts), at the page's clock: the flag is the server's to judge.
    const refused = last === undefined || last.status !== 'playing' || takebackRefusal(v.state, { role: 'host' }, last, Date.now() + v.clockOffset) !== null;
    return refused ? null : n;
  });
  if (board === null) return null;
  return (
    <button className="self-start rounded border px-3 py-1 text-sm" onClick={() => controller.takeBack(board)} data-testid="host-take-back">
      {words.hostTakeBack(board)}
    </button>
  );
}

/** The board the host is on, large, or a note that none awaits. */
function Focus({ controller }: { controller: SimulController }) {
  const words = useWords().console;
  const focus = useFocus(controller.connection);
  const exists = useSimul(controller.connection, (v) => focus !== null && v.boards.has(focus));
  return focus !== null && exists ? (
          <FocusedBoard controller={controller} number={focus} />
        ) : (
          <div className="flex aspect-square flex-col items-center justify-center rounded-xl border-2 border-dashed border-waiting p-8 text-center lg:aspect-auto lg:flex-1" data-testid="no-board-ready">
            <p className="text-2xl font-bold">{words.noBoardReady}</p>
            <p className="mt-2 text-slate-500">{words.everyoneThinking}</p>
          </div>
        );
}

function KeysHint({ connection }: { connection: SimulConnection }) {
  const nextReady = useQueue(connection).next;
  const words = useWords().console;
  return (
        <p className="shrink-0 text-sm text-slate-600 dark:text-slate-300" data-testid="keyboard-help">
          <kbd className="rounded border px-1">N</kbd> {words.keys.next(nextReady)} ·{' '}
          <kbd className="rounded border px-1">{ICONS.left}<span className="sr-only">{words.keys.left}</span></kbd>
          <kbd className="rounded border px-1">{ICONS.right}<span className="sr-only">{words.keys.right}</span></kbd>{' '}
          {words.keys.step} · {words.keys.type}
        </p>
  );
}

function BoardCounts({ connection }: { connection: SimulConnection }) {
  const awaiting = useQueue(connection).length;
  const words = useWords().console;
  const thinking = useSimul(connection, (v) => {
    let count = 0;
    for (const view of v.boards.values()) if (view.look === 'opponent-thinking') count++;
    return count;
  });
  return (
        <p className="shrink-0 text-sm" data-testid="board-counts">
          <span className="font-semibold text-ready">{awaiting}</span> {words.awaitingYou(awaiting)} ·{' '}
          {words.opponentsThinking(thinking)}
        </p>
  );
}

function FocusedBoard({ controller, number }: { controller: SimulController; number: number }) {
  const w = useWords();
  const words = w.console;
  const connection = controller.connection;
  // Redrawn when this board's view changes; the rest it shows is read from the state then.
  useBoard(connection, number);
  const optimistic = useOptimistic(connection, number);
  const drawRules = useSimul(connection, (v) => v.state.drawRules);
  const state = connection.store.getState().state;
  const board = state.boards.get(number)!;
  const look = boardLook(state, board);
  // The host is here and it is its move (rotation.ts; paused or not: paused, its wait stands still).
  const hostToMove = hostThinkingOn(state) === number;
  const offerFromOpponent = board.drawOfferBy === 'opponent';
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2" data-testid="focused-board" data-board={number}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-xl font-bold">
          {w.game.board(number)} <span className="font-normal text-slate-500">{w.game.vs}</span> {board.opponent?.name} {board.opponent?.bot && <BotMarker />}
        </h2>
        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${LOOKS[look].chip}`}>
          {LOOKS[look].icon} {hostToMove && !board.paused ? words.yourMove : w.boardLooks[look]}
          {board.turnSince !== null && hostToMove && (
            <>
              {' '}· {words.waited} <WaitTime store={connection.store} since={board.turnSince} />
            </>
          )}
        </span>
      </div>
      <GameClocks store={connection.store} number={number} viewer="host" className="shrink-0" />
      {/* On a laptop the board takes the height left over (its status line under it included), never more. */}
      <div className="flex justify-center lg:min-h-0 lg:flex-1 lg:[container-type:size]">
        <div className="w-full lg:w-[min(100cqw,calc(100cqh-1.75rem))]">
      <PlayBoard
        // One board for every focus: moving on to the next game redraws only the squares that differ.
        id={`host-board-${number}`}
        fen={board.chess.fen()}
        orientation={board.hostColor === 'w' ? 'white' : 'black'}
        movable={hostToMove && !board.paused ? board.hostColor : null}
        lastMove={board.lastMove}
        optimistic={optimistic}
        onMove={async (from, to, promotion) => {
          const res = await controller.move(number, from, to, promotion);
          return res.ok ? null : res.error;
        }}
      />
        </div>
      </div>
      <TypedMove
        key={`typed-${number}`}
        controller={controller}
        board={number}
        fen={board.chess.fen()}
        refusal={() => {
          const v = connection.store.getState();
          return turnRefusal(v.state, { role: 'host' }, number, Date.now() + v.clockOffset);
        }}
      />
      {offerFromOpponent && (
        <div className="flex items-center justify-between gap-2 rounded-lg bg-ready/15 px-3 py-2" role="alert">
          <span className="font-semibold">{words.offersDraw(board.opponent?.name ?? '')}</span>
          <span className="flex gap-2">
            <button className="rounded bg-win px-3 py-1 font-semibold text-white" onClick={() => controller.answerDraw(number, true)}>
              {w.game.accept}
            </button>
            <button className="rounded border px-3 py-1" onClick={() => controller.answerDraw(number, false)}>
              {w.game.decline}
            </button>
          </span>
        </div>
      )}
      <ClaimDraw board={board} side="host" drawRules={drawRules} controller={controller} className="self-start" />
      <div className="flex shrink-0 flex-wrap gap-2 text-sm" data-testid="board-actions">
        <button
          className="rounded border px-3 py-1 disabled:opacity-40"
          disabled={board.drawOfferBy !== null}
          onClick={() => controller.offerDraw(number)}
        >
          {board.drawOfferBy === 'host' ? w.game.drawOffered : w.game.offerDraw}
        </button>
        <button
          className="rounded border px-3 py-1"
          onClick={() => confirm(words.confirmResign(number)) && controller.resign(number)}
        >
          {w.game.resign}
        </button>
        <button
          className="rounded border px-3 py-1"
          onClick={() => confirm(words.confirmAbort(number)) && controller.abortGame(number)}
        >
          {words.abortGame}
        </button>
        {!board.opponent?.bot && <ReissueSeatButton controller={controller} board={number} name={board.opponent?.name ?? ''} />}
        {takebacksAllowed(state, board) && (
          <button className="rounded border px-3 py-1" onClick={() => controller.turnOffTakebacks(number)} data-testid={`takebacks-off-${number}`}>
            {w.takeback.turnOff(number)}
          </button>
        )}
        <StandInControls controller={controller} number={number} />
      </div>
    </div>
  );
}
