// Runs heavy jobs (a hello's page of the log, serialised to the wire) one per event-loop turn,
// so that a burst of them from many sockets never holds up the moves of everyone else: between
// two jobs, every socket's waiting input is read and handled.
export class TurnQueue {
  private jobs: (() => void)[] = [];
  private scheduled = false;

  run<T>(job: () => T): Promise<T> {
    return new Promise((resolve, reject) => {
      this.jobs.push(() => {
        try {
          resolve(job());
        } catch (err) {
          reject(err);
        }
      });
      this.schedule();
    });
  }

  get length(): number {
    return this.jobs.length;
  }

  private schedule(): void {
    if (this.scheduled || this.jobs.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.jobs.shift()!();
      this.schedule();
    });
  }
}
