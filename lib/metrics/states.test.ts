// Reading the log: spans, moves, the ready queue, and the logs the tests build.
import { describe, expect, it } from 'vitest';
import { replay } from '../simul/evolve';
import { readStates } from './states';
import { LogBuilder, alternateLog, lessonLog, syncLog, threeBoardLog } from './test-logs';

const sec = (ms: number) => ms / 1000;

describe('the test logs', () => {
  it('are valid simul logs: evolve replays them to the same ends', () => {
    for (const log of [threeBoardLog(), syncLog(), alternateLog(), lessonLog('async', 6, 5, 55, 3), lessonLog('sync', 3, 5, 55, 3)]) {
      const state = replay(log.events);
      expect(state.phase).toBe('finished');
      for (const b of state.boards.values()) expect(['finished', 'aborted']).toContain(b.status);
    }
  });
});

describe('readStates', () => {
  it('is null before the start', () => {
    expect(readStates(new LogBuilder({ boards: 2 }).events)).toBeNull();
  });

  it('gives each board contiguous spans from the start to its game end', () => {
    const states = readStates(threeBoardLog().events)!;
    const b3 = states.boards[2].spans.map((s) => [s.state, sec(s.from), sec(s.to)]);
    expect(b3).toEqual([
      ['host-to-move', 0, 9],
      ['opponent-to-move', 9, 16],
      ['host-to-move', 16, 20],
      ['opponent-to-move', 20, 24],
      ['host-to-move', 24, 28],
      ['opponent-to-move', 28, 33],
      ['host-to-move', 33, 35],
    ]);
    expect(sec(states.end)).toBe(35);
    expect(states.running).toBe(false);
  });

  it('steps the ready queue once per instant, ending at the end', () => {
    const states = readStates(threeBoardLog().events)!;
    expect(states.readyQueue.map((p) => [sec(p.at), p.length])).toEqual([
      [0, 3], [4, 2], [6, 1], [9, 0], [12, 1], [14, 2], [15, 1], [16, 2], [18, 1],
      [20, 0], [24, 1], [25, 2], [27, 1], [28, 0], [33, 1], [35, 0],
    ]);
  });

  it('keeps a sync board queued until its game begins, and the next game starts the same instant', () => {
    const states = readStates(syncLog().events)!;
    expect(states.boards[1].spans[0]).toMatchObject({ state: 'queued', from: 0, to: 12_000 });
    expect(states.readyQueue.map((p) => [sec(p.at), p.length])).toEqual([
      [0, 1], [3, 0], [10, 1], [15, 0], [20, 1], [26, 0],
    ]);
  });

  it('records when each mover got the move', () => {
    const states = readStates(alternateLog().events)!;
    expect(states.moves.map((m) => [m.board, m.by, sec(m.since), sec(m.at)])).toEqual([
      [1, 'host', 0, 5],
      [2, 'opponent', 0, 6],
      [2, 'host', 6, 8],
      [1, 'opponent', 5, 9],
      [2, 'opponent', 8, 12],
      [1, 'host', 9, 13],
      [2, 'host', 12, 14],
    ]);
    expect(states.boards.map((b) => [b.hostColor, b.status, b.result, b.resignedBy])).toEqual([
      ['w', 'finished', '1-0', 'opponent'],
      ['b', 'aborted', null, null],
    ]);
  });

  it('while running, cuts the open spans at now and orders the waits as the host serves them (rotation.ts)', () => {
    const events = threeBoardLog().events.filter((e) => e.at <= 25_000);
    const states = readStates(events, 26_000)!;
    expect(states.running).toBe(true);
    expect(sec(states.end)).toBe(26);
    const open = states.spans.filter((s) => s.open).map((s) => [s.board, s.state, sec(s.from)]);
    // Idle after its last move, the host went to board 3 when its student moved (24 s); board 1 (25 s) comes next.
    expect(open).toEqual([
      [3, 'host-to-move', 24],
      [1, 'host-to-move', 25],
      [2, 'opponent-to-move', 18],
    ]);
    expect(states.readyQueue.at(-1)).toEqual({ at: 26_000, length: 2 });
  });

  it('never measures before the last event, whatever now says', () => {
    const events = threeBoardLog().events.filter((e) => e.at <= 25_000);
    expect(readStates(events, 1_000)!.end).toBe(25_000);
    expect(readStates(events)!.end).toBe(25_000);
  });
});
