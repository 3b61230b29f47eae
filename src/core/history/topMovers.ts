/** The N rows with the largest movement either way, found in one pass without sorting every row. */

export interface Mover {
  readonly name: string;
  /** 0-based tracker row in this run. */
  readonly sourceRow: number | null;
  readonly before: number;
  readonly after: number;
  readonly change: number;
}

/** The `count` largest |movement| (NaN and 0 left out), largest first, ties to the earlier row. */
export function topMovers(movement: Float64Array, count: number, describe: (row: number) => Mover): Mover[] {
  if (count <= 0) return [];
  const rows: number[] = [];
  const sizes: number[] = [];
  let floor = 0; // the smallest size kept once the list is full
  for (let i = 0; i < movement.length; i++) {
    const size = Math.abs(movement[i]);
    if (!(size > floor) && !(rows.length < count && size > 0)) continue;
    let at = rows.length;
    while (at > 0 && sizes[at - 1] < size) at--;
    rows.splice(at, 0, i);
    sizes.splice(at, 0, size);
    if (rows.length > count) {
      rows.pop();
      sizes.pop();
    }
    if (rows.length === count) floor = sizes[count - 1];
  }
  return rows.map(describe);
}
