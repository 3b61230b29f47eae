// CIP.ROLLUP: any measure of any columns by any key, as a spilled table (core: keyedRollup.ts).
import { isRollupMeasure, KeyedSums, ROLLUP_MEASURES, type RollupMeasure } from "../core/keyedRollup";
import { invalidValue, isProblem, type Problem } from "../core/problem";
import { cellArg, toNumber } from "./coerce";
import { toExcelValue, type ExcelValue } from "./excelValue";
import { asMatrix, cellLabel } from "./spill";
import { groupCellText } from "./summary";

/** The total row's key. */
export const ROLLUP_TOTAL = "All";

/**
 * One row per distinct key (first appearance order), then "All": the key, then each measure of
 * each values column. An error or text in a group's values makes that group's cell the error.
 */
export function rollupTable(keys: unknown, values: unknown, measures: unknown): ExcelValue[][] {
  const k = asMatrix(keys);
  const v = asMatrix(values);
  const chosen = readMeasures(measures);
  if (isProblem(chosen)) return [[toExcelValue(chosen)]];
  if (k[0].length !== 1 || k.some((line) => !Array.isArray(line) || line.length !== 1))
    return [[toExcelValue(invalidValue("Keys must be one column."))]];
  const width = v[0].length;
  if (v.length !== k.length || v.some((line) => !Array.isArray(line) || line.length !== width))
    return [[toExcelValue(invalidValue(`Values must have as many rows as keys (${k.length}); they have ${v.length}.`))]];
  const sums = new KeyedSums(width);
  const problems = new Map<number, Problem>();
  const totalProblem: Problem[] = [];
  for (let r = 0; r < k.length; r++) {
    const key = groupCellText(k[r][0]);
    const row = v[r].map((cell, c) => (typeof cell === "number" ? cell : toNumber(cell, cellLabel("Values", r, c, width))));
    // An empty line below the data (Windows hands its cells over as 0) is no group.
    if (key === null && row.every((x) => x === null || x === 0)) continue;
    const id = sums.id(key ?? "(blank)");
    row.forEach((x, c) => {
      if (isProblem(x)) {
        if (!problems.has(id * width + c)) problems.set(id * width + c, x);
        totalProblem[c] ??= x;
      } else sums.add(id, c, x === null ? NaN : x);
    });
  }
  const cell = (x: number | null, p: Problem | undefined): ExcelValue => toExcelValue(p ?? x);
  const lines: ExcelValue[][] = sums.keys.map((key, id) => [
    key,
    ...chosen.flatMap((m) => Array.from({ length: width }, (_, c) => cell(sums.value(id, c, m), problems.get(id * width + c)))),
  ]);
  lines.push([
    ROLLUP_TOTAL,
    ...chosen.flatMap((m) => Array.from({ length: width }, (_, c) => cell(sums.total(c, m), totalProblem[c]))),
  ]);
  return lines;
}

function readMeasures(measures: unknown): RollupMeasure[] | Problem {
  if (measures === null || measures === undefined) return ["sum"];
  const out: RollupMeasure[] = [];
  for (const line of asMatrix(measures))
    for (const cell of line) {
      const x = cellArg(cell);
      if (x === null || x === 0 || (typeof x === "string" && x.trim() === "")) continue;
      const word = typeof x === "string" ? x.trim().toLowerCase() : "";
      if (!isRollupMeasure(word))
        return invalidValue(
          `Measure ${JSON.stringify(typeof x === "string" ? x : String(x))} is not one of ${ROLLUP_MEASURES.join(", ")}.`,
        );
      out.push(word);
    }
  return out.length > 0 ? out : ["sum"];
}
