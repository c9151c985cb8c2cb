// The results: the tally counted from the host's side; each game's result in the words of
// whoever reads the screen (app/words/say.ts: resultWords).
import { BotMarker } from './BotMarker';
import { gameLook } from '@/lib/simul/board-look';
import { gamesOf, tally, type GameResult } from '@/lib/simul/results';
import type { BoardState, SimulState } from '@/lib/simul/types';
import { resultHeaders, resultWords, seatedName, type Reader, type ResultOf } from '@/app/words';
import { useWords } from './language';
import { boardLook, LOOKS } from './board-look';
import { formatClock } from './ClockTime';

/** A board of the state as a result reads it. */
export function resultOf(b: BoardState): ResultOf {
  return { number: b.number, hostColor: b.hostColor, status: b.status, result: b.result, endReason: b.endReason, name: b.opponent?.name };
}

/** A board's earlier game (results.ts) as a result reads it. */
function pastResultOf(b: BoardState, g: GameResult): ResultOf {
  return { number: b.number, hostColor: g.hostColor, status: g.status, result: g.result, endReason: g.reason, name: b.opponent?.name };
}

/** The host's score, counted from the host's side. */
export function Tally({ state, big = false }: { state: SimulState; big?: boolean }) {
  const words = useWords().resultsTable.tally;
  const t = tally(state);
  return (
    <p className={big ? 'mb-[1vh] text-[clamp(1.25rem,3.6vh,2.75rem)]' : 'mb-3 text-lg'} data-testid="tally">
      {words.host} <strong data-testid="wins">{t.wins}</strong> {words.won} · <strong data-testid="draws">{t.draws}</strong>{' '}
      {words.drawn} · <strong data-testid="losses">{t.losses}</strong> {words.lost}
      {t.unfinished > 0 && <> · {t.unfinished} {words.unfinished}</>}
      {t.playing > 0 && <> · {t.playing} {words.playing}</>}
    </p>
  );
}

export function ResultsTable({
  state,
  reader,
  highlight,
  numbers,
  big = false,
  clocks = true,
  withTally = true,
  fontPx,
}: {
  state: SimulState;
  reader: Reader;
  highlight?: number | null;
  /** The boards to list (a projector's page); every board when not given. */
  numbers?: number[];
  /** Projector type, read from the back of the room. */
  big?: boolean;
  /** False where the other boards' clocks are not followed (a phone hears only its own board). */
  clocks?: boolean;
  /** False where the tally is said once above several tables (the projector's end screen). */
  withTally?: boolean;
  /** The projector's fitted type size; its rows then stay on one line. */
  fontPx?: number;
}) {
  const w = useWords();
  const words = w.resultsTable;
  const withClocks = clocks && state.clock !== null;
  return (
    <section aria-label={words.region} data-testid="results">
      {withTally && <Tally state={state} big={big} />}
      {/* Focusable, so that a keyboard can scroll it where it is wider than the screen. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={words.byBoard}>
        <table
          className={`results-table w-full text-left ${big ? 'results-big' : 'text-sm'} ${fontPx ? 'results-fitted' : ''}`}
          style={fontPx ? { fontSize: `${fontPx}px` } : undefined}
        >
          <thead className="border-b border-slate-300 text-slate-500 dark:border-slate-700">
            <tr>
              {resultHeaders(w, withClocks).map((header, i, all) => (
                <th key={header} className={`py-1 pr-3 ${i === all.length - 1 ? 'text-right' : ''}`}>{header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(numbers ?? state.order).flatMap((n) => {
              const b = state.boards.get(n)!;
              // Every game of the board (results.ts gamesOf): the earlier ones first, the current one last.
              const games = gamesOf(state, n);
              const earlier = games.slice(0, -1).map((g) => {
                const said = resultWords(w, pastResultOf(b, g), reader);
                const lookKey = gameLook(g);
                return (
                  <tr key={`${n}-${g.game}`} data-testid={`result-row-${n}-game-${g.game}`} className={`border-b border-slate-200 dark:border-slate-800 ${highlight === n ? 'bg-host/10' : ''}`}>
                    <td className="py-1 pr-3 font-semibold">{w.rematch.gameOf(n, g.game)}</td>
                    <td className="py-1 pr-3">{b.opponent?.name ?? '—'}</td>
                    <td className="py-1 pr-3">{g.hostColor === 'w' ? w.game.white : w.game.black}</td>
                    <td className="py-1 pr-3">
                      <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${LOOKS[lookKey].chip}`}>{said?.word ?? w.boardLooks[lookKey]}</span>
                    </td>
                    <td className="py-1 pr-3 text-slate-600 dark:text-slate-400">{said?.how}</td>
                    {withClocks && <td />}
                    <td className="py-1 pr-3 text-right tabular-nums">{g.moves}</td>
                  </tr>
                );
              });
              const lookKey = boardLook(state, b);
              const look = LOOKS[lookKey];
              const said = resultWords(w, resultOf(b), reader);
              return [
                ...earlier,
                <tr
                  key={n}
                  data-testid={`result-row-${n}`}
                  className={`border-b border-slate-200 dark:border-slate-800 ${highlight === n ? 'bg-host/10' : ''}`}
                >
                  <td className="py-1 pr-3 font-semibold">{games.length > 1 ? w.rematch.gameOf(n, b.game) : n}</td>
                  <td className="py-1 pr-3">
                    {seatedName(w, b.number, b.opponent) ?? '—'} {b.opponent?.bot && <BotMarker />}
                  </td>
                  <td className="py-1 pr-3">{b.hostColor === 'w' ? w.game.white : w.game.black}</td>
                  <td className="py-1 pr-3">
                    <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${look.chip}`} data-testid={`result-${n}`}>
                      {said?.word ?? w.boardLooks[lookKey]}
                    </span>
                  </td>
                  <td className="py-1 pr-3 text-slate-600 dark:text-slate-400">{said?.how}</td>
                  {withClocks && (
                    <td className="whitespace-nowrap py-1 pr-3 font-mono tabular-nums" data-testid={`result-clocks-${n}`}>
                      {b.clock && b.clock.running === null && b.endedAt !== null ? `${formatClock(b.clock.host)} · ${formatClock(b.clock.opponent)}` : ''}
                    </td>
                  )}
                  <td className="py-1 pr-3 text-right tabular-nums">{b.moveCount}</td>
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
