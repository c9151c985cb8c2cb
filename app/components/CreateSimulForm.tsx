'use client';
import { useRouter } from 'next/navigation';
import { useRef, useState, useSyncExternalStore } from 'react';
import { credentials } from '@/lib/client/saved-credentials';
import { request } from '@/lib/client/request';
import { LIMITS, type DrawRules, type HostColorChoice, type Mode, type Rotation, type TakebackPolicy } from '@/lib/simul/types';
import { refusalText } from '@/app/words';
import { formatDuration, lessonFigures } from '@/lib/metrics';
import { useWords } from './language';
import { PositionPicker } from './PositionPicker';
import { useEarlyInput } from './use-early-input';

const noChange = () => () => {};

export function CreateSimulForm({ initialMode }: { initialMode: Mode }) {
  const router = useRouter();
  const w = useWords();
  const words = w.create;
  const [title, setTitle] = useState(words.defaultTitle);
  const [boards, setBoards] = useState(24);
  const [hostColor, setHostColor] = useState<HostColorChoice>('white');
  const [mode, setMode] = useState<Mode>(initialMode);
  const [drawRules, setDrawRules] = useState<DrawRules>('automatic');
  const [clocks, setClocks] = useState(false);
  const [initialMin, setInitialMin] = useState(10);
  const [incrementS, setIncrementS] = useState(5);
  const [hostExtraMin, setHostExtraMin] = useState(10);
  const [rotation, setRotation] = useState<Rotation>('table-order');
  const [startFen, setStartFen] = useState('');
  /** Boards with a position of their own: table number and FEN. */
  const [ownPositions, setOwnPositions] = useState<{ board: number; fen: string }[]>([]);
  const [studentRematch, setStudentRematch] = useState(false);
  const [takebacks, setTakebacks] = useState<TakebackPolicy>('any');
  const [hostName, setHostName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The page is a load of its own (the home page's links are plain): what the teacher typed or
  // chose before React took the form over is kept, not drawn over with the defaults.
  const form = useRef<HTMLFormElement>(null);
  // Creating needs the page's script: until React has the form its button is off (Enter in a
  // field does nothing either), so the browser never sends the form as a page load of its own.
  const working = useSyncExternalStore(noChange, () => true, () => false);
  useEarlyInput(form, {
    title: setTitle,
    'host-name': setHostName,
    boards: (v) => setBoards(Number(v)),
    mode: (v) => setMode(v as Mode),
    color: (v) => setHostColor(v as HostColorChoice),
    'draw-rules': (v) => setDrawRules(v as DrawRules),
    clocks: (v) => setClocks(v === 'on'),
    rotation: (v) => setRotation(v as Rotation),
    takebacks: (v) => setTakebacks(v as TakebackPolicy),
    'student-rematch': (v) => setStudentRematch(v === 'on'),
  });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const clock = clocks
      ? { initialMs: Math.round(initialMin * 60_000), incrementMs: Math.round(incrementS * 1000), hostExtraMs: Math.round(hostExtraMin * 60_000) }
      : undefined;
    const res = await request(
      'simul:create',
      {
        title,
        boards,
        hostColor,
        mode,
        drawRules,
        ...(hostName.trim() ? { hostName } : {}),
        ...(clock ? { clock } : {}),
        // Most urgent reads the clocks: without them the host goes around the tables.
        ...(mode === 'async' && (rotation !== 'most-urgent' || clock) ? { rotation } : {}),
        ...(startFen.trim() ? { startFen } : {}),
        ...(ownPositions.length > 0 ? { boardFens: Object.fromEntries(ownPositions.map((p) => [String(p.board), p.fen])) } : {}),
        ...(studentRematch ? { studentRematch } : {}),
        ...(takebacks !== 'any' ? { takebacks } : {}),
      },
      8000,
    );
    setBusy(false);
    if (!res.ok) {
      setError(refusalText(w, res.error));
      return;
    }
    // The host key stays in this browser: the console's address never shows it.
    credentials.saveHostKey(res.simulId, res.hostKey);
    router.push(`/host/${res.simulId}`);
  }

  const field = 'w-full rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800';
  const radio = 'flex cursor-pointer items-start gap-2 rounded-lg border border-slate-300 p-3 has-[:checked]:border-host has-[:checked]:bg-host/10 dark:border-slate-600';
  return (
    <form ref={form} onSubmit={submit} className="flex flex-col gap-5">
      <label className="flex flex-col gap-1">
        <span className="font-semibold">{words.title}</span>
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={LIMITS.maxTitleLength} required data-testid="title"
          className="rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800" />
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-semibold">{words.hostName}</span>
        <input name="host-name" value={hostName} onChange={(e) => setHostName(e.target.value)} maxLength={LIMITS.maxNameLength} data-testid="host-name"
          aria-describedby="host-name-hint" className="rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800" />
        <span id="host-name-hint" className="text-sm text-slate-600 dark:text-slate-300">{words.hostNameHint}</span>
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-semibold">{words.boards}</span>
        <input type="number" name="boards" min={LIMITS.minBoards} max={LIMITS.maxBoards} value={boards} required data-testid="boards"
          onChange={(e) => setBoards(Number(e.target.value))}
          className="w-32 rounded-lg border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800" />
        <span className="text-sm text-slate-500">{words.boardsHint}</span>
      </label>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{words.mode}</legend>
        <label className={radio}>
          <input type="radio" name="mode" value="async" checked={mode === 'async'} onChange={() => setMode('async')} data-testid="mode-async" />
          <span><strong>{words.async}</strong>{words.asyncHint}</span>
        </label>
        <label className={radio}>
          <input type="radio" name="mode" value="sync" checked={mode === 'sync'} onChange={() => setMode('sync')} data-testid="mode-sync" />
          <span><strong>{words.sync}</strong>{words.syncHint}</span>
        </label>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{words.hostColor}</legend>
        <div className="grid grid-cols-1 gap-2 min-[26rem]:grid-cols-3">
          {(['white', 'black', 'alternate'] as const).map((c) => (
            <label key={c} className={radio}>
              <input type="radio" name="color" value={c} checked={hostColor === c} onChange={() => setHostColor(c)} data-testid={`color-${c}`}
                aria-describedby={c === 'alternate' ? 'alternate-hint' : undefined} />
              <span>{words.colors[c]}</span>
            </label>
          ))}
        </div>
        <p id="alternate-hint" className="text-sm text-slate-600 dark:text-slate-300" data-testid="alternate-hint">
          {words.colors.alternate}: {words.alternateHint}
        </p>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{w.settings.drawRulesLegend}</legend>
        {(['automatic', 'claimed'] as const).map((rules) => (
          <label key={rules} className={radio}>
            <input type="radio" name="draw-rules" value={rules} checked={drawRules === rules} onChange={() => setDrawRules(rules)} data-testid={`draws-${rules}`} />
            <span className="first-letter:uppercase">{w.settings.drawRules[rules]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{words.clocks}</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="clocks" checked={clocks} onChange={(e) => setClocks(e.target.checked)} data-testid="clocks" />
          <span>{words.playWithClocks}</span>
        </label>
        {clocks && (
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
            <label className="flex flex-col gap-1">
              <span className="text-sm">{words.minutesPerGame}</span>
              <input type="number" min={LIMITS.minClockMs / 60_000} max={LIMITS.maxClockMs / 60_000} step={1} value={initialMin} required data-testid="clock-minutes"
                onChange={(e) => setInitialMin(Number(e.target.value))} className={field} />
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-sm">{words.secondsPerMove}</span>
              <input type="number" min={0} max={LIMITS.maxIncrementMs / 1000} step={1} value={incrementS} required data-testid="clock-increment"
                onChange={(e) => setIncrementS(Number(e.target.value))} className={field} />
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-sm">{words.hostExtraMinutes}</span>
              <input type="number" min={0} max={LIMITS.maxClockMs / 60_000} step={1} value={hostExtraMin} required data-testid="clock-host-extra"
                onChange={(e) => setHostExtraMin(Number(e.target.value))} className={field} />
            </label>
          </div>
        )}
        {clocks && (
          <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="host-clock-total">
            {words.hostTotal(initialMin, hostExtraMin)}
          </p>
        )}
      </fieldset>
      {mode === 'async' && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-semibold">{w.rotation.legend}</legend>
          {(['table-order', 'first-ready', 'most-urgent'] as const).map((r) => (
            <label key={r} className={`${radio} has-[:disabled]:opacity-60`}>
              <input type="radio" name="rotation" value={r} checked={rotation === r} disabled={r === 'most-urgent' && !clocks} onChange={() => setRotation(r)} data-testid={`rotation-${r}`} />
              <span>
                <strong>{w.rotation.name[r]}</strong>: {w.rotation.hint[r]}
              </span>
            </label>
          ))}
          {!clocks && <p className="text-sm text-slate-600 dark:text-slate-300">{w.rotation.needsClocks}</p>}
        </fieldset>
      )}
      <fieldset className="flex min-w-0 flex-col gap-3">
        <legend className="mb-1 font-semibold">{w.startPosition.legend}</legend>
        <PositionPicker fen={startFen} onChange={setStartFen} label={w.startPosition.choose} testId="start-position" />
        {ownPositions.map((p, i) => (
          <div key={i} className="flex min-w-0 flex-wrap items-end gap-2 rounded-lg border border-slate-300 p-2 dark:border-slate-600">
            <label className="flex flex-col gap-1">
              <span className="text-sm">{w.startPosition.board}</span>
              <input type="number" min={1} max={boards} value={p.board} className={`${field} w-20`} data-testid={`own-board-${i}`}
                onChange={(e) => setOwnPositions(ownPositions.map((q, j) => (j === i ? { ...q, board: Number(e.target.value) } : q)))} />
            </label>
            <div className="min-w-0 flex-1">
              <PositionPicker fen={p.fen} label={w.startPosition.choose} testId={`own-position-${i}`}
                onChange={(fen) => setOwnPositions(ownPositions.map((q, j) => (j === i ? { ...q, fen } : q)))} />
            </div>
            <button type="button" className="rounded border px-2 py-1 text-sm" onClick={() => setOwnPositions(ownPositions.filter((_, j) => j !== i))}>
              {w.startPosition.remove}
            </button>
          </div>
        ))}
        <button type="button" className="self-start rounded border px-3 py-1 text-sm" data-testid="add-own-position"
          onClick={() => setOwnPositions([...ownPositions, { board: Math.min(boards, ownPositions.length + 1), fen: '' }])}>
          {w.startPosition.addBoard}
        </button>
      </fieldset>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-semibold">{w.takeback.policyLegend}</legend>
        {(['any', 'one-per-game', 'none'] as const).map((p) => (
          <label key={p} className="flex items-center gap-2">
            <input type="radio" name="takebacks" value={p} checked={takebacks === p} onChange={() => setTakebacks(p)} data-testid={`takebacks-${p}`} />
            <span>{w.takeback.policy[p]}</span>
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="student-rematch" checked={studentRematch} onChange={(e) => setStudentRematch(e.target.checked)} data-testid="student-rematch" />
        <span>{w.rematch.studentMay}</span>
      </label>
      <PeriodEstimate boards={boards} mode={mode} />
      {error && <p role="alert" className="text-loss">{error}</p>}
      <button disabled={busy || !working} className="rounded-lg bg-host px-5 py-3 text-lg font-semibold text-white disabled:opacity-50" data-testid="create">
        {busy ? words.creating : words.create}
      </button>
    </form>
  );
}

/** Whether the simul fits a class period, by the lesson's arithmetic, with times the teacher may change. */
function PeriodEstimate({ boards, mode }: { boards: number; mode: Mode }) {
  const words = useWords().create;
  const [period, setPeriod] = useState(45);
  const [hostS, setHostS] = useState(10);
  const [studentS, setStudentS] = useState(30);
  const [moves, setMoves] = useState(30);
  const fields = useRef<HTMLFieldSetElement>(null);
  useEarlyInput(fields, {
    'period-minutes': (v) => setPeriod(Number(v)),
    'period-host-seconds': (v) => setHostS(Number(v)),
    'period-student-seconds': (v) => setStudentS(Number(v)),
    'period-moves': (v) => setMoves(Number(v)),
  });
  const valid = boards >= 1 && period > 0 && hostS > 0 && studentS >= 0 && moves >= 1;
  const figures = valid ? lessonFigures({ n: boards, h: hostS * 1000, o: studentS * 1000, m: moves }) : null;
  const total = figures ? (mode === 'async' ? figures.A : figures.S) : 0;
  const field = 'w-24 rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800';
  const input = (label: string, value: number, set: (n: number) => void, testId: string, min = 1) => (
    <label className="flex flex-col gap-1 text-sm">
      <span>{label}</span>
      <input type="number" name={testId} min={min} step={1} value={value} onChange={(e) => set(Number(e.target.value))} className={field} data-testid={testId} />
    </label>
  );
  return (
    <fieldset ref={fields} className="flex flex-col gap-2 rounded-lg border border-slate-300 p-3 dark:border-slate-600">
      <legend className="px-1 font-semibold">{words.estimate}</legend>
      <div className="flex flex-wrap gap-3">
        {input(words.periodMinutes, period, setPeriod, 'period-minutes')}
        {input(words.hostSeconds, hostS, setHostS, 'period-host-seconds')}
        {input(words.studentSeconds, studentS, setStudentS, 'period-student-seconds', 0)}
        {input(words.movesPerGame, moves, setMoves, 'period-moves')}
      </div>
      {figures && (
        <p aria-live="polite" data-testid="period-estimate">
          {words.estimateText(mode, formatDuration(figures.A), formatDuration(figures.S))}{' '}
          <strong>{total <= period * 60_000 ? words.fits(period) : words.tooLong(period)}</strong>
        </p>
      )}
      <p className="text-sm text-slate-600 dark:text-slate-300">{words.estimateNote}</p>
    </fieldset>
  );
}
