'use client';
// A student's phone: the board filling the width, "your move" impossible to miss, where the
// host is, tap-to-move. Joining and rejoining (same device, same seat) happen here too. Loaded
// after the join form (PhonePage.tsx); plain links (next/link's code is not worth its bytes here).
import { useEffect, useMemo, useState } from 'react';
import type { ConnectionStatus, SimulConnection } from '@/lib/client/simul-connection';
import { SimulController } from '@/lib/client/simul-controller';
import {
  openSimulConnection,
  useBoard,
  useLink,
  useOptimistic,
  usePhase,
  useSimul,
  useSimulConnection,
  useSimulShallow,
  useSimulState,
  useVersion,
  useWho,
} from '@/lib/client/use-simul';
import { hostWhere, phoneStatus } from '@/lib/simul/phone-status';
import { colorOf } from '@/lib/simul/queries';
import { takebackRefusal } from '@/lib/simul/takeback-rule';
import type { BoardState, SimulState } from '@/lib/simul/types';
import type { OptimisticMove } from '@/lib/client/simul-view';
import { refusalText, resultSentence, spokenMove } from '@/app/words';
import { useWords } from '../language';
import { PausedNotice } from '../PausedNotice';
import { ClassMessageBanner, TakeBoardBack } from '../class-message';
import { ClaimDraw } from '../ClaimDraw';
import { DrillGoalNote } from '../DrillGoalNote';
import { ConnectionBadge } from '../ConnectionBadge';
import { GameClocks } from '../GameClocks';
import { SimulSettings } from '../SimulSettings';
import { RefusalNotice } from '../RefusalNotice';
import { PlayBoard } from '../PlayBoard';
import { ResultsTable, resultOf } from '../ResultsTable';
import { boardLook, LOOKS } from '../board-look';
import { JoinFirst, JoinForm } from './JoinForm';
import { useTurnSignal } from './use-turn-signal';
import { useWakeLock, type WakeLockState } from './use-wake-lock';

/** A seated phone's page opening: its link to the server opens now, the view takes it when drawn. */
export function openPhoneConnection(simulId: string): void {
  openSimulConnection(simulId, 'state');
}

export function PlayerView({ simulId }: { simulId: string }) {
  // A phone needs the position, not the history: it opens from a snapshot, not by replaying the log.
  const connection = useSimulConnection(simulId, 'state');
  // Until the simul's state comes, the join form already takes a name (JoinForm.tsx).
  if (!connection) return <JoinFirst simulId={simulId} />;
  return <View connection={connection} />;
}

function View({ connection }: { connection: SimulConnection }) {
  const w = useWords();
  const words = w.phone;
  const who = useWho(connection);
  const link = useLink(connection);
  const phase = usePhase(connection);
  const joiningClosed = useSimul(connection, (v) => v.state.joiningClosed);
  // Redrawn when this phone's board changes; what else it shows of the board is read from the state then.
  useBoard(connection, who.board ?? 0);
  const optimistic = useOptimistic(connection, who.board ?? 0);
  const state = useSimulState(connection);
  const controller = useMemo(() => new SimulController(connection), [connection]);
  const board = who.board !== null ? state.boards.get(who.board) ?? null : null;
  // The one answer the banner words too (phone-status.ts): "your move" only while not paused, and
  // not while a bot plays for the student (it was away) until the student takes the board back.
  const myTurn = board !== null && phoneStatus(board, hostWhere(state, [])).kind === 'your-move';
  const signal = useTurnSignal(myTurn, board?.moveCount ?? 0);
  // The screen stays on while the student is seated and the simul is not over.
  const wakeLock = useWakeLock(Boolean(board) && phase !== 'finished');

  if (who.problem && !who.loaded) {
    return (
      <Shell>
        <h1 className="text-2xl font-bold">{who.problem.code === 'unknown-simul' ? words.noSimul : words.cannotOpen}</h1>
        <p className="mt-2">{refusalText(w, who.problem)} {words.checkWithTeacher}</p>
        <a href="/" className="mt-4 inline-block text-host underline">{words.enterCode}</a>
      </Shell>
    );
  }
  if (!who.loaded) return <JoinFirst simulId={connection.simulId} />;

  if (!board) {
    // Before the start, and after it while the host keeps joining open (a late joiner).
    if (phase === 'lobby' || (phase === 'playing' && !joiningClosed)) {
      return (
        <Shell title={state.title} status={link.status}>
          {who.problem && <p role="status" className="mb-3 rounded bg-ready/15 p-2">{refusalText(w, who.problem)}</p>}
          {phase === 'playing' && (
            <p className="mb-3 rounded bg-host/10 p-2" data-testid="late-join-note">
              {state.mode === 'async' ? words.lateAsync : words.lateSync}
            </p>
          )}
          <Seats connection={connection} />
        </Shell>
      );
    }
    return (
      <Shell title={state.title} status={link.status}>
        {who.problem && <p role="status" className="mb-3 rounded bg-ready/15 p-2">{refusalText(w, who.problem)}</p>}
        <p className="text-lg">{phase === 'finished' ? words.over : words.seatsClosed}</p>
        <a href={`/watch/${state.simulId}`} className="mt-3 inline-block text-host underline">{words.watchIt}</a>
        {phase === 'finished' && <div className="mt-4"><Results connection={connection} reader={{ role: 'projector' }} /></div>}
      </Shell>
    );
  }

  const myColor = colorOf(board, 'opponent');
  const offline = link.status !== 'online';
  return (
    <Shell title={state.title} status={link.status} pendingCommands={link.pendingCommands} wakeLock={wakeLock.state}>
      <p className="mb-2 truncate text-sm text-slate-500">
        {words.board} <strong data-testid="my-board">{board.number}</strong> · {words.youPlay(myColor === 'w' ? w.game.white : w.game.black)}
        {/* The drill's goal before the name: a long name is what the line's end cuts. */}
        <DrillGoalNote fen={state.boardFens[board.number] ?? state.startFen} /> · {board.opponent?.name}
      </p>
      {board.status === 'seated' && wakeLock.notice}
      <PausedNotice paused={board.paused} className="mb-2" />
      <ClassMessageBanner connection={connection} />
      <TakeBoardBack controller={controller} board={board.number} />
      {offline ? <OfflineBanner /> : <Banner connection={connection} board={board} />}
      {offline && optimistic ? <NotSentYet move={optimistic} /> : <HostMoveAnnouncement board={board} myTurn={myTurn} />}
      <TakebackNews board={board} />
      {board.status !== 'seated' && <GameClocks store={connection.store} number={board.number} viewer="opponent" className="mb-2" />}
      {board.status === 'seated' ? null : (
        <PlayBoard
          id={`play-board-${board.number}`}
          fen={board.chess.fen()}
          orientation={myColor === 'w' ? 'white' : 'black'}
          movable={myTurn ? myColor : null}
          lastMove={board.lastMove}
          optimistic={optimistic}
          onMove={async (from, to, promotion) => {
            const res = await controller.move(board.number, from, to, promotion);
            return res.ok ? null : res.error;
          }}
        />
      )}
      <RefusalNotice store={connection.store} className="mt-2" />
      {board.status === 'playing' && <GameActions board={board} controller={controller} state={state} clockOffset={connection.store.getState().clockOffset} />}
      {phase === 'playing' && state.studentRematch && (board.status === 'finished' || board.status === 'aborted') && (
        <button className="mt-3 rounded-lg bg-host px-3 py-3 font-semibold text-white" onClick={() => controller.rematch(board.number, true)} data-testid="student-rematch">
          {w.rematch.askStudent}
        </button>
      )}
      {board.status !== 'seated' && wakeLock.notice}
      {signal}
      <details className="mt-3 rounded-lg border px-3 py-2" data-testid="rules">
        <summary className="cursor-pointer font-semibold">{words.rules}</summary>
        <SimulSettings state={state} className="mt-1" />
      </details>
      {phase === 'finished' && (
        <div className="mt-6">
          <h2 className="mb-2 text-xl font-bold" data-testid="simul-finished">{words.finalResults}</h2>
          <Results connection={connection} reader={{ role: 'student', board: board.number }} highlight={board.number} clocks={false} />
        </div>
      )}
    </Shell>
  );
}

/** The seats to take: they fill as others join, so this redraws on every fold. */
function Seats({ connection }: { connection: SimulConnection }) {
  useVersion(connection);
  return <JoinForm state={connection.store.getState().state} connection={connection} />;
}

/** The results table, redrawn on every fold (the simul is over: few come). */
function Results({ connection, ...props }: { connection: SimulConnection } & Omit<Parameters<typeof ResultsTable>[0], 'state'>) {
  useVersion(connection);
  return <ResultsTable state={connection.store.getState().state} {...props} />;
}

/** The banner words the domain's answer (phone-status.ts); where the host is comes from the summary's order on a phone that hears only its board. */
function Banner({ connection, board }: { connection: SimulConnection; board: BoardState }) {
  const status = useSimulShallow(connection, (v) => phoneStatus(v.state.boards.get(board.number) ?? board, hostWhere(v.state, v.queue ?? undefined)));
  const state = connection.store.getState().state;
  const w = useWords();
  const words = w.phone;
  let text: string;
  let tone = 'bg-slate-200 text-slate-900 dark:bg-slate-800 dark:text-slate-100';
  switch (status.kind) {
    case 'seated':
      text = words.seated;
      break;
    case 'queued':
      text = words.queued(status.current);
      tone = 'bg-queued text-slate-900 queued-stripes';
      break;
    case 'finished': {
      // The student's own result, in the student's terms (the board colours speak for the host).
      const look = boardLook(state, board);
      text = resultSentence(w, resultOf(board), { role: 'student', board: board.number }) ?? '';
      tone = look === 'loss' ? 'bg-win text-white' : look === 'win' ? 'bg-slate-700 text-white' : LOOKS[look].chip;
      break;
    }
    case 'paused':
      text = words.paused(status.yourMove);
      tone = LOOKS.paused.chip;
      break;
    case 'bot-plays':
      text = words.botPlays;
      tone = LOOKS.paused.chip;
      break;
    case 'your-move':
      text = words.yourMove;
      tone = 'bg-win text-white text-3xl';
      break;
    case 'host-here':
      text = words.hostHere;
      tone = 'bg-host text-white';
      break;
    case 'host-at':
      text = words.hostAt(status.at, status.before);
      tone = 'bg-host text-white';
      break;
    case 'host-next':
      text = words.hostNext;
      tone = 'bg-host text-white';
      break;
  }
  return (
    <p className={`mb-3 rounded-xl px-4 py-3 text-center text-xl font-bold ${tone}`} role="status" aria-live="polite" data-testid="turn-banner">
      {text}
    </p>
  );
}

/** What became of a takeback on this board, in words: granted, refused, the host's own, turned off. Until the next move. */
function TakebackNews({ board }: { board: BoardState }) {
  const words = useWords().takeback;
  const news = board.takebackNews;
  return (
    <p className={news ? 'mb-2 rounded-lg bg-ready/20 px-3 py-2 text-center font-semibold' : 'sr-only'} role="status" aria-live="polite" data-testid="takeback-news" data-outcome={news?.outcome ?? ''}>
      {news ? words.news[news.outcome] : ''}
    </p>
  );
}

/**
 * What the host just played on this board, in words as well as the highlighted squares (and
 * said by a screen reader). Known by its notation for the moves this phone saw; a phone that
 * opened from a snapshot has the last move's squares only, and says those.
 */
function HostMoveAnnouncement({ board, myTurn }: { board: BoardState; myTurn: boolean }) {
  const w = useWords();
  const last = myTurn ? board.chess.history().at(-1) : undefined;
  const text = !myTurn
    ? ''
    : last
      ? w.phone.hostPlayed(last, spokenMove(w, last))
      : board.lastMove
        ? w.phone.hostMoved(board.lastMove.from, board.lastMove.to)
        : '';
  return (
    <p className={text ? 'mb-2 text-center text-lg font-semibold' : 'sr-only'} aria-live="polite" data-testid="host-move-announcement">
      {text}
    </p>
  );
}

/** In place of the banner while the phone has no link: what it shows may be out of date. */
function OfflineBanner() {
  const w = useWords();
  return (
    <p className="mb-3 rounded-xl bg-ready px-4 py-2 text-center text-slate-950" role="status" aria-live="polite" data-testid="turn-banner" data-offline="true">
      <strong className="block text-xl">{w.phone.offline}</strong>
      <span className="block text-sm">{w.phone.offlineMeans}</span>
    </p>
  );
}

/** The move made while offline: on the board, not yet with the server. */
function NotSentYet({ move }: { move: OptimisticMove }) {
  const w = useWords();
  return (
    <p className="mb-2 text-center font-semibold" role="status" data-testid="not-sent">
      {w.phone.notSentYet(move.from, move.to)}
    </p>
  );
}

/** The takeback button as the rule (takeback-rule.ts) allows it: offered, waiting after a refusal, or absent. */
function AskTakeback({ board, controller, state, clockOffset }: { board: BoardState; controller: SimulController; state: SimulState; clockOffset: number }) {
  const w = useWords();
  const [, redraw] = useState(0);
  const refusal = takebackRefusal(state, { role: 'opponent', board: board.number }, board, Date.now() + clockOffset);
  const waitMs = refusal?.code === 'takeback-wait' ? refusal.params.retryAfterMs : 0;
  // Drawn again each second while the student waits after a refusal.
  useEffect(() => {
    if (waitMs <= 0) return;
    const timer = setTimeout(() => redraw((n) => n + 1), Math.min(1000, waitMs));
    return () => clearTimeout(timer);
  });
  if (board.takebackBy === 'opponent') {
    return <p role="status" className="rounded-lg bg-ready/20 px-3 py-2 font-semibold" data-testid="takeback-asked">{w.takeback.asked}</p>;
  }
  if (refusal && refusal.code !== 'takeback-wait') return null;
  return (
    <button className="rounded-lg border px-3 py-3 font-semibold disabled:opacity-40" disabled={board.paused || waitMs > 0} onClick={() => controller.requestTakeback(board.number)} data-testid="ask-takeback">
      {waitMs > 0 ? w.takeback.askAgainIn(Math.ceil(waitMs / 1000)) : w.takeback.ask}
    </button>
  );
}

function GameActions({ board, controller, state, clockOffset }: { board: BoardState; controller: SimulController; state: SimulState; clockOffset: number }) {
  const w = useWords();
  return (
    <div className="mt-3 flex flex-col gap-2">
      <AskTakeback board={board} controller={controller} state={state} clockOffset={clockOffset} />
      <ClaimDraw board={board} side="opponent" drawRules={state.drawRules} controller={controller} />
      {board.drawOfferBy === 'host' && (
        <div className="flex items-center justify-between gap-2 rounded-lg bg-ready/20 px-3 py-2" role="alert">
          <span className="font-semibold">{w.phone.hostOffersDraw}</span>
          <span className="flex gap-2">
            <button className="rounded bg-win px-3 py-2 font-semibold text-white" onClick={() => controller.answerDraw(board.number, true)}>
              {w.game.accept}
            </button>
            <button className="rounded border px-3 py-2" onClick={() => controller.answerDraw(board.number, false)}>
              {w.game.decline}
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
          {board.drawOfferBy === 'opponent' ? w.game.drawOffered : w.game.offerDraw}
        </button>
        <button
          className="rounded-lg border border-loss px-3 py-3 font-semibold text-loss"
          onClick={() => confirm(w.phone.confirmResign) && controller.resign(board.number)}
        >
          {w.game.resign}
        </button>
      </div>
    </div>
  );
}

function Shell({
  title,
  status,
  pendingCommands,
  wakeLock,
  children,
}: {
  title?: string;
  status?: ConnectionStatus;
  pendingCommands?: number;
  /** Whether the screen is kept on (for the browser tests to read). */
  wakeLock?: WakeLockState;
  children: React.ReactNode;
}) {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-lg flex-col p-3" data-wake-lock={wakeLock}>
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
