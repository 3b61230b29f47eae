// How many months of the financial year a tracker covers, read from the tracker itself, so the
// analyst is not asked for what the sheet already says. Monthly actuals are the firmest evidence
// (the last month anyone reported); a YTD header naming its month ("YTD actual M6", "Plan to
// Sept") comes next. Anything less certain is not a guess worth making: the pane asks instead.
import type { ColumnMapping } from "./recogniseColumns";
import { ACTUAL_MONTH_FIELDS, MONTHS } from "./fields";
import { readCell } from "./readCell";

export interface InferredMonths {
  readonly monthsElapsed: number;
  /** Why, in words for the pane: "the last monthly actual is Sep". */
  readonly reason: string;
}

const MONTH_NUMBER = /\b(?:m|month|p|period)\s*(\d{1,2})\b/i;
const MONTH_NAMES: readonly RegExp[] = [
  /\bapr(il)?\b/i,
  /\bmay\b/i,
  /\bjune?\b/i,
  /\bjuly?\b/i,
  /\baug(ust)?\b/i,
  /\bsep(t|tember)?\b/i,
  /\boct(ober)?\b/i,
  /\bnov(ember)?\b/i,
  /\bdec(ember)?\b/i,
  /\bjan(uary)?\b/i,
  /\bfeb(ruary)?\b/i,
  /\bmar(ch)?\b/i,
];

export function inferMonthsElapsed(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  mapping: Pick<ColumnMapping, "columns">,
): InferredMonths | null {
  return fromMonthlyActuals(rows, mapping) ?? fromYtdHeaders(header, mapping);
}

function fromMonthlyActuals(
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
    const month = monthIn(text);
    if (month !== null) return { monthsElapsed: month, reason: `the header "${text.trim()}" names month ${month}` };
  }
  return null;
}

function monthIn(text: string): number | null {
  const numbered = MONTH_NUMBER.exec(text);
  if (numbered) {
    const n = Number(numbered[1]);
    return n >= 1 && n <= 12 ? n : null;
  }
  // "May" is also a word; only trust a month name in a header that is about a period to date.
  if (!/\b(ytd|to|year to date|cumulative)\b/i.test(text)) return null;
  const found = MONTH_NAMES.findIndex((pattern) => pattern.test(text));
  return found >= 0 ? found + 1 : null;
}
