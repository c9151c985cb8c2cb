// Group commit. A command is decided and folded at once, so the next command (even in the
// same event-loop turn) sees its result; but it is acknowledged and broadcast only once its
// events are durable. The commands of one turn share one transaction, so one disk flush:
// under load, the cost of durability per move falls instead of queueing behind the disk.
// One batch is written at a time: what arrives while it is being written joins the next one,
// so a simul's entries reach the store in order. The SQLite store writes it on the database's
// own thread (sqlite-worker.ts), so this thread decides and folds the next commands meanwhile.
import { StaleEpochError, type AppendEntry, type EventStore } from './event-store';

/** `cause`: why an entry was not committed (the store's error), when it failed. */
type Done = (committed: boolean, cause?: unknown) => void;
type Pending = { entry: AppendEntry; done: Done };

export class CommitQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private writing = false;

  constructor(private store: EventStore) {}

  /** `done(true)` runs after the entry is durable; `done(false, cause)` if its batch failed. */
  add(entry: AppendEntry, done: Done): void {
    this.pending.push({ entry, done });
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    // After the I/O callbacks of this turn: every command already received joins the batch.
    setImmediate(() => void this.flush());
  }

  async flush(): Promise<void> {
    this.scheduled = false;
    if (this.writing) return;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.writing = true;
    try {
      const failed = await this.write(batch);
      // A failed simul's later entries follow events that were never written: they fail too.
      const after = this.pending.filter((p) => failed.has(p.entry.simulId));
      this.pending = this.pending.filter((p) => !failed.has(p.entry.simulId));
      for (const p of after) p.done(false, failed.get(p.entry.simulId));
    } finally {
      this.writing = false;
      if (this.pending.length > 0) this.schedule();
    }
  }

  /** Writes a batch, calls each entry's done, and returns the simuls whose entries failed, with why. */
  private async write(batch: Pending[]): Promise<Map<string, unknown>> {
    const failed = new Map<string, unknown>();
    let written = true;
    try {
      await this.store.appendMany(batch.map((b) => b.entry));
    } catch (err) {
      written = false;
      const simuls = new Set(batch.map((b) => b.entry.simulId));
      if (simuls.size === 1) {
        report(err, batch);
        for (const b of batch) b.done(false, err);
        return new Map([...simuls].map((id) => [id, err]));
      }
    }
    // Outside the try: what a committed entry's acknowledgement does is no failure of the commit.
    if (written) {
      for (const b of batch) b.done(true);
      return failed;
    }
    // The batch was rolled back whole: each simul is tried again on its own, so that one
    // simul's refused append (a stale owner, a bad seq) does not sink the others'.
    await Promise.all(
      [...groupBySimul(batch).values()].map(async (entries) => {
        try {
          await this.store.appendMany(entries.map((b) => b.entry));
        } catch (err) {
          report(err, entries);
          failed.set(entries[0].entry.simulId, err);
          for (const b of entries) b.done(false, err);
          return;
        }
        for (const b of entries) b.done(true);
      }),
    );
    return failed;
  }
}

function groupBySimul(batch: Pending[]): Map<string, Pending[]> {
  const groups = new Map<string, Pending[]>();
  for (const b of batch) {
    const group = groups.get(b.entry.simulId);
    if (group) group.push(b);
    else groups.set(b.entry.simulId, [b]);
  }
  return groups;
}

function report(err: unknown, entries: Pending[]): void {
  if (err instanceof StaleEpochError) console.error(`${err.message}: this node stops running it`);
  else console.error(`commit of ${entries.length} entries failed:`, (err as Error).message);
}
