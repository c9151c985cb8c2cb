// A browser bench script's steps, each within its time, and how the script ends: within its
// hard limit, its result written to --json= when asked, and its process ended (whatever a page's server left behind must not keep it alive).
import { writeFileSync } from 'node:fs';

export function runScript<T>(name: string, hardLimitMs: number, jsonFile: string | undefined, main: () => Promise<T>): void {
  const hardLimit = setTimeout(() => {
    console.error(`${name}: not finished within ${hardLimitMs / 60_000} minutes, stopping`);
    process.exit(3);
  }, hardLimitMs);
  hardLimit.unref();
  main()
    .then((result) => {
      if (jsonFile) writeFileSync(jsonFile, JSON.stringify(result, null, 2));
      process.exit(0);
    })
    .catch((err) => {
      console.error(`${name} failed: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    });
}

/** A step that must end within `ms`, or the run fails naming it and saying why. */
export async function step<T>(what: string, ms: number, work: () => Promise<T>, explain?: () => Promise<string>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(async () => {
      const why = explain ? await explain().catch((err) => `(could not tell: ${err})`) : '';
      reject(new Error(`${what}: not done within ${ms / 1000} s${why ? `; ${why}` : ''}`));
    }, ms);
  });
  try {
    return await Promise.race([work(), late]);
  } finally {
    clearTimeout(timer);
  }
}
