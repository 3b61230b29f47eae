import { GROUP_TABLE_HEADER } from "../core/groupTable";
import { divideByZero, invalidValue, type Num } from "../core/problem";
import type { GroupSummary } from "../core/rollup";
import { summariseColumns, type SummaryInput } from "../core/summariseColumns";
import { totalCell, totalShareCell } from "../core/totals";
import { cellArg, isErrorArg, toNumber } from "./coerce";
import { toExcelValue, type ExcelValue } from "./excelValue";
import { asMatrix, cellLabel, type Matrix } from "./spill";

export const SUMMARY_HEADER = GROUP_TABLE_HEADER;

const LABELS = ["Annual plan", "YTD plan", "YTD actual", "Group"];

/** CIP.SUMMARY: the per-group table, then the "All" row; without groups only "All". */
export function summaryTable(annualPlan: unknown, ytdPlan: unknown, ytdActual: unknown, group: unknown): ExcelValue[][] {
  const matrices = [annualPlan, ytdPlan, ytdActual].map(asMatrix);
  const groups = group === null || group === undefined ? null : asMatrix(group);
  const all = groups === null ? matrices : [...matrices, groups];
  const size = (m: Matrix) => m.length * m[0].length;
  const n = Math.max(...all.map(size));
  const wrong = all.findIndex((m) => size(m) !== n && size(m) !== 1);
  if (wrong >= 0 || all.some((m) => m.some((line) => !Array.isArray(line) || line.length !== m[0].length))) {
    const shapes = all.map((m, i) => `${LABELS[i]} ${m.length}×${m[0].length}`).join(", ");
    return [[toExcelValue(invalidValue(`The ranges must be the same size, or one of them a single cell (${shapes}).`))]];
  }
  const { rollup } = summariseColumns(rowsOf(matrices, groups, n));
  const lines: ExcelValue[][] = [[...SUMMARY_HEADER]];
  if (groups !== null) for (const g of rollup.groups) lines.push(summaryLine(g));
  lines.push(summaryLine(rollup.total));
  return lines;
}

/**
 * The rows to sum up. A row with no group name whose amounts are all blank or 0 is no organisation
 * but an empty line: Excel on Windows hands over an empty cell as 0, so the blank rows below a
 * tracker would otherwise count as organisations with nothing planned (in the group "0").
 */
function* rowsOf(matrices: readonly Matrix[], groups: Matrix | null, n: number): Generator<SummaryInput> {
  const at = (m: Matrix, i: number): unknown =>
    m.length * m[0].length === 1 ? m[0][0] : m[Math.floor(i / m[0].length)][i % m[0].length];
  const amount = (m: Matrix, i: number, label: string): Num => {
    const v = at(m, i);
    return typeof v === "number" && Number.isFinite(v) ? v : toNumber(v, cellLabel(label, Math.floor(i / m[0].length), 0, 1));
  };
  for (let i = 0; i < n; i++) {
    const row: SummaryInput = {
      group: groups === null ? null : groupCellText(at(groups, i)),
      annualPlan: amount(matrices[0], i, LABELS[0]),
      ytdPlan: amount(matrices[1], i, LABELS[1]),
      ytdActual: amount(matrices[2], i, LABELS[2]),
    };
    if (row.group === null && isNothing(row.annualPlan) && isNothing(row.ytdPlan) && isNothing(row.ytdActual)) continue;
    yield row;
  }
}

const isNothing = (x: Num): boolean => x === null || x === 0;

/**
 * A group cell as a name: text trimmed, a number as written, an error as its code (so it shows), a
 * data type by the text it shows. Blank is no group, and so is 0: an empty group cell on Windows.
 */
export function groupCellText(value: unknown): string | null {
  const x = cellArg(value);
  if (x === null || x === 0) return null;
  if (typeof x === "string") return x.trim() === "" ? null : x.trim();
  if (typeof x === "number") return String(x);
  if (typeof x === "boolean") return x ? "TRUE" : "FALSE";
  if (isErrorArg(x)) return x.error ?? `#${x.kind}`;
  return x.text ?? `(${x.dataType})`;
}

/** One line of the table; a total past what a number holds is #NUM! (totals.ts), never Infinity. */
function summaryLine(g: GroupSummary): ExcelValue[] {
  const orNull = (x: Num, message: string): Num => (x === null ? divideByZero(message) : x);
  const total = (x: number, what: string) => totalCell(x, what, g.group);
  const cells: Num[] = [
    g.organisations,
    g.behindPlan,
    orNull(g.behindPlanShare, "No organisations to count."),
    total(g.annualPlan, "annual plan"),
    total(g.ytdPlan, "YTD plan"),
    total(g.ytdActual, "YTD actual"),
    total(g.shortfall, "YTD shortfall"),
    orNull(
      totalShareCell(g.deliveryPct, "YTD delivery %", g.group),
      "YTD delivery % needs a YTD plan above zero; the YTD plan adds up to 0.",
    ),
    total(g.forecast, "forecast"),
  ];
  return [g.group, ...cells.map(toExcelValue)];
}
