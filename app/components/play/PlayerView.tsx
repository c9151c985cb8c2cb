'use client';
// A student's phone: the board filling the width, "your move" impossible to miss, where the
// host is, tap-to-move. Joining and rejoining (same device, same seat) happen here too.
import Link from 'next/link';
import { useMemo } from 'react';
import type { ConnectionStatus, SimulConnection } from '@/lib/client/simul-connection';
import { SimulController } from '@/lib/client/simul-controller';
import { useSimulConnection, useSimulView } from '@/lib/client/use-simul';
import { boardsBefore, colorOf, currentSyncBoard, placeInQueue, sideToMove } from '@/lib/simul/queries';
import type { BoardState, DrawRules, SimulState } from '@/lib/simul/types';
import { ANNOUNCE, LATE_JOIN, refusalText, REMATCH_WORDS, resultSentence, TAKEBACK_WORDS } from '@/app/words';
import { PausedNotice } from '../PausedNotice';
import { ClaimDraw } from '../ClaimDraw';
import { ConnectionBadge } from '../ConnectionBadge';
import { GameClocks } from '../GameClocks';
import { SimulSettings } from '../SimulSettings';
import { RefusalNotice } from '../RefusalNotice';
import { PlayBoard } from '../PlayBoard';
import { ResultsTable, resultOf } from '../ResultsTable';
import { boardLook, LOOKS } from '../board-look';
import { JoinForm } from './JoinForm';
import { useTurnSignal } from './use-turn-signal';

export function PlayerView({ simulId }: { simulId: string }) {
  // A phone needs the position, not the history: it opens from a snapshot, not by replaying the log.
  const connection = useSimulConnection(simulId, 'state');
  if (!connection) return <p className="p-6 text-slate-500">Opening…</p>;
  return <View connection={connection} />;
}

function View({ connection }: { connection: SimulConnection }) {
  const view = useSimulView(connection);
  const { state } = view;
  const controller = useMemo(() => new SimulController(connection), [connection]);
  const board = view.board !== null ? state.boards.get(view.board) ?? null : null;
  const myTurn = Boolean(board && board.status === 'playing' && !board.paused && sideToMove(board) === 'opponent');
  const signal = useTurnSignal(myTurn, board?.moveCount ?? 0);

  if (view.problem && view.version === 0) {
    return (
      <Shell>
        <h1 className="text-2xl font-bold">{view.problem.code === 'unknown-simul' ? 'No simul here' : 'Cannot open this simul'}</h1>
        <p className="mt-2">{refusalText(view.problem)} Check the link or the code with your teacher.</p>
        <Link href="/" className="mt-4 inline-block text-host underline">Enter a join code</Link>
      </Shell>
    );
  }
  if (view.version === 0) return <Shell><p className="text-slate-500">Opening…</p></Shell>;

  if (!board) {
    // Before the start, and after it while the host keeps joining open (a late joiner).
    if (state.phase === 'lobby' || (state.phase === 'playing' && !state.joiningClosed)) {
      return (
        <Shell title={state.title} status={view.status}>
          {view.problem && <p role="status" className="mb-3 rounded bg-ready/15 p-2">{refusalText(view.problem)}</p>}
          {state.phase === 'playing' && (
            <p className="mb-3 rounded bg-host/10 p-2" data-testid="late-join-note">
              {state.mode === 'async' ? LATE_JOIN.studentAsync : LATE_JOIN.studentSync}
            </p>
          )}
          <JoinForm state={state} connection={connection} />
        </Shell>
      );
    }
    return (
      <Shell title={state.title} status={view.status}>
        {view.problem && <p role="status" className="mb-3 rounded bg-ready/15 p-2">{refusalText(view.problem)}</p>}
        <p className="text-lg">{state.phase === 'finished' ? 'This simul is over.' : 'This simul has started: seats are closed.'}</p>
        <Link href={`/watch/${state.simulId}`} className="mt-3 inline-block text-host underline">Watch it</Link>
        {state.phase === 'finished' && <div className="mt-4"><ResultsTable state={state} reader={{ role: 'projector' }} /></div>}
      </Shell>
    );
  }

  const myColor = colorOf(board, 'opponent');
  return (
    <Shell title={state.title} status={view.status} pendingCommands={view.pendingCommands}>
      <p className="mb-2 text-sm text-slate-500">
        Board <strong data-testid="my-board">{board.number}</strong> · you play {myColor === 'w' ? 'White' : 'Black'} ·{' '}
        {board.opponent?.name}
      </p>
      <SimulSettings state={state} className="mb-2" />
      <PausedNotice paused={board.paused} className="mb-2" />
      <Banner state={state} queue={view.queue} board={board} myTurn={myTurn} />
      <HostMoveAnnouncement board={board} myTurn={myTurn} />
      {signal}
      {board.status !== 'seated' && <GameClocks store={connection.store} number={board.number} viewer="opponent" className="mb-2" />}
      {board.status === 'seated' ? null : (
        <PlayBoard
          id={`play-board-${board.number}`}
          fen={board.chess.fen()}
          orientation={myColor === 'w' ? 'white' : 'black'}
          movable={myTurn ? myColor : null}
          lastMove={board.lastMove}
          onMove={async (from, to, promotion) => {
            const res = await controller.move(board.number, from, to, promotion);
            return res.ok ? null : res.error;
          }}
        />
      )}
      <RefusalNotice store={connection.store} className="mt-2" />
      {board.status === 'playing' && <GameActions board={board} controller={controller} drawRules={state.drawRules} />}
      {state.phase === 'playing' && state.studentRematch && (board.status === 'finished' || board.status === 'aborted') && (
        <button className="mt-3 rounded-lg bg-host px-3 py-3 font-semibold text-white" onClick={() => controller.rematch(board.number, true)} data-testid="student-rematch">
          {REMATCH_WORDS.askStudent}
        </button>
      )}
      {state.phase === 'finished' && (
        <div className="mt-6">
          <h2 className="mb-2 text-xl font-bold" data-testid="simul-finished">Final results</h2>
          <ResultsTable state={state} reader={{ role: 'student', board: board.number }} highlight={board.number} clocks={false} />
        </div>
      )}
    </Shell>
  );
}

function Banner({
  state,
  queue,
  board,
  myTurn,
}: {
  state: SimulState;
  /** The host's queue from the summary, for a phone that hears only its board. */
  queue: number[] | null;
  board: BoardState;
  myTurn: boolean;
}) {
  let text: string;
  let tone = 'bg-slate-200 text-slate-900 dark:bg-slate-800 dark:text-slate-100';
  if (board.status === 'seated') {
    text = 'You are seated. The host starts soon.';
  } else if (board.status === 'queued') {
    const current = currentSyncBoard(state);
    text = `Waiting for your game to begin${current ? ` (the host is playing board ${current})` : ''}.`;
    tone = 'bg-queued text-slate-900 queued-stripes';
  } else if (board.status === 'finished' || board.status === 'aborted') {
    // The student's own result, in the student's terms (the board colours speak for the host).
    const look = boardLook(state, board);
    text = resultSentence(resultOf(board), { role: 'student', board: board.number }) ?? '';
    tone = look === 'loss' ? 'bg-win text-white' : look === 'win' ? 'bg-slate-700 text-white' : LOOKS[look].chip;
  } else if (myTurn) {
    text = 'Your move';
    tone = 'bg-win text-white text-3xl';
  } else {
    const before = queue ? placeInQueue(queue, state.focus, board.number) : boardsBefore(state, board.number);
    const at = state.focus;
    if (at === board.number) text = 'The host is at your board, thinking';
    else if (before !== null && at !== null) text = `The host is at board ${at}; ${before} board${before === 1 ? '' : 's'} before yours`;
    else text = 'The host will come to your board next';
    tone = 'bg-host text-white';
  }
  return (
    <p className={`mb-3 rounded-xl px-4 py-3 text-center text-xl font-bold ${tone}`} role="status" aria-live="polite" data-testid="turn-banner">
      {text}
    </p>
  );
}

/**
 * For a screen reader: what the host just played on this board (the banner beside it says
 * "Your move"). Known for the moves this phone saw; a phone that opened from a snapshot has
 * only the position, and then the banner alone speaks.
 */
function HostMoveAnnouncement({ board, myTurn }: { board: BoardState; myTurn: boolean }) {
  const last = myTurn ? board.chess.history().at(-1) : undefined;
  return (
    <p className="sr-only" aria-live="polite" data-testid="host-move-announcement">
      {last ? ANNOUNCE.hostPlayed(last) : ''}
    </p>
  );
}

function GameActions({ board, controller, drawRules }: { board: BoardState; controller: SimulController; drawRules: DrawRules }) {
  // The student's last move can be taken back once made (with the host's reply, if any).
  const hasMove = board.moveCount >= (sideToMove(board) === 'opponent' ? 2 : 1);
  return (
    <div className="mt-3 flex flex-col gap-2">
      {board.takebackBy === 'opponent' ? (
        <p role="status" className="rounded-lg bg-ready/20 px-3 py-2 font-semibold" data-testid="takeback-asked">{TAKEBACK_WORDS.asked}</p>
      ) : (
        hasMove && (
          <button className="rounded-lg border px-3 py-3 font-semibold disabled:opacity-40" disabled={board.paused} onClick={() => controller.requestTakeback(board.number)} data-testid="ask-takeback">
            {TAKEBACK_WORDS.ask}
          </button>
        )
      )}
      <ClaimDraw board={board} side="opponent" drawRules={drawRules} controller={controller} />
      {board.drawOfferBy === 'host' && (
        <div className="flex items-center justify-between gap-2 rounded-lg bg-ready/20 px-3 py-2" role="alert">
          <span className="font-semibold">The host offers a draw.</span>
          <span className="flex gap-2">
            <button className="rounded bg-win px-3 py-2 font-semibold text-white" onClick={() => controller.answerDraw(board.number, true)}>
              Accept
            </button>
            <button className="rounded border px-3 py-2" onClick={() => controller.answerDraw(board.number, false)}>
              Decline
            </button>
          </span>
        </div>
      )}
      <div className="grid grid-cols-2 gap-2">
        <button
          className="rounded-lg border px-3 py-3 font-semibold disabled:opacity-40"
          disabled={board.drawOfferBy !== null}
          onClick={() => controller.offerDraw(board.number)}
        >
          {board.drawOfferBy === 'opponent' ? 'Draw offered' : 'Offer a draw'}
        </button>
        <button
          className="rounded-lg border border-loss px-3 py-3 font-semibold text-loss"
          onClick={() => confirm('Resign this game?') && controller.resign(board.number)}
        >
          Resign
        </button>
      </div>
    </div>
  );
}

function Shell({
  title,
  status,
  pendingCommands,
  children,
}: {
  title?: string;
  status?: ConnectionStatus;
  pendingCommands?: number;
  children: React.ReactNode;
}) {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-lg flex-col p-3">
      {title && (
        <header className="mb-2 flex items-center justify-between gap-2">
          <h1 className="truncate text-lg font-bold">{title}</h1>
          {status && <ConnectionBadge status={status} pendingCommands={pendingCommands} />}
        </header>
      )}
      {children}
    </main>
  );
}
