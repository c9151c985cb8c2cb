// The calculator's inputs: their ranges, their checks, and reading them from the address
// (?n=24&h=5&o=55&m=30). Shared by the page (server) and the calculator (browser).
import type { LessonParams } from '@/lib/metrics';

/** The lesson's own numbers (intro-to-asyncio): 24 opponents, 5 s, 55 s, 30 move pairs. */
export const LESSON_PARAMS: LessonParams = { n: 24, h: 5, o: 55, m: 30 };

export type ParamKey = keyof LessonParams;

export interface FieldSpec {
  key: ParamKey;
  unit: string;
  min: number;
  max: number;
  integer: boolean;
}

export const FIELDS: FieldSpec[] = [
  { key: 'n', unit: 'n', min: 1, max: 100, integer: true },
  { key: 'h', unit: 's', min: 0.1, max: 3600, integer: false },
  { key: 'o', unit: 's', min: 0, max: 3600, integer: false },
  { key: 'm', unit: 'm', min: 1, max: 200, integer: true },
];

/** Why a field's text cannot be used (the calculator says it in words). */
type FieldProblem = 'not-a-number' | 'not-whole' | 'out-of-range';

/** The value of one field, or why it cannot be used. */
export function checkField(spec: FieldSpec, raw: string): { value: number } | { error: FieldProblem } {
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value)) return { error: 'not-a-number' };
  if (spec.integer && !Number.isInteger(value)) return { error: 'not-whole' };
  if (value < spec.min || value > spec.max) return { error: 'out-of-range' };
  return { value };
}

/** Reads ?n=&h=&o=&m=; a missing or unusable one takes the lesson's value. */
export function paramsFrom(query: Partial<Record<string, string | string[] | undefined>>): LessonParams {
  const out = { ...LESSON_PARAMS };
  for (const spec of FIELDS) {
    const raw = query[spec.key];
    if (typeof raw !== 'string') continue;
    const r = checkField(spec, raw);
    if ('value' in r) out[spec.key] = r.value;
  }
  return out;
}

export function isLesson(params: LessonParams): boolean {
  return FIELDS.every(({ key }) => params[key] === LESSON_PARAMS[key]);
}
