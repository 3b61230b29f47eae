// How many months of the financial year a tracker covers, read from the tracker itself, so the
// analyst is not asked for what the sheet already says. Monthly actuals are the firmest evidence
// (the last month anyone reported); a YTD header naming its month ("YTD actual M6", "Plan to
// Sept") comes next. Anything less certain is not a guess worth making: the pane asks instead.
import type { ColumnMapping } from "./recogniseColumns";
import { ACTUAL_MONTH_FIELDS, MONTHS } from "./fields";
import { monthToDateIn } from "./monthPhrases";
import { readCell } from "./readCell";

export interface InferredMonths {
  readonly monthsElapsed: number;
  /** Why, in words for the pane: "the last monthly actual is Sep". */
  readonly reason: string;
}

export function inferMonthsElapsed(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  mapping: Pick<ColumnMapping, "columns">,
): InferredMonths | null {
  return fromMonthlyActuals(rows, mapping) ?? fromYtdHeaders(header, mapping);
}

/** The last month (1-based) with a monthly actual filled in on any row, and why; null when none is. */
export function fromMonthlyActuals(
  rows: readonly (readonly unknown[])[],
  mapping: Pick<ColumnMapping, "columns">,
): InferredMonths | null {
  for (let m = ACTUAL_MONTH_FIELDS.length - 1; m >= 0; m--) {
    const index = mapping.columns[ACTUAL_MONTH_FIELDS[m]];
    if (index === undefined) continue;
    if (rows.some((row) => typeof readCell(row[index]) === "number")) {
      return { monthsElapsed: m + 1, reason: `the last monthly actual filled in is ${MONTHS[m]}` };
    }
  }
  return null;
}

function fromYtdHeaders(header: readonly unknown[], mapping: Pick<ColumnMapping, "columns">): InferredMonths | null {
  for (const field of ["ytdActual", "ytdPlan"] as const) {
    const index = mapping.columns[field];
    if (index === undefined) continue;
    const text = header[index];
    if (typeof text !== "string") continue;
    const month = monthToDateIn(text);
    if (month !== null) return { monthsElapsed: month, reason: `the header "${text.trim()}" names month ${month}` };
  }
  return null;
}
