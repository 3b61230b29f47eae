// The built dist/functions.js as Excel loads it: run in a bare node:vm context whose only global is a
// fake CustomFunctions (associate, Error, ErrorCode) recording what the bundle registers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

export const ERROR_CODES = {
  divisionByZero: "#DIV/0!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  invalidValue: "#VALUE!",
  nullReference: "#NULL!",
} as const;

/** What CustomFunctions.Error is in Excel: a code and an optional message. */
export class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export type Fn = (...args: unknown[]) => unknown;

/** Loads the bundle `times` times into one context; returns the associations and any duplicates. */
export function loadFunctions(dist: string, times = 1) {
  const source = readFileSync(join(dist, "functions.js"), "utf8");
  const associations = new Map<string, Fn>();
  const duplicates: string[] = [];
  const CustomFunctions = {
    associate(id: string, fn: Fn) {
      if (typeof id !== "string" || typeof fn !== "function") throw new TypeError(`bad associate(${String(id)})`);
      const key = id.toUpperCase();
      if (associations.has(key)) duplicates.push(key); // the real runtime warns "[DuplicatedName]" and replaces
      associations.set(key, fn);
    },
    Error: FakeError,
    ErrorCode: ERROR_CODES,
  };
  const context = vm.createContext({ CustomFunctions });
  for (let i = 0; i < times; i++) vm.runInContext(source, context, { filename: "functions.js" });
  return { associations, duplicates, context };
}

/** A result as plain data: numbers and strings as they are, errors as "#CODE: message". */
export function cells(result: unknown): unknown {
  if (result instanceof FakeError) return `${result.code}: ${result.message ?? ""}`;
  if (Array.isArray(result)) return result.map(cells);
  return result;
}

/** Just the error code of a cell from `cells`, or the cell itself. */
export const errorCode = (cell: unknown): unknown =>
  typeof cell === "string" && cell.startsWith("#") ? cell.split(":")[0] : cell;

/** The codes (or values) of a whole result. */
export const codes = (result: unknown): unknown =>
  Array.isArray(result) ? result.map((line) => (line as unknown[]).map(errorCode)) : errorCode(result);

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: { name: string; description: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { dimensionality?: string; type?: string };
}

export function readMetadata(dist: string): FunctionMetadata[] {
  return JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")).functions;
}

// ---------------------------------------------------------------------------------------------
// How each Excel client hands a function its arguments (office-addin-notes.md): every argument a
// matrix, `null` for an omitted argument everywhere, and an empty cell (written EMPTY in the tests)
// as `null` on the web but 0 on Windows; clients that honour allowCustomDataForDataTypeAny may
// hand every cell over as a rich value and an error as an Excel.ErrorCellValue.

/** An empty cell, as a test writes it; each mode hands it over its own way. */
export const EMPTY = Symbol("empty cell");

export type ModeName = "web" | "windows" | "rich";

export interface ArgumentMode {
  readonly name: ModeName;
  /** One cell as this client hands it over. */
  readonly cell: (value: unknown) => unknown;
}

const ERROR_TYPES: Record<string, string> = {
  "#DIV/0!": "Div0",
  "#N/A": "NotAvailable",
  "#NUM!": "Num",
  "#VALUE!": "Value",
  "#NULL!": "Null",
  "#REF!": "Ref",
  "#NAME?": "Name",
  "#SPILL!": "Spill",
  "#CALC!": "Calc",
};

function richCell(value: unknown): unknown {
  if (value === EMPTY) return { type: "Empty", basicValue: "" };
  if (value instanceof FakeError) return { type: "Error", basicValue: value.code, errorType: ERROR_TYPES[value.code] };
  if (typeof value === "number") return { type: "Double", basicValue: value };
  if (typeof value === "string") return { type: "String", basicValue: value };
  if (typeof value === "boolean") return { type: "Boolean", basicValue: value };
  return value;
}

export const MODES: readonly ArgumentMode[] = [
  { name: "web", cell: (v) => (v === EMPTY ? null : v) },
  { name: "windows", cell: (v) => (v === EMPTY ? 0 : v) },
  { name: "rich", cell: richCell },
];

/**
 * Calls the bundle's functions as `mode`'s client does: a plain value becomes a one-cell matrix,
 * `null` as an argument is an omitted argument, and `null` or EMPTY as a cell is an empty cell.
 */
export function caller(fns: () => Map<string, Fn>, mode: ArgumentMode) {
  const cell = (v: unknown) => mode.cell(v === null ? EMPTY : v);
  const arg = (a: unknown) => (a === null ? null : Array.isArray(a) ? a.map((line: unknown[]) => line.map(cell)) : [[cell(a)]]);
  const call = (id: string, ...args: unknown[]) => cells(fns().get(id)!(...args.map(arg)));
  /** The single cell of a one-cell result. */
  const one = (id: string, ...args: unknown[]) => (call(id, ...args) as unknown[][])[0][0];
  return { call, one };
}
