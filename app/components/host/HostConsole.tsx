'use client';
// The teacher's console: the focused board large, every board as a mini board, the next
// board awaiting the host one key away (N). Nothing secret is ever shown.
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SimulConnection } from '@/lib/client/simul-connection';
import { SimulController } from '@/lib/client/simul-controller';
import { useSimulConnection, useSimulView } from '@/lib/client/use-simul';
import { isOver, readyQueue, sideToMove, tally } from '@/lib/simul/queries';
import type { SimulEvent, SimulState } from '@/lib/simul/types';
import { botWords, consoleWords, LATE_JOIN, PAUSE_WORDS, refusalText, REMATCH_WORDS, SIMUL_END, TAKEBACK_WORDS } from '@/app/words';
import { PausedNotice } from '../PausedNotice';
import { Dashboard } from '../dashboard/Dashboard';
import { SIMULATED_READ_MS, useMetrics } from '../dashboard/use-metrics';
import { ClaimDraw } from '../ClaimDraw';
import { ConnectionBadge } from '../ConnectionBadge';
import { GameClocks } from '../GameClocks';
import { SimulSettings } from '../SimulSettings';
import { RefusalNotice } from '../RefusalNotice';
import { PlayBoard } from '../PlayBoard';
import { ResultsTable } from '../ResultsTable';
import { useServerNow } from '../use-now';
import { WaitTime } from '../WaitTime';
import { BoardGrid } from './BoardGrid';
import { BotMarker } from '../BotMarker';
import { Lobby } from './Lobby';
import { ReissueSeatButton } from './ReissueSeatButton';
import { TypedMove } from './TypedMove';
import { boardLook, LOOKS } from '../board-look';
import { ICONS } from '../icons';

export function HostConsole({ simulId }: { simulId: string }) {
  const connection = useSimulConnection(simulId);
  if (!connection) return <p className="p-8 text-slate-500">Opening the simul…</p>;
  return <Console connection={connection} />;
}

function Console({ connection }: { connection: SimulConnection }) {
  const view = useSimulView(connection);
  const { state } = view;
  const controller = useMemo(() => new SimulController(connection), [connection]);

  const nextReady = state.phase === 'playing' ? readyQueue(state)[0] ?? null : null;

  // Keyboard: N jumps to the next board awaiting the host; arrows step through the boards.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      if (state.phase !== 'playing') return;
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
  }, [state, view.version, nextReady, controller]);

  if (view.problem && view.role !== 'host') {
    return (
      <main className="mx-auto max-w-xl p-8">
        <h1 className="text-2xl font-bold">This console is not yours on this device</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-300">
          {refusalText(view.problem)} The host key of a simul is kept in the browser that created it.
        </p>
        <p className="mt-4">
          <Link className="text-host underline" href={`/watch/${connection.simulId}`}>Watch the simul instead</Link>
        </p>
      </main>
    );
  }
  if (view.version === 0) return <p className="p-8 text-slate-500">Opening the simul…</p>;
  if (view.role && view.role !== 'host') {
    return (
      <main className="mx-auto max-w-xl p-8">
        <h1 className="text-2xl font-bold">Only the host can open this console</h1>
        <p className="mt-2">
          <Link className="text-host underline" href={`/watch/${state.simulId}`}>Watch the simul</Link>
        </p>
      </main>
    );
  }

  const t = tally(state);
  return (
    <main className="mx-auto flex max-w-[110rem] flex-col gap-4 p-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold" data-testid="simul-title">{state.title}</h1>
          <p className="text-sm text-slate-500">
            {state.mode === 'async' ? 'Async: rotate between all boards' : 'Sync: one game at a time'} · code{' '}
            <span className="font-mono">{state.joinCode}</span> ·{' '}
            <Link href={`/watch/${state.simulId}`} className="underline" target="_blank">projector view</Link>
          </p>
          {state.hostBot && (
            <p className="flex items-center gap-2 text-sm" data-testid="host-bot">
              <BotMarker /> {botWords.hostIsBot}
            </p>
          )}
          <SimulSettings state={state} />
        </div>
        <div className="flex items-center gap-4">
          {state.phase === 'playing' && (
            <button
              onClick={() => controller.setPaused(state.pausedSince === null)}
              className="rounded-lg border-2 border-paused px-3 py-1 font-semibold"
              data-testid={state.pausedSince === null ? 'pause' : 'resume'}
            >
              {state.pausedSince === null ? PAUSE_WORDS.pause : PAUSE_WORDS.resume}
            </button>
          )}
          {state.phase !== 'lobby' && (
            <span className="text-lg" aria-label="Score from the host's side">
              <strong>{t.wins}</strong> W · <strong>{t.draws}</strong> D · <strong>{t.losses}</strong> L
            </span>
          )}
          <ConnectionBadge status={view.status} pendingCommands={view.pendingCommands} />
        </div>
      </header>
      <RefusalNotice store={connection.store} />
      <PausedNotice paused={state.pausedSince !== null} host />
      {state.phase === 'finished' && (
        // At the top, where the host looks: the simul is over, and the way to its review.
        <section className="rounded-2xl bg-white p-6 shadow-sm dark:bg-slate-900" aria-labelledby="simul-finished">
          <h2 id="simul-finished" className="mb-2 text-2xl font-bold" data-testid="simul-finished">{SIMUL_END.over(state.endedEarly)}</h2>
          <p className="mb-4">
            <Link href={`/review/${state.simulId}`} className="text-lg font-semibold text-host underline" data-testid="review-link">{SIMUL_END.review}</Link>
          </p>
          <ResultsTable state={state} reader={{ role: 'host' }} />
        </section>
      )}
      {state.phase === 'lobby' && <Lobby state={state} controller={controller} />}
      {state.phase === 'playing' && <LateJoining state={state} controller={controller} />}
      {state.phase === 'playing' && <TakebackRequests state={state} controller={controller} />}
      {state.phase === 'playing' && <Playing controller={controller} state={state} nextReady={nextReady} lastHostBoard={lastHostBoard(view.log)} />}
      {state.phase === 'playing' && <Rematches state={state} controller={controller} />}
      {state.phase !== 'lobby' && <DashboardPanel state={state} log={view.log} version={view.version} clockOffset={view.clockOffset} />}
    </main>
  );
}

/** The board of the host's last move, from the log. */
function lastHostBoard(log: readonly SimulEvent[]): number | null {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i];
    if (e.type === 'move-made' && e.by === 'host') return e.board;
  }
  return null;
}

/** Every board whose student asks to take back a move, wherever the host is. */
function TakebackRequests({ state, controller }: { state: SimulState; controller: SimulController }) {
  const asking = state.order.filter((n) => state.boards.get(n)!.takebackBy === 'opponent');
  if (asking.length === 0) return null;
  return (
    <section aria-label={TAKEBACK_WORDS.requests} className="flex flex-col gap-2" data-testid="takeback-requests">
      {asking.map((n) => (
        <div key={n} role="alert" className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-ready/15 px-3 py-2" data-testid={`takeback-request-${n}`}>
          <span className="font-semibold">{TAKEBACK_WORDS.request(n, state.boards.get(n)!.opponent?.name ?? '')}</span>
          <span className="flex gap-2">
            <button className="rounded bg-host px-3 py-1 font-semibold text-white" onClick={() => controller.answerTakeback(n, true)} data-testid={`grant-takeback-${n}`}>
              {TAKEBACK_WORDS.grant}
            </button>
            <button className="rounded border px-3 py-1" onClick={() => controller.answerTakeback(n, false)} data-testid={`refuse-takeback-${n}`}>
              {TAKEBACK_WORDS.refuse}
            </button>
          </span>
        </div>
      ))}
    </section>
  );
}

/** The finished boards, each a rematch away while the simul goes on. */
function Rematches({ state, controller }: { state: SimulState; controller: SimulController }) {
  const over = state.order.filter((n) => isOver(state.boards.get(n)!));
  if (over.length === 0) return null;
  return (
    <section aria-labelledby="rematches" className="flex flex-col gap-2" data-testid="rematches">
      <h2 id="rematches" className="text-lg font-bold">{REMATCH_WORDS.finished}</h2>
      <ul className="flex flex-wrap gap-2">
        {over.map((n) => (
          <li key={n} className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-600">
            <span>{REMATCH_WORDS.board(n, state.boards.get(n)!.opponent?.name ?? '')}</span>
            <button className="rounded border px-2 py-1 text-sm font-semibold" onClick={() => controller.rematch(n, true)} data-testid={`rematch-swap-${n}`}>
              {REMATCH_WORDS.swap}
            </button>
            <button className="rounded border px-2 py-1 text-sm" onClick={() => controller.rematch(n, false)} data-testid={`rematch-keep-${n}`}>
              {REMATCH_WORDS.keep}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** While playing: whether late joiners may still sit down, and the host's switch for it. */
function LateJoining({ state, controller }: { state: SimulState; controller: SimulController }) {
  return (
    <p className="flex flex-wrap items-center gap-3 text-sm" data-testid="late-joining">
      <span>{state.joiningClosed ? LATE_JOIN.hostClosed : LATE_JOIN.hostOpen(state.joinCode)}</span>
      <button
        onClick={() => controller.setJoining(state.joiningClosed)}
        className="rounded border border-slate-400 px-3 py-1 font-semibold"
        data-testid="toggle-joining"
      >
        {state.joiningClosed ? LATE_JOIN.open : LATE_JOIN.close}
      </button>
    </p>
  );
}

function DashboardPanel({ state, log, version, clockOffset }: { state: SimulState; log: SimulEvent[]; version: number; clockOffset: number }) {
  const [open, setOpen] = useState(true);
  // The dashboard's own clock: its figures are read once a second, nothing else redraws with it.
  const simulated = state.exhibition !== null;
  const now = useServerNow(clockOffset, simulated ? SIMULATED_READ_MS : 1000);
  const metrics = useMetrics(log, version, now, open && state.phase === 'playing', simulated);
  return (
    <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} className="rounded-2xl bg-slate-100 p-4 dark:bg-slate-900/50">
      <summary className="cursor-pointer text-lg font-bold">Idle-time dashboard</summary>
      {open && <div className="mt-4"><Dashboard state={state} metrics={metrics} /></div>}
    </details>
  );
}

function Playing({
  controller,
  state,
  nextReady,
  lastHostBoard,
}: {
  controller: SimulController;
  state: SimulState;
  nextReady: number | null;
  /** Where the host moved last: its move there can be taken back. */
  lastHostBoard: number | null;
}) {
  const last = lastHostBoard === null ? undefined : state.boards.get(lastHostBoard);
  const canTakeBack = last !== undefined && last.status === 'playing' && last.moveCount >= (sideToMove(last) === 'host' ? 2 : 1);
  const connection = controller.connection;
  const board = state.focus !== null ? state.boards.get(state.focus) ?? null : null;
  const queue = readyQueue(state);
  // One function for every render (the state object is folded in place), so the memoised
  // mini boards skip the clock's ticks.
  const pick = useCallback(
    (n: number) => {
      if (state.boards.get(n)?.status === 'playing') void controller.focus(n);
    },
    [state, controller],
  );
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(20rem,38rem)_1fr]">
      <section className="flex flex-col gap-2" aria-label="Focused board">
        {board ? (
          <FocusedBoard controller={controller} state={state} number={board.number} />
        ) : (
          <div className="flex aspect-square flex-col items-center justify-center rounded-xl border-2 border-dashed border-waiting p-8 text-center" data-testid="no-board-ready">
            <p className="text-2xl font-bold">No board awaits you</p>
            <p className="mt-2 text-slate-500">Every opponent is thinking. The first board that becomes ready opens here.</p>
          </div>
        )}
        {canTakeBack && (
          <button className="self-start rounded border px-3 py-1 text-sm" onClick={() => controller.takeBack(last.number)} data-testid="host-take-back">
            {TAKEBACK_WORDS.hostTakeBack(last.number)}
          </button>
        )}
        <p className="text-sm text-slate-500">
          <kbd className="rounded border px-1">N</kbd> {consoleWords.keys.next(nextReady)} ·{' '}
          <kbd className="rounded border px-1">{ICONS.left}<span className="sr-only">{consoleWords.keys.left}</span></kbd>
          <kbd className="rounded border px-1">{ICONS.right}<span className="sr-only">{consoleWords.keys.right}</span></kbd>{' '}
          {consoleWords.keys.step} · {consoleWords.keys.type}
        </p>
      </section>
      <section aria-label="All boards" className="flex flex-col gap-2">
        <p className="text-sm">
          <span className="font-semibold text-ready">{queue.length}</span> awaiting you ·{' '}
          {state.order.filter((n) => boardLook(state, state.boards.get(n)!) === 'opponent-thinking').length} opponents thinking
        </p>
        <BoardGrid
          store={connection.store}
          onPick={pick}
          className="max-h-[80vh] overflow-y-auto p-1"
        />
      </section>
    </div>
  );
}

function FocusedBoard({ controller, state, number }: { controller: SimulController; state: SimulState; number: number }) {
  const connection = controller.connection;
  const board = state.boards.get(number)!;
  const look = boardLook(state, board);
  const hostToMove = look === 'host-thinking';
  const offerFromOpponent = board.drawOfferBy === 'opponent';
  return (
    <div className="flex flex-col gap-2" data-testid="focused-board" data-board={number}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-xl font-bold">
          Board {number} <span className="font-normal text-slate-500">vs</span> {board.opponent?.name} {board.opponent?.bot && <BotMarker />}
        </h2>
        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${LOOKS[look].chip}`}>
          {LOOKS[look].icon} {hostToMove ? 'Your move' : LOOKS[look].label}
          {board.turnSince !== null && hostToMove && (
            <>
              {' '}· waited <WaitTime store={connection.store} since={board.turnSince} />
            </>
          )}
        </span>
      </div>
      <GameClocks store={connection.store} number={number} viewer="host" />
      <PlayBoard
        id={`host-board-${number}`}
        key={number}
        fen={board.chess.fen()}
        orientation={board.hostColor === 'w' ? 'white' : 'black'}
        movable={hostToMove && !board.paused ? board.hostColor : null}
        lastMove={board.lastMove}
        onMove={async (from, to, promotion) => {
          const res = await controller.move(number, from, to, promotion);
          return res.ok ? null : res.error;
        }}
      />
      <TypedMove key={`typed-${number}`} controller={controller} board={number} fen={board.chess.fen()} canMove={hostToMove} />
      {offerFromOpponent && (
        <div className="flex items-center justify-between gap-2 rounded-lg bg-ready/15 px-3 py-2" role="alert">
          <span className="font-semibold">{board.opponent?.name} offers a draw.</span>
          <span className="flex gap-2">
            <button className="rounded bg-win px-3 py-1 font-semibold text-white" onClick={() => controller.answerDraw(number, true)}>
              Accept
            </button>
            <button className="rounded border px-3 py-1" onClick={() => controller.answerDraw(number, false)}>
              Decline
            </button>
          </span>
        </div>
      )}
      <ClaimDraw board={board} side="host" drawRules={state.drawRules} controller={controller} className="self-start" />
      <div className="flex flex-wrap gap-2 text-sm">
        <button
          className="rounded border px-3 py-1 disabled:opacity-40"
          disabled={board.drawOfferBy !== null}
          onClick={() => controller.offerDraw(number)}
        >
          {board.drawOfferBy === 'host' ? 'Draw offered' : 'Offer a draw'}
        </button>
        <button
          className="rounded border px-3 py-1"
          onClick={() => confirm(`Resign the game on board ${number}?`) && controller.resign(number)}
        >
          Resign
        </button>
        <button
          className="rounded border px-3 py-1"
          onClick={() => confirm(`Abort board ${number}? It is recorded as unfinished.`) && controller.abortGame(number)}
        >
          {consoleWords.abortGame}
        </button>
        {!board.opponent?.bot && <ReissueSeatButton connection={connection} board={number} name={board.opponent?.name ?? ''} />}
        <button
          className="ml-auto rounded border border-loss px-3 py-1 text-loss"
          onClick={() => confirm('End the whole simul now? Open games are recorded as unfinished.') && controller.endSimul()}
        >
          End simul
        </button>
      </div>
    </div>
  );
}
