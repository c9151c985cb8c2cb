'use client';
import { useState } from 'react';
import type { SimulConnection } from '@/lib/client/simul-connection';
import { freeSeats } from '@/lib/simul/queries';
import { LIMITS, type SimulState } from '@/lib/simul/types';
import { refusalText } from '@/app/words';
import { useWords } from '../language';

export function JoinForm({ state, connection }: { state: SimulState; connection: SimulConnection }) {
  const w = useWords();
  const words = w.phone;
  const [name, setName] = useState('');
  const [seat, setSeat] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const free = freeSeats(state);
  const seated = state.order.map((n) => state.boards.get(n)!).filter((b) => b.opponent);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await connection.join(name, seat ? Number(seat) : undefined);
    setBusy(false);
    setError(res.ok ? null : refusalText(w, res.error));
  }

  if (state.joiningClosed) return <p className="text-lg">{words.joiningClosed}</p>;
  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={submit} className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900">
        <label className="flex flex-col gap-1">
          <span className="font-semibold">{words.yourName}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={LIMITS.maxNameLength}
            required
            autoFocus
            autoComplete="nickname"
            className="rounded-lg border border-slate-300 px-3 py-3 text-lg dark:border-slate-600 dark:bg-slate-800"
            data-testid="name"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">{words.seat}</span>
          <select value={seat} onChange={(e) => setSeat(e.target.value)} className="rounded-lg border border-slate-300 px-3 py-3 dark:border-slate-600 dark:bg-slate-800">
            <option value="">{words.firstFreeSeat}</option>
            {free.map((n) => (
              <option key={n} value={n}>{w.game.board(n)}</option>
            ))}
          </select>
        </label>
        {error && <p role="alert" className="text-loss">{error}</p>}
        <button disabled={busy || free.length === 0} className="rounded-lg bg-host px-4 py-3 text-lg font-semibold text-white disabled:opacity-40" data-testid="join">
          {free.length === 0 ? words.everySeatTaken : words.takeSeat}
        </button>
      </form>
      <section>
        <h2 className="mb-2 font-semibold">{words.seatedCount(seated.length)}</h2>
        <ul className="flex flex-wrap gap-2">
          {seated.map((b) => (
            <li key={b.number} className="max-w-full truncate rounded-full bg-slate-200 px-3 py-1 text-sm dark:bg-slate-800" title={b.opponent!.name}>
              {b.opponent!.name}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
