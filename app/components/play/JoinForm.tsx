'use client';
// The join form. It is drawn (by the server, then the page's first small script) before the
// simul's state and the code that talks to the server have come: the name field takes input at
// once, the seats fill in and the button works when the state is here (PhonePage.tsx). Nothing
// here imports the socket, the chess rules or the store.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { SimulConnection } from '@/lib/client/simul-connection';
import { credentials } from '@/lib/client/saved-credentials';
import { freeSeats } from '@/lib/simul/seats';
import { LIMITS, type SimulState } from '@/lib/simul/types';
import { refusalText } from '@/app/words';
import { useWords } from '../language';

/** The name typed so far: kept while the form is drawn again once the state has come. */
let draftName = '';
const noChange = () => () => {};

/**
 * The phone's page before the simul's state has come: the join form, its seats not known yet;
 * a phone that holds a seat here (its token saved) waits for its board instead.
 */
export function JoinFirst({ simulId }: { simulId: string }) {
  const seated = useSyncExternalStore(noChange, () => Boolean(credentials.seatToken(simulId)), () => false);
  const w = useWords();
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-lg flex-col p-3">
      {seated ? <p className="text-slate-500">{w.phone.opening}</p> : <JoinForm state={null} connection={null} />}
    </main>
  );
}

export function JoinForm({ state, connection }: { state: SimulState | null; connection: SimulConnection | null }) {
  const w = useWords();
  const words = w.phone;
  const [name, setNameState] = useState(draftName);
  const setName = (value: string) => {
    draftName = value;
    setNameState(value);
  };
  const input = useRef<HTMLInputElement>(null);
  // Typed before the page's script took the field over: kept.
  useEffect(() => {
    if (input.current?.value && !draftName) setName(input.current.value);
  }, []);
  const [seat, setSeat] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const free = state ? freeSeats(state) : [];
  const seated = state ? state.order.map((n) => state.boards.get(n)!).filter((b) => b.opponent) : [];

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!connection) return;
    setBusy(true);
    const res = await connection.join(name, seat ? Number(seat) : undefined);
    setBusy(false);
    setError(res.ok ? null : refusalText(w, res.error));
    if (res.ok) draftName = '';
  }

  if (state?.joiningClosed) return <p className="text-lg">{words.joiningClosed}</p>;
  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={submit} className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm dark:bg-slate-900">
        <label className="flex flex-col gap-1">
          <span className="font-semibold">{words.yourName}</span>
          <input
            ref={input}
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
        <button disabled={busy || !state || free.length === 0} className="rounded-lg bg-host px-4 py-3 text-lg font-semibold text-white disabled:opacity-40" data-testid="join">
          {state && free.length === 0 ? words.everySeatTaken : words.takeSeat}
        </button>
      </form>
      {state && <section>
        <h2 className="mb-2 font-semibold">{words.seatedCount(seated.length)}</h2>
        <ul className="flex flex-wrap gap-2">
          {seated.map((b) => (
            <li key={b.number} className="max-w-full truncate rounded-full bg-slate-200 px-3 py-1 text-sm dark:bg-slate-800" title={b.opponent!.name}>
              {b.opponent!.name}
            </li>
          ))}
        </ul>
      </section>}
    </div>
  );
}
