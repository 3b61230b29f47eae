/**
 * A snapshot of one run's results, kept so the next run can say what moved (movement.ts). Rows
 * are keyed by organisation and scheme (runKey.ts), not by position. Numbers are in the run's
 * unit, rounded to hundredths of it (a penny in £, £10 in £k): finer than any tracker is read,
 * and what keeps a stored history small. Rounding happens here, when the snapshot is made, so a
 * snapshot read back from the workbook equals the one that was written.
 *
 * Two rows with the same key cannot be told apart: each such key gets a message and its rows
 * are left out of the row detail (so out of row movement), never merged. They still count in the
 * totals, which are the run's totals as reported.
 */
import { RAG_NAMES, type RagName } from "../metrics";
import type { ForecastBasis, ForecastMethod } from "../settings";
import type { Unit } from "../units";
import { displayName, keyHashes, rowKey } from "./runKey";

/** What the run was: when, over what, and how its forecast was made. */
export interface RunInfo {
  /** When the run was made, as an ISO 8601 date-time ("2025-10-03T09:12:00.000Z"). */
  readonly runAt: string;
  readonly monthsElapsed: number;
  readonly forecastBasis: ForecastBasis;
  readonly forecastMethod: ForecastMethod;
  /** The unit every amount of the snapshot is in. */
  readonly unit: Unit;
  /** The tracker's address ("'CIP tracker'!A1:X74"). */
  readonly trackerAddress: string;
}

/** The amounts a snapshot keeps, per row and in total. */
export const AMOUNTS = ["forecast", "ytdPlan", "ytdActual", "unidentified", "annualPlan"] as const;
export type AmountName = (typeof AMOUNTS)[number];

/** Sums over rows, blanks (NaN) left out; `rows` counts every row summed, blank or not. */
export type Totals = { rows: number } & Record<AmountName, number>;

export interface GroupTotals extends Totals {
  readonly value: string;
}

/** The row detail: one entry per keyed row, in tracker order. */
export interface RowDetail {
  readonly count: number;
  readonly organisations: readonly string[];
  /** The scheme of each row, "" where none; null when the run had no scheme column. */
  readonly schemes: readonly string[] | null;
  /** Normalised keys, worked out from the names (never stored). */
  readonly keys: readonly string[];
  /** The hash of each key (runKey.ts keyHashes), for matching. */
  readonly hashes: Uint32Array;
  /** Each amount per row, NaN where blank or a problem. */
  readonly amounts: Readonly<Record<AmountName, Float64Array>>;
  /** RAG codes per row (0 none, 1 green, 2 amber, 3 red) for each RAG the run rated. */
  readonly rags: Readonly<Partial<Record<RagName, Uint8Array>>>;
  /** Each dimension's value per row ("Group", "Category", ...). */
  readonly dimensions: Readonly<Record<string, readonly string[]>>;
  /** The 0-based tracker row of each entry, for the run that made it only (not stored). */
  readonly sourceRows: Uint32Array | null;
}

export interface RunSnapshot {
  readonly info: RunInfo;
  readonly totals: Totals;
  /** Totals per value of each dimension, "Group" first. */
  readonly dimensions: Readonly<Record<string, readonly GroupTotals[]>>;
  /** Rows per RAG, [green, amber, red], for each RAG the run rated. */
  readonly ragCounts: Readonly<Partial<Record<RagName, readonly [number, number, number]>>>;
  /** One message per duplicate key and one for rows with no name; those rows have no detail. */
  readonly messages: readonly string[];
  /** null when the history left the row detail out (a very large tracker, or an older run). */
  readonly detail: RowDetail | null;
}

/** What a snapshot is made from: the run's data rows, read column by column. */
export interface SnapshotSource {
  readonly info: RunInfo;
  readonly rowCount: number;
  /** Whether a row is an organisation or scheme (not blank, a heading or a total). */
  isData(row: number): boolean;
  /** The organisation's name as typed; "" when the cell is empty. */
  organisation(row: number): string;
  /** Present when the run read a scheme column. */
  scheme?(row: number): string;
  /** Dimension name → the row's value ("Group" first). */
  readonly dimensions: Readonly<Record<string, (row: number) => string>>;
  /** An amount in the run's unit, NaN where blank or a problem. */
  amount(name: AmountName, row: number): number;
  /** The RAGs the run rated; a RAG's code 0-3 for a row. */
  readonly rags: readonly RagName[];
  ragCode(name: RagName, row: number): number;
  /** The sheet row number, for messages. */
  sheetRow(row: number): number;
}

/** Hundredths of the unit; −0 is 0, as JSON writes it. */
export const roundAmount = (value: number): number => (Number.isFinite(value) ? Math.round(value * 100) / 100 + 0 : NaN);

export function emptyTotals(): Totals {
  return { rows: 0, forecast: 0, ytdPlan: 0, ytdActual: 0, unidentified: 0, annualPlan: 0 };
}

export function addTo(totals: Totals, amounts: Readonly<Record<AmountName, Float64Array>>, i: number): void {
  totals.rows++;
  for (const name of AMOUNTS) {
    const v = amounts[name][i];
    if (v === v) totals[name] += v;
  }
}

/** Makes the snapshot of a run. */
export function buildSnapshot(source: SnapshotSource): RunSnapshot {
  const data: number[] = [];
  for (let r = 0; r < source.rowCount; r++) if (source.isData(r)) data.push(r);
  const n = data.length;
  const amounts = Object.fromEntries(
    AMOUNTS.map((name) => [name, Float64Array.from(data, (r) => roundAmount(source.amount(name, r)))]),
  ) as Record<AmountName, Float64Array>;
  const rags = Object.fromEntries(
    source.rags.filter((g) => RAG_NAMES.includes(g)).map((g) => [g, Uint8Array.from(data, (r) => source.ragCode(g, r) & 3)]),
  ) as Partial<Record<RagName, Uint8Array>>;
  const dimensionNames = Object.keys(source.dimensions);
  const dimensionValues = dimensionNames.map((d) => data.map((r) => source.dimensions[d](r)));
  const organisations = data.map((r) => source.organisation(r));
  const schemes = source.scheme ? data.map((r) => (source.scheme as (row: number) => string)(r)) : null;

  const totals = emptyTotals();
  for (let i = 0; i < n; i++) addTo(totals, amounts, i);
  const dimensions = Object.fromEntries(dimensionNames.map((d, k) => [d, groupTotals(dimensionValues[k], amounts)]));
  const ragCounts = Object.fromEntries(Object.entries(rags).map(([g, codes]) => [g, countRags(codes)]));

  // Keep the rows whose key is unique and named.
  const keys = organisations.map((org, i) => rowKey(org, schemes?.[i] ?? ""));
  const seen = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const list = seen.get(key);
    if (list) list.push(i);
    else seen.set(key, [i]);
  });
  const messages: string[] = [];
  const unnamed = seen.get("");
  if (unnamed) {
    const rows = unnamed.map((i) => source.sheetRow(data[i]));
    messages.push(
      `${plural(rows.length, "row has", "rows have")} figures but no organisation name (${rowList(rows)}), so ${rows.length === 1 ? "it is" : "they are"} not compared with other runs.`,
    );
  }
  for (const [key, list] of seen) {
    if (key === "" || list.length < 2) continue;
    const name = displayName(organisations[list[0]], schemes?.[list[0]] ?? "");
    messages.push(
      `"${name}" appears in ${list.length} rows (${rowList(list.map((i) => source.sheetRow(data[i])))}): the history cannot tell them apart, so they are not compared with other runs. Give each its own name${schemes ? " or scheme" : " (or add a scheme column)"}.`,
    );
  }
  const keep = keys.flatMap((key, i) => ((seen.get(key) as number[]).length === 1 && key !== "" ? [i] : []));
  const pick = <T>(xs: readonly T[]) => keep.map((i) => xs[i]);
  const detail: RowDetail = {
    count: keep.length,
    organisations: pick(organisations),
    schemes: schemes ? pick(schemes) : null,
    keys: pick(keys),
    hashes: keyHashes(pick(keys)),
    amounts: Object.fromEntries(AMOUNTS.map((a) => [a, Float64Array.from(keep, (i) => amounts[a][i])])) as Record<
      AmountName,
      Float64Array
    >,
    rags: Object.fromEntries(Object.entries(rags).map(([g, codes]) => [g, Uint8Array.from(keep, (i) => codes[i])])),
    dimensions: Object.fromEntries(dimensionNames.map((d, k) => [d, pick(dimensionValues[k])])),
    sourceRows: Uint32Array.from(keep, (i) => data[i]),
  };
  return { info: source.info, totals, dimensions, ragCounts, messages, detail };
}

/** Totals per distinct value, in order of first appearance. */
export function groupTotals(values: readonly string[], amounts: Readonly<Record<AmountName, Float64Array>>): GroupTotals[] {
  const byValue = new Map<string, Totals>();
  values.forEach((value, i) => {
    let totals = byValue.get(value);
    if (!totals) byValue.set(value, (totals = emptyTotals()));
    addTo(totals, amounts, i);
  });
  return [...byValue].map(([value, totals]) => ({ value, ...totals }));
}

function countRags(codes: Uint8Array): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0];
  for (const code of codes) if (code > 0) counts[code - 1]++;
  return counts;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}

/** "rows 5 and 9", "rows 5, 9, 12 and 3 more". */
function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 5);
  const more = rows.length - shown.length;
  if (rows.length === 1) return `row ${rows[0]}`;
  if (more > 0) return `rows ${shown.join(", ")} and ${more} more`;
  return `rows ${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}
