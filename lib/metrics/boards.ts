// One row per board: how long its opponent thought, and how long they waited for the host
// (METRICS "Per move" and "Per simul"). Waiting is what the host's rotation costs each
// opponent; queue wait is the part of it caused by the host being busy elsewhere.
import type { BusyClock } from './host';
import type { BoardRecord, SimulStates } from './states';
import type { MoveThink } from './thinks';
import type { BoardTimeline } from './timeline';

export interface BoardRow extends Omit<BoardRecord, 'spans'> {
  /** Game start to game end, or to `end` while playing; null while queued. */
  duration: number | null;
  /** Sum of the host think times (METRICS) of the host's moves on this board. */
  hostThink: number;
  /** Sum of the opponent think times of the opponent's moves. */
  opponentThink: number;
  /** Time in host-to-move plus, in sync mode, in queued. */
  wait: number;
  /** The part of `wait` during which the host was thinking on other boards. */
  queueWait: number;
  /** The longest unbroken wait (a sync board's queued time runs on into its first wait). */
  longestWait: number;
}

export function boardRows(
  states: SimulStates,
  timelines: readonly BoardTimeline[],
  thinks: readonly MoveThink[],
  clock: BusyClock,
): BoardRow[] {
  const totals = new Map(states.boards.map((b) => [b.board, { host: 0, opponent: 0 }]));
  for (const m of thinks) totals.get(m.board)![m.by] += m.think;

  return states.boards.map(({ spans: _spans, ...record }, i) => {
    let wait = 0;
    let queueWait = 0;
    let longestWait = 0;
    let run = 0;
    for (const s of timelines[i].segments) {
      if (s.state === 'opponent-think') {
        run = 0;
        continue;
      }
      const length = s.to - s.from;
      wait += length;
      if (s.state === 'awaiting-host') queueWait += length;
      // Queued (sync): the host is busy on the current board whenever it is busy at all.
      if (s.state === 'queued') queueWait += clock.until(s.to) - clock.until(s.from);
      run += length;
      longestWait = Math.max(longestWait, run);
    }
    const total = totals.get(record.board)!;
    return {
      ...record,
      duration: record.startedAt === null ? null : (record.endedAt ?? states.end) - record.startedAt,
      hostThink: total.host,
      opponentThink: total.opponent,
      wait,
      queueWait,
      longestWait,
    };
  });
}
