/**
 * A problem is a value, not an exception: it travels through the calculations in place of a
 * number and ends up as an Excel error in a cell (with its message) or as a line in the task
 * pane's problem list. Nothing in the core throws for bad data.
 */

/** Excel's error values as they appear in cells and in `Range.values`. */
export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#TIMEOUT!",
  "#EXTERNAL!",
] as const;

export type ExcelError = (typeof EXCEL_ERRORS)[number];

const EXCEL_ERROR_SET: ReadonlySet<string> = new Set(EXCEL_ERRORS);

export function isExcelError(text: string): text is ExcelError {
  return EXCEL_ERROR_SET.has(text);
}

/** Why a value could not be used. */
export type ProblemKind =
  /** The input cell already held an Excel error; it is passed on unchanged. */
  | "excelError"
  /** Text, a boolean or a non-finite number where a number was needed. */
  | "notANumber"
  /** A ratio whose denominator is zero. */
  | "divideByZero"
  /** A value outside what the metric accepts (a negative plan, months elapsed of 13). */
  | "invalidValue";

export interface Problem {
  readonly kind: ProblemKind;
  /** The Excel error a cell shows for this problem. */
  readonly error: ExcelError;
  /** What was wrong with which value, in words an analyst understands. */
  readonly message: string;
}

/** A number, a blank (`null`) or a problem: the currency of every calculation in the core. */
export type Num = number | null | Problem;

export function problem(kind: ProblemKind, error: ExcelError, message: string): Problem {
  return { kind, error, message };
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "kind" in value && "error" in value && "message" in value;
}

export const divideByZero = (message: string): Problem => problem("divideByZero", "#DIV/0!", message);
export const invalidValue = (message: string): Problem => problem("invalidValue", "#VALUE!", message);
