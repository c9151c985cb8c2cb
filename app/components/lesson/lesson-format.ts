// How the lesson page writes its figures: seconds in, as people read them out.
import { formatDuration } from '@/lib/metrics';

/** Seconds as people say them: "55 s", "2 min", "1 h 0 min 55 s", "12 h" (trailing zeros dropped). */
export function readable(seconds: number): string {
  return formatDuration(seconds * 1000)
    .replace(/ 0 s$/, '')
    .replace(/ 0 min$/, '');
}

/**
 * Numbers as the page's language writes them (`lang`: the words table's): `num`, a plain number
 * with thousands separators, up to two decimals ("3,655.5"; in Spanish "3655,5"); `seconds`,
 * "3,655 s" (a fraction of a second kept only when there is one).
 */
export function numbersIn(lang: string): { num: (x: number) => string; seconds: (s: number) => string } {
  const integer = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return {
    num: (x) => decimal.format(x),
    seconds: (s) => `${Number.isInteger(s) ? integer.format(s) : decimal.format(s)} s`,
  };
}

interface TimeUnit {
  /** Seconds per unit. */
  size: number;
  /** "hours": the key of its name in the words table. */
  name: 'hours' | 'minutes' | 'seconds';
  /** "h" */
  short: string;
}

const UNITS: TimeUnit[] = [
  { size: 3600, name: 'hours', short: 'h' },
  { size: 60, name: 'minutes', short: 'min' },
  { size: 1, name: 'seconds', short: 's' },
];

/** The largest unit in which `max` seconds reads as at least 3 of it: 24 h in hours, 150 s in seconds. */
export function pickUnit(max: number): TimeUnit {
  return UNITS.find((u) => max >= 3 * u.size) ?? UNITS[UNITS.length - 1];
}

/**
 * Whole-number axis ticks from 1 to max, about `count` of them: on a step that divides
 * max when one gives a sensible count (48 → 6, 12, …, 48), else on a round step (1, 2, 5 × 10^k).
 */
export function boardTicks(max: number, count = 8): number[] {
  let step = 0;
  let best = Infinity;
  for (let s = 1; s <= max; s++) {
    if (max % s !== 0) continue;
    const score = Math.abs(max / s - count);
    if (score <= best) [step, best] = [s, score];
  }
  if (best > 3) {
    const raw = max / count;
    const pow = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
    step = [1, 2, 5, 10].map((k) => k * pow).find((x) => x >= raw) ?? 10 * pow;
  }
  const ticks = [1];
  for (let t = step; t <= max; t += step) if (t > 1) ticks.push(t);
  return ticks;
}
