// Board timelines: the host-think rule on hand-built logs, and its promises on random ones.
import { describe, expect, it } from 'vitest';
import { replay } from '../simul/evolve';
import type { HostColorChoice, Mode } from '../simul/types';
import { simulMetrics } from './metrics-fold';
import type { SimulEvent } from '../simul/types';
import type { Segment } from './timeline';
import { alternateLog, randomLog, syncLog, threeBoardLog } from './test-logs';

const boardTimelines = (events: readonly SimulEvent[], now?: number) => simulMetrics(events, now)!.timeline;
const rows = (segments: Segment[]) => segments.map((s) => [s.state, s.from / 1000, s.to / 1000]);

describe('board timelines', () => {
  it('async: the host thinks on the waiting board it moves on next; the others await it', () => {
    const [b1, b2, b3] = boardTimelines(threeBoardLog().events);
    expect(rows(b1.segments)).toEqual([
      ['host-think', 0, 4],
      ['opponent-think', 4, 12],
      ['host-think', 12, 15],
      ['opponent-think', 15, 25],
      ['host-think', 25, 27],
    ]);
    expect(rows(b2.segments)).toEqual([
      ['awaiting-host', 0, 4],
      ['host-think', 4, 6],
      ['opponent-think', 6, 14],
      ['awaiting-host', 14, 15],
      ['host-think', 15, 18],
      ['opponent-think', 18, 30],
    ]);
    expect(rows(b3.segments)).toEqual([
      ['awaiting-host', 0, 6],
      ['host-think', 6, 9],
      ['opponent-think', 9, 16],
      ['awaiting-host', 16, 18],
      ['host-think', 18, 20],
      ['opponent-think', 20, 24],
      // Board 3 alone awaited the host 24-25; then board 1's reply came and the host
      // moved there first (27) before coming back to board 3 (28).
      ['host-think', 24, 25],
      ['awaiting-host', 25, 27],
      ['host-think', 27, 28],
      ['opponent-think', 28, 33],
      ['host-think', 33, 35],
    ]);
  });

  it('sync: the next board is queued until its game begins', () => {
    const [b1, b2] = boardTimelines(syncLog().events);
    expect(rows(b1.segments)).toEqual([
      ['host-think', 0, 3],
      ['opponent-think', 3, 10],
      ['host-think', 10, 12],
    ]);
    expect(rows(b2.segments)).toEqual([
      ['queued', 0, 12],
      ['host-think', 12, 15],
      ['opponent-think', 15, 20],
      ['host-think', 20, 26],
    ]);
  });

  it('host playing black: the board opens with the opponent thinking', () => {
    const [b1, b2] = boardTimelines(alternateLog().events);
    expect(rows(b1.segments)).toEqual([
      ['host-think', 0, 5],
      ['opponent-think', 5, 9],
      ['host-think', 9, 13],
      ['opponent-think', 13, 20],
    ]);
    expect(rows(b2.segments)).toEqual([
      ['opponent-think', 0, 6],
      ['host-think', 6, 8],
      ['opponent-think', 8, 12],
      ['awaiting-host', 12, 13],
      ['host-think', 13, 14],
      ['opponent-think', 14, 20],
    ]);
  });

  it('while running, the open host-think is on the board the host is at (rotation.ts), the other waits after it', () => {
    const events = threeBoardLog().events.filter((e) => e.at <= 25_000);
    const [b1, , b3] = boardTimelines(events, 26_000);
    // Idle, the host went to board 3 when its student moved (24 s): it thinks there; board 1 waits.
    expect(rows(b1.segments).at(-1)).toEqual(['awaiting-host', 25, 26]);
    expect(rows(b3.segments).at(-1)).toEqual(['host-think', 24, 26]);
  });

  describe('on random logs', () => {
    const cases: [Mode, HostColorChoice][] = [
      ['async', 'white'],
      ['async', 'black'],
      ['async', 'alternate'],
      ['sync', 'white'],
      ['sync', 'alternate'],
    ];
    for (const [mode, hostColor] of cases) {
      it(`${mode}, host ${hostColor}: one host-think at a time, adding up to busy; every board covered`, () => {
        for (let seed = 1; seed <= 60; seed++) {
          const log = randomLog(seed, mode, hostColor, 1 + (seed % 7));
          replay(log.events); // a valid log
          const metrics = simulMetrics(log.events)!;
          const timelines = metrics.timeline;
          const all = timelines.flatMap((t) => t.segments);

          const thinking = all.filter((s) => s.state === 'host-think').sort((a, b) => a.from - b.from);
          for (let i = 1; i < thinking.length; i++) expect(thinking[i].from).toBeGreaterThanOrEqual(thinking[i - 1].to);
          const thinkTotal = thinking.reduce((sum, s) => sum + s.to - s.from, 0);
          expect(thinkTotal).toBe(metrics.busy);

          // The ready queue counts the boards in host-think or awaiting-host.
          for (const p of metrics.readyQueue.slice(0, -1)) {
            const waiting = all.filter(
              (s) => (s.state === 'host-think' || s.state === 'awaiting-host') && s.from <= p.at && p.at < s.to,
            );
            expect(waiting.length).toBe(p.length);
          }

          for (const [i, { segments }] of timelines.entries()) {
            let cursor = metrics.start;
            for (const s of segments) {
              expect(s.from).toBe(cursor);
              expect(s.to).toBeGreaterThan(s.from);
              cursor = s.to;
            }
            expect(cursor).toBe(metrics.boards[i].endedAt);
          }
        }
      });
    }
  });
});
