// `npm run backup -- <file> [--force]`: writes a consistent copy of the database at SIMUL_DB
// (default ./data/simul.db) to <file>, safe while the server runs. Exit code 0 when the copy
// is written and checked, 1 when the backup failed, 2 for bad arguments.
import { backupDatabase } from './backup-database';
import { DEFAULT_DB_PATH } from './open-store';

const USAGE = 'usage: npm run backup -- <file> [--force]   (copies SIMUL_DB, default ./data/simul.db)';

async function main(args: string[]): Promise<number> {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const unknown = rest.filter((a) => a.startsWith('-'));
  if (unknown.length > 0 || rest.length !== 1) {
    console.error(unknown.length > 0 ? `unknown option ${unknown[0]}\n${USAGE}` : USAGE);
    return 2;
  }
  const source = process.env.SIMUL_DB || DEFAULT_DB_PATH;
  const destination = rest[0];
  try {
    const copy = await backupDatabase(source, destination, { force });
    console.log(
      `backed up ${source} to ${destination}: ${copy.simuls} simuls, ${copy.events} events, ` +
        `${size(copy.bytes)}; quick_check ok in ${Math.round(copy.quickCheckMs)} ms`,
    );
    return 0;
  } catch (err) {
    console.error(`backup failed: ${(err as Error).message}`);
    return 1;
  }
}

function size(bytes: number): string {
  return bytes < 1e6 ? `${Math.ceil(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
