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
