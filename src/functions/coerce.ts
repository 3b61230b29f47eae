// The one place where what Excel hands a custom function becomes a number, a text, a blank or an
// Excel error (as HyperFormula keeps all its argument coercion in one helper). Excel hands over
// the same cell in different shapes depending on the client:
// - plain values: numbers, strings, booleans; `null` for an empty cell on the web (and for an
//   omitted argument everywhere), but **0** for an empty cell on Windows (ranges and single cells);
// - an error as an object carrying its text in `code` (CustomFunctions.Error), or, on runtimes that
//   honour `allowCustomDataForDataTypeAny` (which the metadata plugin writes for `any`), as an
//   Excel.ErrorCellValue `{ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }`;
// - on those runtimes any cell may also come as a rich value `{ type: "Double" | "String" |
//   "Boolean" | "Empty" | "FormattedNumber", basicValue }`, or a data type (Entity, LinkedEntity,
//   WebImage...) that is no number at all.
// Every function reads its arguments through here, so the same cell means the same thing whatever
// shape it came in; what an empty cell arriving as 0 means is each parameter's decision (params.ts).
import { isExcelError, problem, type ExcelError, type Num, type Problem } from "../core/problem";
import { readCell } from "../core/readCell";

/** An Excel error in an argument, by its text ("#N/A"), or by its kind where Excel gave no text. */
export interface ErrorArg {
  readonly error: ExcelError | null;
  readonly kind: string;
}

/** A data type (an entity, a linked type, an image...): not a plain value; `text` is what the cell shows. */
export interface DataTypeArg {
  readonly dataType: string;
  readonly text: string | null;
}

/** One cell of an argument in Excel's own kinds, whatever shape it was handed over in. */
export type CellArg = number | string | boolean | null | ErrorArg | DataTypeArg;

// Excel.ErrorCellValueType → the error's text, for error values that come without a basicValue.
const ERROR_BY_TYPE: Readonly<Record<string, ExcelError>> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  External: "#EXTERNAL!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  NotAvailable: "#N/A",
  Name: "#NAME?",
  Null: "#NULL!",
  Num: "#NUM!",
  Python: "#PYTHON!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

/** The rich value types that stand for a plain value, held in `basicValue`. */
const PLAIN_TYPES: ReadonlySet<string> = new Set(["Double", "String", "Boolean", "Empty", "FormattedNumber"]);

/** A cell as Excel's own kinds: rich values unwrapped, errors recognised in either form. */
export function cellArg(value: unknown): CellArg {
  if (value === undefined || value === null) return null;
  if (typeof value !== "object") {
    return typeof value === "number" || typeof value === "string" || typeof value === "boolean" ? value : String(value);
  }
  const v = value as { type?: unknown; basicValue?: unknown; errorType?: unknown; code?: unknown; text?: unknown };
  if (typeof v.code === "string" && isExcelError(v.code)) return { error: v.code, kind: v.code };
  if (v.type === "Error") return errorArg(v.basicValue, v.errorType);
  if (typeof v.type === "string" && PLAIN_TYPES.has(v.type)) {
    const basic = v.basicValue;
    if (basic === undefined || basic === null || basic === "") return v.type === "String" ? "" : null;
    if (typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean") return basic;
  }
  const dataType = typeof v.type === "string" ? v.type : Array.isArray(value) ? "list of values" : "object";
  return { dataType, text: typeof v.text === "string" ? v.text : null };
}

function errorArg(basicValue: unknown, errorType: unknown): ErrorArg {
  if (typeof basicValue === "string" && isExcelError(basicValue)) return { error: basicValue, kind: basicValue };
  const kind = typeof errorType === "string" ? errorType : typeof basicValue === "string" ? basicValue : "unknown";
  return { error: ERROR_BY_TYPE[kind] ?? null, kind };
}

export const isErrorArg = (x: CellArg): x is ErrorArg => typeof x === "object" && x !== null && "error" in x;
export const isDataTypeArg = (x: CellArg): x is DataTypeArg => typeof x === "object" && x !== null && "dataType" in x;

/**
 * A cell as an amount: a number, a blank (`null`) or a problem naming `label`. Text is read by the
 * core's rules ("£1,234", "(500)", "12%"); an Excel error is passed on as the same error.
 */
export function toNumber(value: unknown, label: string): Num {
  if (typeof value === "number") return readCell(value, label);
  const x = cellArg(value);
  if (isErrorArg(x)) return errorProblem(x, label);
  if (isDataTypeArg(x)) return problem("notANumber", "#VALUE!", `${label} is ${describeArg(x)}, not a number.`);
  return readCell(x, label);
}

/** A passed-on Excel error; one with no text to return (a "Placeholder") is #VALUE! naming its kind. */
export function errorProblem(x: ErrorArg, label: string): Problem {
  return x.error === null
    ? problem("excelError", "#VALUE!", `${label} is an Excel error (${x.kind}).`)
    : problem("excelError", x.error, `${label} is the error ${x.error}.`);
}

/** A cell in words for a message: "the text "plan2"", "TRUE", "the error #N/A", "a data type (Entity "Leeds")". */
export function describeArg(x: CellArg): string {
  if (x === null) return "empty";
  if (typeof x === "string") return `the text ${JSON.stringify(x.length > 40 ? `${x.slice(0, 37)}...` : x)}`;
  if (typeof x === "boolean") return x ? "TRUE" : "FALSE";
  if (typeof x === "number") return String(x);
  if (isErrorArg(x)) return x.error === null ? `an Excel error (${x.kind})` : `the error ${x.error}`;
  return x.text === null ? `a data type (${x.dataType})` : `a data type (${x.dataType} ${JSON.stringify(x.text)})`;
}
