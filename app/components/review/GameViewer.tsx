'use client';
// Each game's moves with the time each took (and, with clocks, the mover's time left after it),
// and a board to step through it: every game of a rematched board, each as finally played from
// its start position, with its takebacks counted.
import { useMemo, useState } from 'react';
import { Chess } from '@/lib/chess/rules';
import { formatDuration, type SimulMetrics } from '@/lib/metrics';
import { readGames } from '@/lib/export/games';
import type { BoardState, SimulEvent, SimulState } from '@/lib/simul/types';
import { formatClock } from '../ClockTime';
import { positionName, SimulSettings } from '../SimulSettings';
import { seatedName, type Words } from '@/app/words';
import { useWords } from '../language';
import { BotMarker } from '../BotMarker';
import { ICONS } from '../icons';
import { MiniBoard } from '../MiniBoard';

/** An opponent's name in a list's option, where only text fits: a bot says so in words. */
function optionName(w: Words, board: number, opponent: BoardState['opponent'] | undefined): string {
  if (!opponent) return '';
  const name = seatedName(w, board, opponent)!;
  return opponent.bot ? w.bots.inText(name) : name;
}

export function GameViewer({ state, metrics, log }: { state: SimulState; metrics: SimulMetrics; log: SimulEvent[] }) {
  const w = useWords();
  const words = w.review;
  // Every game of every board (a rematched board has several), each as finally played.
  // The log grows in place: its length says when it changed.
  const games = useMemo(() => readGames(log), [log, log.length]);
  const [chosen, setChosen] = useState(0);
  const [ply, setPly] = useState(-1);
  const game = games.games[Math.min(chosen, games.games.length - 1)];
  // A move's think time: the exports' list of every move is the metrics' list, in the same order.
  const thinks = useMemo(() => new Map(games.moves.map((m, i) => [m, metrics.moves[i]?.think ?? 0])), [games, metrics]);
  const moves = game?.moves ?? [];
  const positions = useMemo(() => {
    const chess = game?.fen ? new Chess(game.fen) : new Chess();
    const out = [{ fen: chess.fen(), last: null as string | null }];
    for (const m of moves) {
      const made = chess.move(m.san);
      out.push({ fen: chess.fen(), last: made.from + made.to });
    }
    return out;
  }, [game, moves]);
  if (!game) return null;
  const rows: { number: number; w?: number; b?: number }[] = [];
  moves.forEach((m, i) => {
    const row = rows.at(-1);
    if (m.color === 'b' && row && row.number === m.moveNumber && row.b === undefined) row.b = i;
    else rows.push({ number: m.moveNumber, [m.color]: i });
  });
  const shown = ply < 0 ? positions.length - 1 : Math.min(ply, positions.length - 1);
  const b = state.boards.get(game.board);
  const go = (p: number) => setPly(Math.max(0, Math.min(positions.length - 1, p)));

  return (
    <section aria-label={words.games} className="rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h2 className="text-xl font-bold">{words.games}</h2>
        <label className="flex min-w-0 max-w-full items-center gap-2">
          <span className="text-sm text-slate-500">{words.board}</span>
          <select
            value={chosen}
            onChange={(e) => {
              setChosen(Number(e.target.value));
              setPly(-1);
            }}
            className="min-w-0 max-w-full rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            data-testid="game-select"
          >
            {games.games.map((g, i) => (
              <option key={`${g.board}.${g.game}`} value={i}>
                {g.game === 1 ? g.board : w.rematch.gameOf(g.board, g.game)} · {optionName(w, g.board, state.boards.get(g.board)?.opponent)}
              </option>
            ))}
          </select>
        </label>
        {b?.opponent?.bot && <BotMarker />}
        {state.hostBot && <span className="text-sm text-slate-500">{w.bots.hostIsBot}</span>}
        {game.takebacks > 0 && <span className="text-sm" data-testid="game-takebacks">{w.takeback.count(game.takebacks)}</span>}
        {game.fen && <span className="text-sm text-slate-500" data-testid="game-position">{positionName(w, game.fen)}</span>}
      </div>
      <div className="grid gap-4 md:grid-cols-[minmax(0,22rem)_1fr]">
        <div
          tabIndex={0}
          onKeyDown={(e) => {
            if (e.key === 'ArrowLeft') go(shown - 1);
            if (e.key === 'ArrowRight') go(shown + 1);
          }}
          className="flex flex-col gap-2 outline-none"
          aria-label={words.position}
        >
          <MiniBoard fen={positions[shown].fen} lastMove={positions[shown].last} flipped={game.hostColor === 'b'} className="rounded" />
          <div className="flex items-center justify-between gap-2">
            <button className="rounded border px-3 py-1" onClick={() => go(0)} aria-label={words.first}>{ICONS.first}</button>
            <button className="rounded border px-3 py-1" onClick={() => go(shown - 1)} aria-label={words.previous}>{ICONS.previous}</button>
            <span className="text-sm tabular-nums">{shown} / {positions.length - 1}</span>
            <button className="rounded border px-3 py-1" onClick={() => go(shown + 1)} aria-label={words.next}>{ICONS.next}</button>
            <button className="rounded border px-3 py-1" onClick={() => go(positions.length - 1)} aria-label={words.last}>{ICONS.last}</button>
          </div>
        </div>
        <ol className="grid max-h-96 grid-cols-[auto_1fr_1fr] content-start gap-x-3 gap-y-0.5 overflow-y-auto text-sm tabular-nums" data-testid="move-list">
          {rows.map((row) => (
            <li key={`${row.number}-${row.w ?? row.b}`} className="contents">
              <span className="text-slate-600 dark:text-slate-400">{row.number}.</span>
              {[row.w, row.b].map((i, j) => {
                const m = i === undefined ? undefined : moves[i];
                return m && i !== undefined ? (
                  <button key={j} onClick={() => go(i + 1)} className={`rounded px-1 text-left ${shown === i + 1 ? 'ring-2 ring-host ring-inset' : ''}`}>
                    <span className="font-semibold">{m.san}</span>{' '}
                    <span className={m.by === 'host' ? 'text-host' : 'text-waiting'}>{formatDuration(thinks.get(m) ?? 0)}</span>
                    {m.clock !== null && (
                      <span className="text-slate-500" data-testid={`clock-after-${i + 1}`}>
                        {' '}
                        · {formatClock(m.clock)}
                      </span>
                    )}
                  </button>
                ) : (
                  <span key={j} />
                );
              })}
            </li>
          ))}
        </ol>
      </div>
      <SimulSettings state={state} className="mt-2 text-xs" />
      <p className="mt-2 text-xs text-slate-500">
        {state.clock && <>{words.clockAfter} </>}
        {words.times} <span className="text-host">{words.hostThink}</span> {words.hostThinkMeans} ·{' '}
        <span className="text-waiting">{words.opponentThink}</span> {words.opponentThinkMeans}
      </p>
    </section>
  );
}
