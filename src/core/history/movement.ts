/**
 * What moved between the last run and this one. Rows are matched by key (organisation and
 * scheme, runKey.ts), so a sorted or extended tracker compares as it should; a renamed
 * organisation cannot be matched and shows as one row removed and one added.
 *
 * Totals and per-dimension movement compare each run's totals as reported (every data row, the
 * duplicates too), so they agree with each run's own summary; they are available even when a run
 * kept no row detail. RAG changes, rows added and removed, the biggest movers and the per-row
 * forecast movement need both runs' row detail. Amounts are in this run's unit (the last run's
 * converted when the analyst changed units).
 */
import { MONTHS } from "../fields";
import { RAG_NAMES, type RagName } from "../metrics";
import { RAG_BY_CODE, type Rag } from "../rag";
import { UNIT_FACTORS } from "../units";
import { normaliseName } from "./runKey";
import {
  AMOUNTS,
  type AmountName,
  type GroupTotals,
  type RowDetail,
  type RunInfo,
  type RunSnapshot,
  type Totals,
} from "./snapshot";
import { displayName } from "./runKey";
import { topMovers, type Mover } from "./topMovers";

export type { Mover } from "./topMovers";

export interface Change {
  readonly before: number;
  readonly after: number;
  /** after − before. */
  readonly change: number;
}

export type TotalsMovement = Readonly<Record<AmountName, Change>> & { readonly rowsBefore: number; readonly rowsAfter: number };

export interface GroupMovement extends TotalsMovement {
  /** The dimension's value ("North of England"); "" never: an empty group reads as its label. */
  readonly value: string;
  /** Matched rows of this value whose forecast RAG got worse or better (0 without row detail). */
  readonly ragWorse: number;
  readonly ragBetter: number;
}

export interface RagChange {
  readonly name: string;
  /** 0-based tracker row in this run. */
  readonly sourceRow: number | null;
  readonly rag: RagName;
  readonly from: Rag | null;
  readonly to: Rag | null;
  /** Towards red: green to amber or red, amber to red. */
  readonly worse: boolean;
}

export interface RowRef {
  readonly name: string;
  /** 0-based tracker row in this run; null for a row removed. */
  readonly sourceRow: number | null;
}

export interface Movement {
  /** True when there was no earlier run: everything else is empty. */
  readonly first: boolean;
  readonly previous: RunInfo | null;
  readonly current: RunInfo;
  readonly totals: TotalsMovement | null;
  /** Movement per value of each dimension both runs have ("Group", ...), biggest forecast movement first. */
  readonly dimensions: Readonly<Record<string, readonly GroupMovement[]>>;
  /** Whether rows were compared one by one (both runs kept their row detail). */
  readonly rowLevel: boolean;
  readonly ragChanges: readonly RagChange[];
  readonly added: readonly RowRef[];
  readonly removed: readonly RowRef[];
  readonly movers: readonly Mover[];
  /** Forecast movement of each row of this run's detail (RowDetail order), NaN for a new row or a blank forecast. */
  readonly rowMovement: Float64Array;
  /** What the analyst should know: duplicates, a method or unit change, renamed rows, no row detail. */
  readonly notes: readonly string[];
}

export interface MovementOptions {
  /** How many biggest movers. Default 5. */
  readonly moverCount?: number;
}

export function computeMovement(previous: RunSnapshot | null, current: RunSnapshot, options: MovementOptions = {}): Movement {
  const empty: Movement = {
    first: previous === null,
    previous: previous?.info ?? null,
    current: current.info,
    totals: null,
    dimensions: {},
    rowLevel: false,
    ragChanges: [],
    added: [],
    removed: [],
    movers: [],
    rowMovement: new Float64Array(current.detail?.count ?? 0).fill(NaN),
    notes: [...current.messages],
  };
  if (previous === null) return empty;
  const factor = UNIT_FACTORS[previous.info.unit] / UNIT_FACTORS[current.info.unit];
  const notes = [...current.messages, ...changedMethod(previous.info, current.info)];
  const rows =
    current.detail && previous.detail ? compareRows(previous.detail, current.detail, factor, options.moverCount ?? 5) : null;
  if (!rows) notes.push("The last run kept its totals only, so rows are not compared one by one.");
  else if (rows.added.length > 0 && rows.removed.length > 0)
    notes.push(
      "Rows are matched by organisation and scheme name: a row renamed since the last run shows as one removed and one added.",
    );
  const dimensions: Record<string, GroupMovement[]> = {};
  for (const [d, groups] of Object.entries(current.dimensions)) {
    const before = previous.dimensions[d];
    if (!before) continue;
    const worse = rows && current.detail ? ragCountsBy(current.detail.dimensions[d], rows.ragDirection) : null;
    dimensions[d] = groupMovement(before, groups, factor, worse);
  }
  return {
    ...empty,
    totals: totalsMovement(previous.totals, current.totals, factor),
    dimensions,
    rowLevel: rows !== null,
    ragChanges: rows?.ragChanges ?? [],
    added: rows?.added ?? [],
    removed: rows?.removed ?? [],
    movers: rows?.movers ?? [],
    rowMovement: rows?.rowMovement ?? empty.rowMovement,
    notes,
  };
}

/**
 * Movement grouped by any key of a row of either run ("Category", a region worked out from the
 * organisation code, ...): sums of the rows of each run, so rows without detail are not in it.
 */
export function movementBy(
  previous: RowDetail,
  current: RowDetail,
  keyOf: (detail: RowDetail, row: number) => string,
  factor = 1,
): GroupMovement[] {
  const sums = (detail: RowDetail, scale: number) => {
    const byKey = new Map<string, Totals>();
    for (let i = 0; i < detail.count; i++) {
      const key = keyOf(detail, i);
      let t = byKey.get(key);
      if (!t) byKey.set(key, (t = { rows: 0, forecast: 0, ytdPlan: 0, ytdActual: 0, unidentified: 0, annualPlan: 0 }));
      t.rows++;
      for (const a of AMOUNTS) {
        const v = detail.amounts[a][i];
        if (v === v) t[a] += v * scale;
      }
    }
    return [...byKey].map(([value, t]) => ({ value, ...t }));
  };
  return groupMovement(sums(previous, factor), sums(current, 1), 1, null);
}

function totalsMovement(before: Totals, after: Totals, factor: number): TotalsMovement {
  const amounts = Object.fromEntries(
    AMOUNTS.map((a) => {
      const b = before[a] * factor;
      return [a, { before: b, after: after[a], change: after[a] - b }];
    }),
  ) as Record<AmountName, Change>;
  return { ...amounts, rowsBefore: before.rows, rowsAfter: after.rows };
}

const ZERO: Totals = { rows: 0, forecast: 0, ytdPlan: 0, ytdActual: 0, unidentified: 0, annualPlan: 0 };

function groupMovement(
  before: readonly GroupTotals[],
  after: readonly GroupTotals[],
  factor: number,
  rag: ReadonlyMap<string, [number, number]> | null,
): GroupMovement[] {
  const beforeBy = new Map(before.map((g) => [normaliseName(g.value), g]));
  const afterKeys = new Set(after.map((g) => normaliseName(g.value)));
  const gone = before.filter((g) => !afterKeys.has(normaliseName(g.value))).map((g) => ({ ...ZERO, value: g.value }));
  const out = [...after, ...gone].map((g) => {
    const b = beforeBy.get(normaliseName(g.value)) ?? ZERO;
    const [ragWorse, ragBetter] = rag?.get(g.value) ?? [0, 0];
    return { value: g.value, ...totalsMovement(b, g, factor), ragWorse, ragBetter };
  });
  return out.sort((x, y) => Math.abs(y.forecast.change) - Math.abs(x.forecast.change));
}

function ragCountsBy(values: readonly string[] | undefined, direction: Int8Array): Map<string, [number, number]> {
  const counts = new Map<string, [number, number]>();
  if (!values) return counts;
  for (let i = 0; i < values.length; i++) {
    if (direction[i] === 0) continue;
    let c = counts.get(values[i]);
    if (!c) counts.set(values[i], (c = [0, 0]));
    c[direction[i] > 0 ? 0 : 1]++;
  }
  return counts;
}

function changedMethod(before: RunInfo, after: RunInfo): string[] {
  const notes: string[] = [];
  if (before.forecastBasis !== after.forecastBasis || before.forecastMethod !== after.forecastMethod)
    notes.push(
      "The forecast was made differently in the last run (another basis or method), so part of its movement is the change of method.",
    );
  if (before.unit !== after.unit)
    notes.push(`The last run was in ${before.unit}; its amounts are converted to ${after.unit} to compare.`);
  if (after.monthsElapsed < before.monthsElapsed)
    notes.push(
      `This run is for month ${after.monthsElapsed} (${MONTHS[after.monthsElapsed - 1]}), before the last run's month ${before.monthsElapsed}: check the months elapsed.`,
    );
  return notes;
}

interface RowComparison {
  ragChanges: RagChange[];
  added: RowRef[];
  removed: RowRef[];
  movers: Mover[];
  rowMovement: Float64Array;
  /** Per current row: +1 forecast RAG worse, −1 better, 0 same or not matched. */
  ragDirection: Int8Array;
}

function compareRows(before: RowDetail, after: RowDetail, factor: number, moverCount: number): RowComparison {
  const match = matchRows(before, after);
  const name = (d: RowDetail, i: number) => displayName(d.organisations[i], d.schemes?.[i] ?? "");
  const sourceRow = (i: number) => (after.sourceRows ? after.sourceRows[i] : null);
  const fBefore = before.amounts.forecast;
  const fAfter = after.amounts.forecast;
  const rowMovement = new Float64Array(after.count);
  const added: RowRef[] = [];
  const matched = new Uint8Array(before.count);
  for (let i = 0; i < after.count; i++) {
    const j = match[i];
    if (j < 0) {
      rowMovement[i] = NaN;
      added.push({ name: name(after, i), sourceRow: sourceRow(i) });
    } else {
      matched[j] = 1;
      rowMovement[i] = fAfter[i] - fBefore[j] * factor; // NaN when either is blank
    }
  }
  const removed: RowRef[] = [];
  for (let j = 0; j < before.count; j++) if (matched[j] === 0) removed.push({ name: name(before, j), sourceRow: null });

  const ragChanges: RagChange[] = [];
  const ragDirection = new Int8Array(after.count);
  for (const rag of RAG_NAMES) {
    const b = before.rags[rag];
    const a = after.rags[rag];
    if (!a || !b) continue;
    for (let i = 0; i < after.count; i++) {
      const j = match[i];
      if (j < 0 || a[i] === b[j]) continue;
      const worse = a[i] > b[j] && b[j] > 0;
      if (rag === "forecastRag" && a[i] > 0 && b[j] > 0) ragDirection[i] = worse ? 1 : -1;
      ragChanges.push({
        name: name(after, i),
        sourceRow: sourceRow(i),
        rag,
        from: RAG_BY_CODE[b[j]],
        to: RAG_BY_CODE[a[i]],
        worse,
      });
    }
  }
  const movers = topMovers(rowMovement, moverCount, (i) => {
    const j = match[i];
    return {
      name: name(after, i),
      sourceRow: sourceRow(i),
      before: fBefore[j] * factor,
      after: fAfter[i],
      change: rowMovement[i],
    };
  });
  return { ragChanges, added, removed, movers, rowMovement, ragDirection };
}

/**
 * For each row of `after`, its row in `before` or −1. Trackers are mostly re-run in the same
 * order, so rows are first compared in place; from the first row that differs, through a hash
 * table of the remaining keys' hashes (open addressing over typed arrays: a Map of a million
 * strings costs seconds), a key compared as text only when its hash matches.
 */
export function matchRows(before: Keyed, after: Keyed): Int32Array {
  const match = new Int32Array(after.keys.length);
  let i = 0;
  const same = Math.min(before.keys.length, after.keys.length);
  while (i < same && before.keys[i] === after.keys[i]) {
    match[i] = i;
    i++;
  }
  if (i === after.keys.length) return match;
  const from = i;
  let size = 1024;
  while (size < (before.keys.length - from) * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const slotHashes = new Uint32Array(size);
  const bh = before.hashes;
  for (let j = from; j < bh.length; j++) {
    let slot = bh[j] & mask;
    while (slots[slot] >= 0) slot = (slot + 1) & mask;
    slots[slot] = j;
    slotHashes[slot] = bh[j];
  }
  const ah = after.hashes;
  for (; i < ah.length; i++) {
    const hash = ah[i];
    let slot = hash & mask;
    let found = -1;
    for (let j = slots[slot]; j >= 0; slot = (slot + 1) & mask, j = slots[slot]) {
      if (slotHashes[slot] === hash && before.keys[j] === after.keys[i]) {
        found = j;
        break;
      }
    }
    match[i] = found;
  }
  return match;
}

/** What matching reads of a run's rows. */
export type Keyed = Pick<RowDetail, "keys" | "hashes">;

/** The forecast movement of every tracker row of this run, for the "CIP: Forecast movement" column: NaN for blank. */
export function forecastMovementByRow(movement: Movement, detail: RowDetail | null, rowCount: number): Float64Array {
  const out = new Float64Array(rowCount).fill(NaN);
  if (!detail?.sourceRows) return out;
  for (let i = 0; i < detail.count; i++) out[detail.sourceRows[i]] = movement.rowMovement[i];
  return out;
}
