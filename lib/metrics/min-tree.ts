// A fixed-size array of numbers that answers "first slot from i holding at most x" and
// "leftmost smallest slot" in O(log n), so the async replay's choice of the next board
// costs log(boards) instead of a scan of every table.
export class MinTree {
  private readonly size: number;
  /** Heap layout: node k covers its children 2k and 2k+1; leaves start at `size`. */
  private readonly min: Float64Array;

  constructor(length: number) {
    let size = 1;
    while (size < length) size *= 2;
    this.size = size;
    this.min = new Float64Array(2 * size).fill(Infinity);
  }

  get(i: number): number {
    return this.min[this.size + i];
  }

  set(i: number, value: number): void {
    let k = this.size + i;
    this.min[k] = value;
    for (k >>= 1; k >= 1; k >>= 1) this.min[k] = Math.min(this.min[2 * k], this.min[2 * k + 1]);
  }

  /** The smallest value held. */
  smallest(): number {
    return this.min[1];
  }

  /** The leftmost slot holding the smallest value. */
  leftmostSmallest(): number {
    let k = 1;
    while (k < this.size) k = this.min[2 * k] === this.min[k] ? 2 * k : 2 * k + 1;
    return k - this.size;
  }

  /** The first slot at or after `from` whose value is at most `limit`, or -1. */
  firstAtMost(from: number, limit: number, k = 1, lo = 0, hi = this.size): number {
    if (hi <= from || this.min[k] > limit) return -1;
    if (hi - lo === 1) return lo;
    const mid = (lo + hi) >> 1;
    const left = this.firstAtMost(from, limit, 2 * k, lo, mid);
    return left !== -1 ? left : this.firstAtMost(from, limit, 2 * k + 1, mid, hi);
  }
}
