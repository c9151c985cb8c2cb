// The results, counted from the host's side, the same on every screen; with clocks, each
// finished game's clocks as they stopped.
import { tally } from '@/lib/simul/queries';
import type { SimulState } from '@/lib/simul/types';
import { CLOCK_WORDS, END_REASON } from '@/app/words';
import { boardLook, LOOKS } from './board-look';
import { formatClock } from './ClockTime';

export function ResultsTable({
  state,
  highlight,
  clocks = true,
}: {
  state: SimulState;
  highlight?: number | null;
  /** False where the other boards' clocks are not followed (a phone hears only its own board). */
  clocks?: boolean;
}) {
  const t = tally(state);
  const withClocks = clocks && state.clock !== null;
  return (
    <section aria-label="Results" data-testid="results">
      <p className="mb-3 text-lg" data-testid="tally">
        Host: <strong data-testid="wins">{t.wins}</strong> won · <strong data-testid="draws">{t.draws}</strong> drawn ·{' '}
        <strong data-testid="losses">{t.losses}</strong> lost
        {t.unfinished > 0 && <> · {t.unfinished} unfinished</>}
        {t.playing > 0 && <> · {t.playing} playing</>}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-300 text-slate-500 dark:border-slate-700">
            <tr>
              <th className="py-1 pr-3">Board</th>
              <th className="py-1 pr-3">Opponent</th>
              <th className="py-1 pr-3">Host plays</th>
              <th className="py-1 pr-3">Result</th>
              <th className="py-1 pr-3">How</th>
              {withClocks && <th className="py-1 pr-3">{CLOCK_WORDS.finalClocks}</th>}
              <th className="py-1 pr-3 text-right">Moves</th>
            </tr>
          </thead>
          <tbody>
            {state.order.map((n) => {
              const b = state.boards.get(n)!;
              const look = LOOKS[boardLook(state, b)];
              return (
                <tr
                  key={n}
                  data-testid={`result-row-${n}`}
                  className={`border-b border-slate-200 dark:border-slate-800 ${highlight === n ? 'bg-host/10' : ''}`}
                >
                  <td className="py-1 pr-3 font-semibold">{n}</td>
                  <td className="py-1 pr-3">{b.opponent?.name ?? '—'}</td>
                  <td className="py-1 pr-3">{b.hostColor === 'w' ? 'White' : 'Black'}</td>
                  <td className="py-1 pr-3">
                    <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${look.chip}`} data-testid={`result-${n}`}>
                      {look.icon} {look.label}
                    </span>
                  </td>
                  <td className="py-1 pr-3 text-slate-500">{b.endReason ? END_REASON[b.endReason] : b.status === 'aborted' ? 'aborted' : ''}</td>
                  {withClocks && (
                    <td className="whitespace-nowrap py-1 pr-3 font-mono tabular-nums" data-testid={`result-clocks-${n}`}>
                      {b.clock && b.clock.running === null && b.endedAt !== null ? `${formatClock(b.clock.host)} · ${formatClock(b.clock.opponent)}` : ''}
                    </td>
                  )}
                  <td className="py-1 pr-3 text-right tabular-nums">{b.moveCount}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
