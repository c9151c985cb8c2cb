'use client';
// "Watch it happen": the calculator's n, h, o and m played out by bots, one sync simul and one
// async, on simulated clocks at a chosen speed. The server plays them; the race page shows them.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { request } from '@/lib/client/request';
import { EXHIBITION_LIMITS, exhibitionMinutes, exhibitionPlies, startExhibitionSchema } from '@/lib/protocol/schemas';
import { lessonFigures, type LessonParams } from '@/lib/metrics';
import type { ExhibitionSpeed } from '@/lib/simul/types';
import { refusalText, type Words } from '@/app/words';
import { useWords } from '../language';
import { numbersIn, readable } from './lesson-format';
import { credentials } from '@/lib/client/saved-credentials';

const SPEEDS: ExhibitionSpeed[] = [60, 600, 6000, 'max'];
/** "Varied" think times: drawn with a spread (standard deviation) of 20% of their mean. */
const VARIED_SPREAD = 0.2;

/** Why these numbers cannot be played, or null. */
function problemOf(w: Words, params: LessonParams, speed: ExhibitionSpeed): string | null {
  const words = w.lesson.watch;
  const { n, h, o, m } = params;
  const L = EXHIBITION_LIMITS;
  if (n > L.maxBoards) return words.tooManyBoards(L.maxBoards);
  if (m > L.maxMovePairs) return words.tooManyPairs(L.maxMovePairs);
  if (h > L.maxThinkSeconds || o > L.maxThinkSeconds) return words.thinkTooLong(L.maxThinkSeconds);
  if (h < L.minHostSeconds) return words.hostTooQuick(L.minHostSeconds);
  const plies = exhibitionPlies(params);
  if (plies > L.maxPlies) return refusalText(w, { code: 'exhibition-too-big', params: { plies, maxPlies: L.maxPlies } });
  const minutes = exhibitionMinutes({ ...params, speed });
  if (minutes > L.maxMinutes) return refusalText(w, { code: 'exhibition-too-long', params: { minutes, maxMinutes: L.maxMinutes } });
  return null;
}

export function WatchItHappen({ params }: { params: LessonParams }) {
  const router = useRouter();
  const w = useWords();
  const words = w.lesson.watch;
  const speedText = w.simulatedTime.speed;
  const { num } = numbersIn(w.lang);
  const [speed, setSpeed] = useState<ExhibitionSpeed>(600);
  const [varied, setVaried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { n, h, o, m } = params;
  const problem = problemOf(w, params, speed);
  const lap = n * h;
  const pair = h + o;
  const syncTotal = lessonFigures(params).S;

  async function start() {
    setError(null);
    const input = startExhibitionSchema.safeParse({ n, h, o, m, speed, ...(varied ? { spread: VARIED_SPREAD } : {}) });
    if (!input.success) return setError(problem ?? refusalText(w, { code: 'bad-payload' }));
    setBusy(true);
    const res = await request('exhibition:start', input.data, 15_000);
    setBusy(false);
    if (!res.ok) return setError(refusalText(w, res.error));
    // Kept by this browser, so that its race page can stop the exhibition.
    credentials.saveExhibitionKey([res.sync, res.async], res.hostKey);
    router.push(`/exhibition/${res.sync}`);
  }

  const radio =
    'flex cursor-pointer items-center gap-2 rounded-lg border border-slate-300 px-3 py-2 has-[:checked]:border-host has-[:checked]:bg-host/10 dark:border-slate-600';
  return (
    <section aria-labelledby="watch-it" className="rounded-2xl border-4 border-host/40 bg-white p-5 shadow-sm sm:p-6 dark:bg-slate-900" data-testid="watch-it-happen">
      <h2 id="watch-it" className="text-2xl font-bold">{words.title}</h2>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {words.plays(num(n), n, readable(h), readable(o), num(m), m)}
        {speed === 'max' ? words.fastest : words.atSpeed(speedText(speed), readable(syncTotal), readable(Math.ceil(syncTotal / speed)))}
        {words.fromMoves}
      </p>
      <p className="mt-2 text-slate-700 dark:text-slate-300" data-testid="watch-regime">
        {lap < pair ? words.shorter(readable(lap), readable(pair)) : lap > pair ? words.longer(readable(lap), readable(pair), readable(h)) : words.equal(readable(pair))}
      </p>
      <div className="mt-4 flex flex-wrap items-end gap-4">
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-semibold">{words.speed}</legend>
          <div className="flex flex-wrap gap-2">
            {SPEEDS.map((s) => (
              <label key={String(s)} className={radio}>
                <input type="radio" name="exhibition-speed" checked={speed === s} onChange={() => setSpeed(s)} data-testid={`speed-${s}`} />
                <span>{s === 'max' ? words.fastestChoice : speedText(s)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className={radio}>
          <input type="checkbox" checked={varied} onChange={(e) => setVaried(e.target.checked)} data-testid="exhibition-varied" />
          <span>{words.varied(VARIED_SPREAD * 100)}</span>
        </label>
      </div>
      {problem && <p className="mt-3 text-loss" data-testid="watch-problem">{problem}</p>}
      {error && <p role="alert" className="mt-3 text-loss">{error}</p>}
      <button
        type="button"
        onClick={start}
        disabled={busy || problem !== null}
        className="mt-4 rounded-lg bg-host px-5 py-3 text-lg font-semibold text-white disabled:opacity-50"
        data-testid="watch-start"
      >
        {busy ? words.starting : words.start}
      </button>
    </section>
  );
}
