// Group commit. A command is decided and folded at once, so the next command (even in the
// same event-loop turn) sees its result; but it is acknowledged and broadcast only once its
// events are durable. The commands of one turn share one transaction, so one disk flush:
// under load, the cost of durability per move falls instead of queueing behind the disk.
import type { AppendEntry, EventStore } from './store/event-store';

type Done = (committed: boolean) => void;

export class CommitQueue {
  private pending: { entry: AppendEntry; done: Done }[] = [];
  private scheduled = false;

  constructor(private store: EventStore) {}

  /** `done(true)` runs after the entry is durable; `done(false)` if its batch failed. */
  add(entry: AppendEntry, done: Done): void {
    this.pending.push({ entry, done });
    if (!this.scheduled) {
      this.scheduled = true;
      // After the I/O callbacks of this turn: every command already received joins the batch.
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    if (batch.length === 0) return;
    let committed = true;
    try {
      this.store.appendMany(batch.map((b) => b.entry));
    } catch (err) {
      console.error(`commit of ${batch.length} entries failed:`, (err as Error).message);
      committed = false;
    }
    for (const b of batch) b.done(committed);
  }
}
