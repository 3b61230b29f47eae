/**
 * Keeps the N rows with the largest shortfall while rows stream past: a min-heap of size N, so a
 * million rows cost O(rows × log N) and N entries of memory. Ties keep the earlier row, so the
 * list is stable for equal shortfalls.
 */
export class WorstList {
  private readonly rows: number[] = [];
  private readonly amounts: number[] = [];

  constructor(private readonly capacity: number) {}

  /**
   * Kept small so the analysis loop inlines it: most rows rank below the list's last entry and are
   * turned away here, without the call (and the boxed double) that taking one in costs.
   */
  offer(row: number, amount: number): void {
    if (!(amount > 0) || this.capacity <= 0) return;
    if (this.rows.length < this.capacity || this.before(amount, row, this.amounts[0], this.rows[0])) this.take(row, amount);
  }

  private take(row: number, amount: number): void {
    if (this.rows.length < this.capacity) {
      this.rows.push(row);
      this.amounts.push(amount);
      this.siftUp(this.rows.length - 1);
    } else {
      this.rows[0] = row;
      this.amounts[0] = amount;
      this.siftDown(0);
    }
  }

  /** Row indices, largest shortfall first. */
  result(): number[] {
    const order = this.rows.map((row, i) => ({ row, amount: this.amounts[i] }));
    order.sort((a, b) => b.amount - a.amount || a.row - b.row);
    return order.map((e) => e.row);
  }

  /** Whether (a, rowA) ranks worse — earlier in the list — than (b, rowB). */
  private before(a: number, rowA: number, b: number, rowB: number): boolean {
    return a > b || (a === b && rowA < rowB);
  }

  // The heap's root is the entry that ranks last, the first to be pushed out.
  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(this.amounts[parent], this.rows[parent], this.amounts[i], this.rows[i])) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const n = this.rows.length;
    for (;;) {
      let last = i;
      for (const child of [2 * i + 1, 2 * i + 2]) {
        if (child < n && this.before(this.amounts[last], this.rows[last], this.amounts[child], this.rows[child])) last = child;
      }
      if (last === i) return;
      this.swap(i, last);
      i = last;
    }
  }

  private swap(i: number, j: number): void {
    [this.rows[i], this.rows[j]] = [this.rows[j], this.rows[i]];
    [this.amounts[i], this.amounts[j]] = [this.amounts[j], this.amounts[i]];
  }
}
