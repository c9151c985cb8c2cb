'use client';
// "Watch it happen": the calculator's n, h, o and m played out by bots, one sync simul and one
// async, on simulated clocks at a chosen speed. The server plays them; the race page shows them.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@/lib/protocol/events';
import { EXHIBITION_LIMITS, exhibitionMinutes, exhibitionPlies, startExhibitionSchema } from '@/lib/protocol/schemas';
import { lessonFigures, type LessonParams } from '@/lib/metrics';
import type { ExhibitionSpeed } from '@/lib/simul/types';
import { exhibitionWords as words, refusalText, speedText } from '@/app/words';
import { num, readable } from './lesson-format';
import { credentials } from '@/lib/client/credentials';

const SPEEDS: ExhibitionSpeed[] = [60, 600, 6000, 'max'];
/** "Varied" think times: drawn with a spread (standard deviation) of 20% of their mean. */
const VARIED_SPREAD = 0.2;

type Started = Ack<{ sync: string; async: string; hostKey: string }>;

/** Why these numbers cannot be played, or null. */
function problemOf(params: LessonParams, speed: ExhibitionSpeed): string | null {
  const { n, h, o, m } = params;
  const L = EXHIBITION_LIMITS;
  if (n > L.maxBoards) return words.tooManyBoards(L.maxBoards);
  if (m > L.maxMovePairs) return words.tooManyPairs(L.maxMovePairs);
  if (h > L.maxThinkSeconds || o > L.maxThinkSeconds) return words.thinkTooLong(L.maxThinkSeconds);
  if (h < L.minHostSeconds) return words.hostTooQuick(L.minHostSeconds);
  const plies = exhibitionPlies(params);
  if (plies > L.maxPlies) return refusalText({ code: 'exhibition-too-big', params: { plies, maxPlies: L.maxPlies } });
  const minutes = exhibitionMinutes({ ...params, speed });
  if (minutes > L.maxMinutes) return refusalText({ code: 'exhibition-too-long', params: { minutes, maxMinutes: L.maxMinutes } });
  return null;
}

export function WatchItHappen({ params }: { params: LessonParams }) {
  const router = useRouter();
  const [speed, setSpeed] = useState<ExhibitionSpeed>(600);
  const [varied, setVaried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { n, h, o, m } = params;
  const problem = problemOf(params, speed);
  const lap = n * h;
  const pair = h + o;
  const syncTotal = lessonFigures(params).S;

  async function start() {
    setError(null);
    const input = startExhibitionSchema.safeParse({ n, h, o, m, speed, ...(varied ? { spread: VARIED_SPREAD } : {}) });
    if (!input.success) return setError(problem ?? refusalText({ code: 'bad-payload' }));
    setBusy(true);
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ['websocket'] });
    try {
      const res: Started = await socket.timeout(15_000).emitWithAck('exhibition:start', input.data);
      if (!res.ok) return setError(refusalText(res.error));
      // Kept by this browser, so that its race page can stop the exhibition.
      credentials.saveExhibitionKey([res.sync, res.async], res.hostKey);
      router.push(`/exhibition/${res.sync}`);
    } catch {
      setError(refusalText({ code: 'no-answer' }));
    } finally {
      socket.close();
      setBusy(false);
    }
  }

  const radio =
    'flex cursor-pointer items-center gap-2 rounded-lg border border-slate-300 px-3 py-2 has-[:checked]:border-host has-[:checked]:bg-host/10 dark:border-slate-600';
  return (
    <section aria-labelledby="watch-it" className="rounded-2xl border-4 border-host/40 bg-white p-5 shadow-sm sm:p-6 dark:bg-slate-900" data-testid="watch-it-happen">
      <h2 id="watch-it" className="text-2xl font-bold">{words.watchTitle}</h2>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        The server plays these numbers out: two real simuls, one sync and one async, each with a bot host and {num(n)}{' '}
        bot {n === 1 ? 'opponent' : 'opponents'}. The host bot takes {readable(h)} a move, each opponent {readable(o)}, and
        every game is agreed drawn after {num(m)} move {m === 1 ? 'pair' : 'pairs'}. Their clocks are simulated:{' '}
        {speed === 'max' ? (
          <>they run as fast as the server goes</>
        ) : (
          <>
            at {speedText(speed)} the sync simul&apos;s {readable(syncTotal)} pass in about {readable(Math.ceil(syncTotal / speed))}
          </>
        )}
        , and every figure still comes from the moves played.
      </p>
      <p className="mt-2 text-slate-700 dark:text-slate-300" data-testid="watch-regime">
        {lap < pair ? (
          <>
            Here n × h = {readable(lap)} is shorter than h + o = {readable(pair)}: after its lap the host waits for the first
            reply. Rotation has stopped helping: more boards would still fit in the host&apos;s idle time.
          </>
        ) : lap > pair ? (
          <>
            Here n × h = {readable(lap)} is longer than h + o = {readable(pair)}: replies wait for the host. Rotation has stopped
            scaling: the host itself is the limit, and each further board adds {readable(h)} to every round.
          </>
        ) : (
          <>Here n × h = h + o = {readable(pair)}: each reply arrives just as the host comes round again.</>
        )}
      </p>
      <div className="mt-4 flex flex-wrap items-end gap-4">
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-semibold">{words.speed}</legend>
          <div className="flex flex-wrap gap-2">
            {SPEEDS.map((s) => (
              <label key={String(s)} className={radio}>
                <input type="radio" name="exhibition-speed" checked={speed === s} onChange={() => setSpeed(s)} data-testid={`speed-${s}`} />
                <span>{s === 'max' ? words.fastest : speedText(s)}</span>
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
