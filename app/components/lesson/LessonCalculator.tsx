'use client';
// The lesson's calculator: n boards, host and opponent seconds per move, move pairs per
// game in; the closed form's totals, the host's busy and idle time in each mode and the
// speed-up out, with the chart of both totals as the number of boards grows.
import { useState } from 'react';
import { formatPercent, formatSpeedUp, lessonFigures, type LessonParams } from '@/lib/metrics';
import { LessonChart, SERIES } from './LessonChart';
import { WatchItHappen } from './WatchItHappen';
import { numbersIn, readable } from './lesson-format';
import { FIELDS, LESSON_PARAMS, checkField, isLesson, type FieldSpec, type ParamKey } from './lesson-params';
import { useWords } from '../language';

/** Quick choices of n: the worked cases of docs/METRICS.md, and twice the lesson's. */
const PRESETS = [1, 6, 12, 24, 48];

export function LessonCalculator({ initial }: { initial: LessonParams }) {
  const words = useWords().lesson;
  const [params, setParams] = useState<LessonParams>(initial);
  const [raw, setRaw] = useState<Record<ParamKey, string>>(() => ({
    n: String(initial.n),
    h: String(initial.h),
    o: String(initial.o),
    m: String(initial.m),
  }));

  function apply(next: LessonParams) {
    setParams(next);
    // The figures can be shared by their address; the lesson's own numbers need none.
    const query = isLesson(next) ? '' : `?${new URLSearchParams(Object.entries(next).map(([k, v]) => [k, String(v)]))}`;
    window.history.replaceState(null, '', `${window.location.pathname}${query}`);
  }

  function edit(spec: FieldSpec, value: string) {
    setRaw((r) => ({ ...r, [spec.key]: value }));
    const r = checkField(spec, value);
    if ('value' in r) apply({ ...params, [spec.key]: r.value });
  }

  function set(next: LessonParams) {
    setRaw({ n: String(next.n), h: String(next.h), o: String(next.o), m: String(next.m) });
    apply(next);
  }

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="calc-inputs" className="rounded-2xl bg-white p-5 shadow-sm sm:p-6 dark:bg-slate-900">
        <h2 id="calc-inputs" className="text-2xl font-bold">{words.tryYours}</h2>
        <div className="mt-4 grid grid-cols-2 gap-4 lg:grid-cols-4">
          {FIELDS.map((spec) => {
            const r = checkField(spec, raw[spec.key]);
            const error =
              'error' in r
                ? r.error === 'not-a-number'
                  ? words.enterNumber
                  : r.error === 'not-whole'
                    ? words.enterWhole
                    : words.range(spec.min, spec.max)
                : null;
            const id = `lesson-${spec.key}`;
            return (
              <label key={spec.key} htmlFor={id} className="flex flex-col gap-1">
                <span className="text-lg font-semibold">
                  {words.fields[spec.key].label} <span className="font-normal text-slate-500 dark:text-slate-400">({spec.unit})</span>
                </span>
                <input
                  id={id}
                  type="number"
                  inputMode={spec.integer ? 'numeric' : 'decimal'}
                  min={spec.min}
                  max={spec.max}
                  step={spec.integer ? 1 : 'any'}
                  value={raw[spec.key]}
                  onChange={(e) => edit(spec, e.target.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={`${id}-hint`}
                  data-testid={id}
                  className="w-full rounded-lg border border-slate-300 px-3 py-2 text-2xl tabular-nums aria-[invalid=true]:border-loss aria-[invalid=true]:outline-loss dark:border-slate-600 dark:bg-slate-800"
                />
                <span id={`${id}-hint`} className={`text-sm ${error ? 'text-loss' : 'text-slate-500 dark:text-slate-400'}`}>
                  {error ?? words.fields[spec.key].hint}
                </span>
              </label>
            );
          })}
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <button
            type="button"
            onClick={() => set(LESSON_PARAMS)}
            disabled={isLesson(params)}
            className="rounded-lg bg-host px-4 py-2 font-semibold text-white disabled:opacity-50"
          >
            {words.lessonNumbers}
          </button>
          <div role="group" aria-labelledby="lesson-presets" className="flex flex-wrap items-center gap-2">
          <span id="lesson-presets" className="ml-2 text-slate-500 dark:text-slate-400">{words.presets}</span>
          {PRESETS.map((n) => (
            <button
              key={n}
              type="button"
              onClick={() => set({ ...params, n })}
              aria-pressed={params.n === n}
              aria-label={words.boards(n)}
              className="min-w-12 rounded-lg border border-slate-300 px-3 py-2 text-lg tabular-nums aria-[pressed=true]:border-host aria-[pressed=true]:bg-host/10 aria-[pressed=true]:font-semibold dark:border-slate-600"
            >
              {n}
            </button>
          ))}
          </div>
        </div>
      </section>

      <Figures params={params} />

      <WatchItHappen params={params} />

      <section aria-labelledby="calc-chart" className="rounded-2xl bg-white p-5 shadow-sm sm:p-6 dark:bg-slate-900">
        <h2 id="calc-chart" className="mb-2 text-2xl font-bold">{words.growing}</h2>
        <LessonChart params={params} />
      </section>
    </div>
  );
}

function Figures({ params }: { params: LessonParams }) {
  const w = useWords();
  const words = w.lesson;
  const { num, seconds } = numbersIn(w.lang);
  const { n, h, o, m } = params;
  const f = lessonFigures(params);
  const waitsEachRound = f.T > n * h;
  const extra = f.A - f.asTaught;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {words.announce(readable(f.S), readable(f.A), formatSpeedUp(f.speedUp))}
      </p>
      <ModeCard
        mode="sync"
        title={words.syncTitle}
        total={f.S}
        formula={
          <>
            S = n × m × (h + o) = {num(n)} × {num(m)} × ({seconds(h)} + {seconds(o)}) = <strong>{seconds(f.S)}</strong>
          </>
        }
        busy={f.busy}
        idle={f.idleSync}
        utilization={f.utilizationSync}
        idleWords={words.syncIdle}
      >
        <p>{words.syncGame(readable(m * (h + o)))}</p>
      </ModeCard>

      <ModeCard
        mode="async"
        title={words.asyncTitle}
        total={f.A}
        formula={
          <>
            A = (m − 1) × T + n × h + o = {num(m - 1)} × {seconds(f.T)} + {seconds(n * h)} + {seconds(o)} ={' '}
            <strong>{seconds(f.A)}</strong>
          </>
        }
        busy={f.busy}
        idle={f.idleAsync}
        utilization={f.utilizationAsync}
        idleWords={waitsEachRound ? words.asyncIdleRounds : words.asyncIdleLast}
      >
        <p>{words.round(readable(n * h), readable(h + o), readable(f.T), num(m - 1), readable(o))}</p>
        <p data-testid="lesson-any-rule">{words.anyRule}</p>
        <div className="rounded-xl border-l-4 border-ready bg-ready/10 p-4" data-testid="as-taught">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 font-semibold">
            <dt>{words.exact}</dt>
            <dd className="tabular-nums">
              {readable(f.A)} ({seconds(f.A)})
            </dd>
            <dt>{words.asTaught}</dt>
            <dd className="tabular-nums">
              m × n × h = {readable(f.asTaught)} ({seconds(f.asTaught)})
            </dd>
          </dl>
          <p className="mt-1">
            {extra === 0
              ? words.agree
              : `${words.differ(readable(extra), readable(o))}${
                  waitsEachRound ? words.differWaits(readable(h + o), readable(n * h), num(m - 1), readable(f.T - n * h)) : ''
                }.`}
          </p>
        </div>
      </ModeCard>

      <section
        aria-labelledby="calc-speedup"
        className="rounded-2xl bg-white p-5 shadow-sm sm:p-6 lg:col-span-2 dark:bg-slate-900"
      >
        <h2 id="calc-speedup" className="text-2xl font-bold">
          {words.speedUp}
        </h2>
        <div className="mt-2 flex flex-wrap items-baseline gap-x-6 gap-y-2">
          <p className="text-5xl font-black tabular-nums sm:text-6xl" data-testid="speed-up">
            {formatSpeedUp(f.speedUp)}
          </p>
          <p className="text-lg">
            {words.sooner(`${seconds(f.S)} / ${seconds(f.A)}`, readable(f.S - f.A))}
          </p>
        </div>
        <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">
          {words.sameBusy(readable(f.busy))} <strong>{formatSpeedUp(f.speedUpLimit)}</strong>:{' '}
          {n <= (h + o) / h ? words.fewBoards(num(n), n) : words.manyBoards(num((h + o) / h))}
        </p>
      </section>
    </div>
  );
}

function ModeCard({
  mode,
  title,
  total,
  formula,
  busy,
  idle,
  utilization,
  idleWords,
  children,
}: {
  mode: 'sync' | 'async';
  title: string;
  total: number;
  formula: React.ReactNode;
  busy: number;
  idle: number;
  utilization: number;
  idleWords: string;
  children: React.ReactNode;
}) {
  const words = useWords().lesson;
  const accent = mode === 'async' ? 'border-host' : 'border-waiting';
  const totalColor = mode === 'async' ? 'text-host' : 'text-waiting dark:text-slate-300';
  return (
    <section
      aria-labelledby={`calc-${mode}`}
      className={`flex flex-col gap-4 rounded-2xl border-t-8 bg-white p-5 shadow-sm sm:p-6 dark:bg-slate-900 ${accent}`}
      data-testid={`lesson-${mode}`}
    >
      <h2 id={`calc-${mode}`} className="flex items-center gap-3 text-2xl font-bold">
        <svg width="36" height="10" aria-hidden="true" className="shrink-0">
          <line x1="2" y1="5" x2="34" y2="5" stroke={SERIES[mode].color} strokeWidth="4" strokeDasharray={SERIES[mode].dash} />
        </svg>
        {title}
      </h2>
      <div>
        <p className={`text-5xl font-black tabular-nums sm:text-6xl ${totalColor}`} data-testid={`lesson-${mode}-total`}>
          {readable(total)}
        </p>
        <p className="mt-2 text-lg break-words">{formula}</p>
      </div>
      <dl className="grid grid-cols-[repeat(auto-fit,minmax(7rem,1fr))] gap-3">
        <div>
          <dt className="text-sm text-slate-500 dark:text-slate-400">{words.hostBusy}</dt>
          <dd className="text-xl font-bold whitespace-nowrap tabular-nums sm:text-2xl">{readable(busy)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500 dark:text-slate-400">{words.hostIdle}</dt>
          <dd className="text-xl font-bold whitespace-nowrap tabular-nums sm:text-2xl">{readable(idle)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500 dark:text-slate-400">{words.utilization}</dt>
          <dd className="text-xl font-bold whitespace-nowrap tabular-nums sm:text-2xl">{formatPercent(utilization)}</dd>
        </div>
      </dl>
      <div>
        <div
          className="flex h-4 w-full overflow-hidden rounded-full bg-waiting/30"
          role="meter"
          aria-label={words.utilizationOf(mode)}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(utilization * 100)}
          aria-valuetext={words.busyValue(formatPercent(utilization))}
        >
          <div className="h-full bg-host" style={{ width: `${Math.min(100, utilization * 100)}%` }} />
        </div>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          <span className="font-semibold text-host">{words.busy}</span>{words.busyMeans}{' '}
          <span className="font-semibold text-waiting dark:text-slate-300">{words.idle}</span>: {idleWords}.
        </p>
      </div>
      <div className="flex flex-col gap-3 text-base text-slate-700 dark:text-slate-300">{children}</div>
    </section>
  );
}
