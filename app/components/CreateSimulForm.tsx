'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { credentials } from '@/lib/client/credentials';
import { request } from '@/lib/client/request';
import { LIMITS, type DrawRules, type HostColorChoice, type Mode } from '@/lib/simul/types';
import { createWords, DRAW_RULES, DRAW_RULES_LEGEND, refusalText } from '@/app/words';

export function CreateSimulForm({ initialMode }: { initialMode: Mode }) {
  const router = useRouter();
  const [title, setTitle] = useState('Class simul');
  const [boards, setBoards] = useState(24);
  const [hostColor, setHostColor] = useState<HostColorChoice>('white');
  const [mode, setMode] = useState<Mode>(initialMode);
  const [drawRules, setDrawRules] = useState<DrawRules>('automatic');
  const [clocks, setClocks] = useState(false);
  const [initialMin, setInitialMin] = useState(10);
  const [incrementS, setIncrementS] = useState(5);
  const [hostExtraMin, setHostExtraMin] = useState(10);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const clock = clocks
      ? { initialMs: Math.round(initialMin * 60_000), incrementMs: Math.round(incrementS * 1000), hostExtraMs: Math.round(hostExtraMin * 60_000) }
      : undefined;
    const res = await request('simul:create', { title, boards, hostColor, mode, drawRules, ...(clock ? { clock } : {}) }, 8000);
    setBusy(false);
    if (!res.ok) {
      setError(refusalText(res.error));
      return;
    }
    // The host key stays in this browser: the console's address never shows it.
    credentials.saveHostKey(res.simulId, res.hostKey);
    router.push(`/host/${res.simulId}`);
  }

  const field = 'w-full rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800';
  const radio = 'flex cursor-pointer items-start gap-2 rounded-lg border border-slate-300 p-3 has-[:checked]:border-host has-[:checked]:bg-host/10 dark:border-slate-600';
  return (
    <form onSubmit={submit} className="flex flex-col gap-5">
      <label className="flex flex-col gap-1">
        <span className="font-semibold">Title</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={LIMITS.maxTitleLength} required data-testid="title"
          className="rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800" />
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-semibold">Boards</span>
        <input type="number" min={LIMITS.minBoards} max={LIMITS.maxBoards} value={boards} required data-testid="boards"
          onChange={(e) => setBoards(Number(e.target.value))}
          className="w-32 rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800" />
        <span className="text-sm text-slate-500">Empty boards are dropped at the start.</span>
      </label>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">Mode</legend>
        <label className={radio}>
          <input type="radio" name="mode" checked={mode === 'async'} onChange={() => setMode('async')} data-testid="mode-async" />
          <span><strong>Async</strong>: rotate between all boards, one move at each (the event loop).</span>
        </label>
        <label className={radio}>
          <input type="radio" name="mode" checked={mode === 'sync'} onChange={() => setMode('sync')} data-testid="mode-sync" />
          <span><strong>Sync</strong>: one game at a time, in table order (blocking calls).</span>
        </label>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{createWords.hostColor}</legend>
        <div className="grid grid-cols-1 gap-2 min-[26rem]:grid-cols-3">
          {(['white', 'black', 'alternate'] as const).map((c) => (
            <label key={c} className={radio}>
              <input type="radio" name="color" checked={hostColor === c} onChange={() => setHostColor(c)} data-testid={`color-${c}`}
                aria-describedby={c === 'alternate' ? 'alternate-hint' : undefined} />
              <span>{createWords[c]}</span>
            </label>
          ))}
        </div>
        <p id="alternate-hint" className="text-sm text-slate-600 dark:text-slate-300" data-testid="alternate-hint">
          {createWords.alternate}: {createWords.alternateHint}
        </p>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{DRAW_RULES_LEGEND}</legend>
        {(['automatic', 'claimed'] as const).map((rules) => (
          <label key={rules} className={radio}>
            <input type="radio" name="draw-rules" checked={drawRules === rules} onChange={() => setDrawRules(rules)} data-testid={`draws-${rules}`} />
            <span className="first-letter:uppercase">{DRAW_RULES[rules]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{createWords.clocks}</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={clocks} onChange={(e) => setClocks(e.target.checked)} data-testid="clocks" />
          <span>{createWords.playWithClocks}</span>
        </label>
        {clocks && (
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
            <label className="flex flex-col gap-1">
              <span className="text-sm">{createWords.minutesPerGame}</span>
              <input type="number" min={LIMITS.minClockMs / 60_000} max={LIMITS.maxClockMs / 60_000} step={1} value={initialMin} required data-testid="clock-minutes"
                onChange={(e) => setInitialMin(Number(e.target.value))} className={field} />
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-sm">{createWords.secondsPerMove}</span>
              <input type="number" min={0} max={LIMITS.maxIncrementMs / 1000} step={1} value={incrementS} required data-testid="clock-increment"
                onChange={(e) => setIncrementS(Number(e.target.value))} className={field} />
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-sm">{createWords.hostExtraMinutes}</span>
              <input type="number" min={0} max={LIMITS.maxClockMs / 60_000} step={1} value={hostExtraMin} required data-testid="clock-host-extra"
                onChange={(e) => setHostExtraMin(Number(e.target.value))} className={field} />
            </label>
          </div>
        )}
      </fieldset>
      {error && <p role="alert" className="text-loss">{error}</p>}
      <button disabled={busy} className="rounded-lg bg-host px-5 py-3 text-lg font-semibold text-white disabled:opacity-50" data-testid="create">
        {busy ? 'Creating…' : 'Create and open the console'}
      </button>
    </form>
  );
}
