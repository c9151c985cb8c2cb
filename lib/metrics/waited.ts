// A board's wait as a screen counts it up: from when the side to move got the move to now, standing
// still while the class is paused (the resume moves the board's turnSince on by the pause, so the
// count goes on from where it stood).

/** The wait at `now` in whole seconds (as ms), never below 0; while paused (since `pausedSince`), the wait then. */
export function waitedSoFar(since: number, now: number, pausedSince: number | null): number {
  const until = pausedSince === null ? now : Math.min(now, pausedSince);
  return Math.max(0, Math.floor((until - since) / 1000)) * 1000;
}
