'use client';
import { useState } from 'react';
import { useWords } from './language';

/** A student types the six-digit code; the server's /j/<code> sends them to the simul. */
export function JoinCodeForm({ initial }: { initial: string }) {
  const w = useWords();
  const [code, setCode] = useState(initial.replace(/\D/g, '').slice(0, 6));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        window.location.assign(`/j/${code}`);
      }}
      className="flex flex-col gap-3"
    >
      <label className="flex flex-col gap-1">
        <span className="text-sm text-slate-600 dark:text-slate-300">{w.home.codeLabel}</span>
        <input
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          pattern="\d{6}"
          placeholder="123456"
          required
          className="w-full min-w-0 rounded-lg border border-slate-300 px-3 py-3 text-center font-mono text-3xl tracking-[0.3em] dark:border-slate-600 dark:bg-slate-800"
          data-testid="join-code-input"
        />
      </label>
      <button className="rounded-lg bg-slate-900 px-5 py-3 text-lg font-semibold text-white dark:bg-slate-100 dark:text-slate-900">{w.home.joinButton}</button>
    </form>
  );
}
