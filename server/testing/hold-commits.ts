// Commits wait, as on a slow disk: for tests that need the window between a command's decision
// and its durability held open.
import { vi } from 'vitest';
import { CommitQueue } from '../store/commit-queue';

/** Holds every commit from now on until the returned release() is called, which runs them. */
export function holdCommits(): () => void {
  const held: (() => void)[] = [];
  const add = CommitQueue.prototype.add;
  const hold = vi.spyOn(CommitQueue.prototype, 'add').mockImplementation(function (this: CommitQueue, entry, done) {
    held.push(() => add.call(this, entry, done));
  });
  return () => {
    hold.mockRestore();
    for (const commit of held.splice(0)) commit();
  };
}
