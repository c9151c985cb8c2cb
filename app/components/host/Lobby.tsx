'use client';
// The host's lobby: seats fill live as students join; the host frees seats (or removes a
// squatter and blocks their device's network address), closes joining, starts.
import { useState } from 'react';
import type { SimulController } from '@/lib/client/simul-controller';
import type { SimulState } from '@/lib/simul/types';
import { LATE_JOIN } from '@/app/words';
import { JoinPanel } from './JoinPanel';

export function Lobby({ state, controller }: { state: SimulState; controller: SimulController }) {
  const boards = state.order.map((n) => state.boards.get(n)!);
  const seated = boards.filter((b) => b.opponent).length;

  return (
    <div className="flex flex-col gap-6">
      <JoinPanel simulId={state.simulId} joinCode={state.joinCode} />
      <section aria-label="Seats" className="rounded-2xl bg-white p-6 shadow-sm dark:bg-slate-900">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-2xl font-bold">
            <span data-testid="seated-count">{seated}</span> of {boards.length} seats taken
          </h2>
          <div className="flex gap-2">
            <button
              onClick={() => controller.setJoining(state.joiningClosed)}
              className="rounded-lg border border-slate-300 px-4 py-2 font-semibold dark:border-slate-600"
            >
              {state.joiningClosed ? 'Open joining' : 'Close joining'}
            </button>
            <button
              onClick={() => controller.start()}
              disabled={seated === 0}
              className="rounded-lg bg-host px-5 py-2 font-semibold text-white disabled:opacity-40"
              data-testid="start"
            >
              Start the simul
            </button>
          </div>
        </div>
        {state.joiningClosed && <p className="mb-3 font-semibold text-ready">Joining is closed.</p>}
        {seated > 0 && seated < boards.length && (
          <p className="mb-3 text-sm text-slate-500">{LATE_JOIN.lobbyNote}</p>
        )}
        <ul className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-2" data-testid="seats">
          {boards.map((b) => (
            <li
              key={b.number}
              className={`flex flex-wrap items-center justify-between gap-x-2 gap-y-1 rounded-lg border px-3 py-2 ${
                b.opponent ? 'border-slate-400 bg-slate-50 dark:bg-slate-800' : 'border-dashed border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-400'
              }`}
            >
              <span>
                <span className="mr-2 text-sm text-slate-500">{b.number}</span>
                <span className="font-semibold" data-testid={`seat-${b.number}`}>{b.opponent?.name ?? 'free'}</span>
              </span>
              {b.opponent && <SeatActions key={b.opponent.playerId} board={b.number} name={b.opponent.name} controller={controller} />}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** Free a seat, or (after a second click) remove its student and block their device from this simul. */
function SeatActions({ board, name, controller }: { board: number; name: string; controller: SimulController }) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <span role="group" aria-label={`Remove and block seat ${board}`} className="flex basis-full flex-wrap items-center gap-2 text-sm">
        <span>Remove {name} and block this device? Its network address can no longer join this simul.</span>
        <button
          autoFocus
          onClick={() => {
            setConfirming(false);
            void controller.freeSeat(board, true);
          }}
          className="rounded bg-loss px-2 py-1 font-semibold text-white"
        >
          Remove and block
        </button>
        <button onClick={() => setConfirming(false)} className="rounded border px-2 py-1">
          Cancel
        </button>
      </span>
    );
  }
  return (
    <span className="flex gap-3">
      <button onClick={() => controller.freeSeat(board)} className="text-xs text-slate-500 underline" aria-label={`Free seat ${board}`}>
        free
      </button>
      <button onClick={() => setConfirming(true)} className="text-xs text-loss underline" aria-label={`Remove and block seat ${board}`}>
        remove and block
      </button>
    </span>
  );
}
