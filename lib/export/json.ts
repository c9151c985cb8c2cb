// The whole event log as JSON: the record every other figure derives from, for keeping or
// for analysis elsewhere. Deterministic: the same log always gives the same text (no
// export time is added). Pure and browser-safe.
import type { SimulEvent } from '../simul/types';

const SIMUL_LOG_FORMAT = 'async-simul-log';
const SIMUL_LOG_VERSION = 1;

export interface SimulLogFile {
  format: typeof SIMUL_LOG_FORMAT;
  version: typeof SIMUL_LOG_VERSION;
  /** From the log's simul-created event; null if the log has none. */
  simulId: string | null;
  /** Every event in log order, as recorded (seq, at in server ms, type, fields). */
  events: SimulEvent[];
}

/** The log as pretty-printed JSON (two-space indent, trailing newline). */
export function simulLogJson(events: SimulEvent[]): string {
  const created = events.find((e) => e.type === 'simul-created');
  const file: SimulLogFile = {
    format: SIMUL_LOG_FORMAT,
    version: SIMUL_LOG_VERSION,
    simulId: created?.type === 'simul-created' ? created.simulId : null,
    events,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
