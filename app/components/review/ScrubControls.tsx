'use client';
// The scrubber's controls: a slider over the simul's time, play and pause at a chosen speed, and
// steps from one event to the next.
import { formatDuration } from '@/lib/metrics/format';
import { useWords } from '../language';
import { ICONS } from '../icons';
import { SPEEDS, type Scrub } from './use-scrub';

const BUTTON = 'rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

export function ScrubControls({ scrub }: { scrub: Scrub }) {
  const words = useWords().scrub;
  const { start, end, scrubber } = scrub;
  const t = scrub.t ?? end;
  const shown = words.at(formatDuration(t - start), formatDuration(end - start));
  const count = scrub.moment?.count ?? scrubber.countAt(end);
  const previous = scrubber.previousMoment(t);
  const next = scrubber.nextMoment(t);
  return (
    <div className="flex min-w-0 flex-col gap-2" data-testid="scrub-controls">
      <label className="flex min-w-0 flex-col gap-1">
        <span className="flex flex-wrap justify-between gap-2 text-sm">
          <span className="font-semibold">{words.position}</span>
          <span className="tabular-nums" data-testid="scrub-at" data-at={t - start}>
            {shown} · {words.event(count, scrubber.countAt(end))}
          </span>
        </span>
        <input
          type="range"
          min={start}
          max={end}
          step={100}
          value={t}
          onChange={(e) => scrub.seek(Number(e.target.value))}
          aria-valuetext={shown}
          className="w-full accent-host"
          data-testid="scrub-slider"
        />
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <button className={BUTTON} onClick={() => scrub.play(!scrub.playing)} data-testid="scrub-play">
          {scrub.playing ? words.pause : words.play}
        </button>
        <label className="flex items-center gap-1 text-sm">
          <span>{words.speed}</span>
          <select
            value={scrub.speed}
            onChange={(e) => scrub.setSpeed(Number(e.target.value))}
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            data-testid="scrub-speed"
          >
            {SPEEDS.map((x) => (
              <option key={x} value={x}>{words.speedOption(x)}</option>
            ))}
          </select>
        </label>
        <button className={BUTTON} onClick={() => previous !== null && scrub.seek(previous)} disabled={previous === null} aria-label={words.previous} data-testid="scrub-previous">
          {ICONS.previous}
        </button>
        <button className={BUTTON} onClick={() => scrub.seek(next)} disabled={next === null} aria-label={words.next} data-testid="scrub-next">
          {ICONS.next}
        </button>
        <button className={BUTTON} onClick={() => scrub.seek(null)} disabled={scrub.t === null} data-testid="scrub-end">
          {words.toEnd}
        </button>
      </div>
    </div>
  );
}
