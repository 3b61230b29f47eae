/**
 * Sums (counts, averages, minima, maxima) of numeric columns by a key, groups in order of first
 * appearance: the roll-up behind CIP.ROLLUP and the extra columns of the scheme roll-ups
 * (schemes/dimensionRollup.ts). Blank or non-numeric values (NaN) are left out of every measure.
 */
export const ROLLUP_MEASURES = ["sum", "count", "average", "min", "max"] as const;
export type RollupMeasure = (typeof ROLLUP_MEASURES)[number];

export function isRollupMeasure(text: string): text is RollupMeasure {
  return (ROLLUP_MEASURES as readonly string[]).includes(text);
}

/** Running sums of `width` columns per key; adding a row allocates nothing once its key is known. */
export class KeyedSums {
  readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();
  private sums = new Float64Array(0);
  private counts = new Float64Array(0);
  private mins = new Float64Array(0);
  private maxs = new Float64Array(0);

  constructor(readonly width: number) {}

  /** The key's group, registering it on first sight. */
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      if ((id + 1) * this.width > this.sums.length) this.grow((id + 1) * this.width);
    }
    return id;
  }

  /** Adds `value` (NaN: nothing) to column `column` of group `id`. */
  add(id: number, column: number, value: number): void {
    if (value !== value) return;
    const at = id * this.width + column;
    this.sums[at] += value;
    this.counts[at]++;
    if (value < this.mins[at]) this.mins[at] = value;
    if (value > this.maxs[at]) this.maxs[at] = value;
  }

  /** The measure of a group's column; null where no value was added (no average, minimum or maximum of nothing). */
  value(id: number, column: number, measure: RollupMeasure): number | null {
    const at = id * this.width + column;
    const count = this.counts[at];
    switch (measure) {
      case "sum":
        return this.sums[at];
      case "count":
        return count;
      case "average":
        return count > 0 ? this.sums[at] / count : null;
      case "min":
        return count > 0 ? this.mins[at] : null;
      case "max":
        return count > 0 ? this.maxs[at] : null;
    }
  }

  /** The measure over every group. */
  total(column: number, measure: RollupMeasure): number | null {
    let sum = 0;
    let count = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let id = 0; id < this.keys.length; id++) {
      const at = id * this.width + column;
      sum += this.sums[at];
      count += this.counts[at];
      min = Math.min(min, this.mins[at]);
      max = Math.max(max, this.maxs[at]);
    }
    if (measure === "sum") return sum;
    if (measure === "count") return count;
    if (count === 0) return null;
    return measure === "average" ? sum / count : measure === "min" ? min : max;
  }

  private grow(needed: number): void {
    const size = Math.max(16, needed, this.sums.length * 2);
    const copy = (from: Float64Array, fill: number) => {
      const to = new Float64Array(size).fill(fill);
      to.set(from);
      return to;
    };
    this.sums = copy(this.sums, 0);
    this.counts = copy(this.counts, 0);
    this.mins = copy(this.mins, Infinity);
    this.maxs = copy(this.maxs, -Infinity);
  }
}
