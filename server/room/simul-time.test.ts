import { describe, expect, it } from 'vitest';
import { ManualClock, realClock } from './simul-time';

describe('ManualClock', () => {
  it('runs due timers in time order, each at its own time, and no others', () => {
    const clock = new ManualClock(1_000);
    const ran: Array<[string, number]> = [];
    clock.at(3_000, () => ran.push(['c', clock.now()]));
    clock.at(2_000, () => ran.push(['a', clock.now()]));
    clock.at(2_000, () => ran.push(['b', clock.now()]));
    clock.at(9_000, () => ran.push(['late', clock.now()]));
    expect(clock.advance(2_500)).toBe(3_500);
    expect(ran).toEqual([['a', 2_000], ['b', 2_000], ['c', 3_000]]);
    expect(clock.nextTimer()).toBe(9_000);
  });

  it('runs a timer that a task sets within the same advance, and forgets a cancelled one', () => {
    const clock = new ManualClock(0);
    const ran: number[] = [];
    clock.at(10, () => clock.at(20, () => ran.push(clock.now())));
    const cancel = clock.at(15, () => ran.push(-1));
    cancel();
    clock.advanceTo(30);
    expect(ran).toEqual([20]);
    expect(clock.nextTimer()).toBeUndefined();
  });

  it('runs a timer set in the past on the next advance, and never moves back', () => {
    const clock = new ManualClock(100);
    let ranAt = -1;
    clock.at(50, () => (ranAt = clock.now()));
    clock.advanceTo(40);
    expect(ranAt).toBe(100);
    expect(clock.now()).toBe(100);
    expect(() => clock.advance(-1)).toThrow();
  });
});

describe('realClock', () => {
  it('runs a task once its time has come, and not a cancelled one', async () => {
    const clock = realClock();
    const ran: string[] = [];
    const done = new Promise<void>((resolve) => clock.at(clock.now() + 20, () => { ran.push('due'); resolve(); }));
    clock.at(clock.now() + 5, () => ran.push('cancelled'))();
    await done;
    expect(ran).toEqual(['due']);
  });

  it('waits again when woken before its time by a clock that has not moved', async () => {
    let t = 0;
    const clock = realClock(() => t);
    let ran = false;
    clock.at(1, () => (ran = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(ran).toBe(false);
    t = 1;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(ran).toBe(true);
  });
});
