// A clock that moves only when told: for browser tests that need exact durations
// (SIMUL_TEST_CLOCK=1 makes the server use it, with POST /__test/clock?advance=<ms>).
export class ManualClock {
  constructor(private t: number) {}
  now = (): number => this.t;
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('advance needs a non-negative number of ms');
    this.t += ms;
    return this.t;
  }
}
