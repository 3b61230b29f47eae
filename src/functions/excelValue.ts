import type { ExcelError, Num } from "../core/problem";

export type ExcelValue = number | string | CustomFunctions.Error;

// Custom functions may return only these errors; an input #REF! or #NAME? is reported as #VALUE!
// with a message that names the original error.
const RETURNABLE: Partial<Record<ExcelError, keyof typeof CustomFunctions.ErrorCode>> = {
  "#DIV/0!": "divisionByZero",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#VALUE!": "invalidValue",
  "#NULL!": "nullReference",
};

/**
 * A core value as a cell: a number or text as it is, "" for a blank (a `null` inside a spilled array would show
 * as 0) or an Excel error carrying the problem's message (Excel shows it for #VALUE! and #N/A).
 */
export function toExcelValue(value: Num | string): ExcelValue {
  if (typeof value === "number" || typeof value === "string") return value;
  if (value === null) return "";
  const code = RETURNABLE[value.error] ?? "invalidValue";
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[code], value.message);
}
