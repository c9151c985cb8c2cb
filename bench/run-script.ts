// How a browser bench script ends: within its hard limit, its result written to --json= when
// asked, and its process ended (whatever a page's server left behind must not keep it alive).
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
