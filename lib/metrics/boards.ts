// One row per board: how long its opponent thought, and how long they waited for the host
// (METRICS "Per move" and "Per simul"). Waiting is what the host's rotation costs each
// opponent; queue wait is the part of it caused by the host being busy elsewhere.
import type { BusyClock } from './ready-queue';
import type { BoardRecord } from './states';
import type { MoveThink } from './thinks';
import type { Segment } from './timeline';

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

/** One board's sums, folded a move and a segment at a time, in time order. */
export class BoardSums {
  hostThink = 0;
  opponentThink = 0;
  wait = 0;
  queueWait = 0;
  longestWait = 0;
  /** The wait running on at the last segment. */
  private run = 0;

  addMove(m: MoveThink): void {
    if (m.by === 'host') this.hostThink += m.think;
    else this.opponentThink += m.think;
  }

  /** `clock` must cover the segment: busy time up to its end does not change after it. */
  addSegment(s: Segment, clock: BusyClock): void {
    if (s.state === 'opponent-think') {
      this.run = 0;
      return;
    }
    // A pause is charged to no one: it neither adds to a wait nor breaks one.
    if (s.state === 'paused') return;
    const length = s.to - s.from;
    this.wait += length;
    if (s.state === 'awaiting-host') this.queueWait += length;
    // Queued (sync): the host is busy on the current board whenever it is busy at all.
    if (s.state === 'queued') this.queueWait += clock.until(s.to) - clock.until(s.from);
    this.run += length;
    this.longestWait = Math.max(this.longestWait, this.run);
  }

  copy(): BoardSums {
    return Object.assign(new BoardSums(), this);
  }

  /** The board's row, with `end` the simul's (for a game still playing). */
  row(record: Omit<BoardRecord, 'spans'>, end: number): BoardRow {
    return {
      ...record,
      duration: record.startedAt === null ? null : (record.endedAt ?? end) - record.startedAt,
      hostThink: this.hostThink,
      opponentThink: this.opponentThink,
      wait: this.wait,
      queueWait: this.queueWait,
      longestWait: this.longestWait,
    };
  }
}
