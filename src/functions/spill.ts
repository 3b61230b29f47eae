import { isProblem, invalidValue, type Num, type Problem } from "../core/problem";
import { toExcelValue, type ExcelValue } from "./excelValue";
import type { Param } from "./params";

/** What a function may put in a cell: a number, a blank (`null`), text ("Green") or a problem. */
export type CellResult = Num | string;

/**
 * The one place where custom-function arguments become core values and core results become
 * cells. Every argument is a matrix (Excel passes a single cell or a typed value as [[value]]);
 * results spill in the shape shared by the range arguments, and a one-cell argument applies to
 * every cell, so `=CIP.SHORTFALL(B2:B73, C2:C73)` and `=CIP.SHORTFALL(B2, C2)` are the same
 * function. Each cell is read by its parameter's reader, so one bad cell spoils only its own
 * result. A one-cell argument is read once, not once per row.
 */
export function spill(
  args: readonly unknown[],
  params: readonly Param[],
  compute: (...values: any[]) => CellResult,
): ExcelValue[][] {
  const matrices = args.map(asMatrix);
  const shape = resultShape(matrices, params);
  if (isProblem(shape)) return [[toExcelValue(shape)]];
  const { rows, columns } = shape;
  const many = rows * columns > 1;
  // A one-cell argument (a broadcast) is read once, up front; `fixed` holds it, `ranges` the others.
  const single = matrices.map(isOneCell);
  const fixed: unknown[] = matrices.map((m, i) => (single[i] ? params[i].read(m[0][0], params[i].label) : undefined));
  const ranges = matrices.map((m, i) => (single[i] ? null : m));
  const numeric = params.map((p) => p.numberIsItself);

  /** Argument i at (r, c), read. A finite number needs no reading; a label is built only for a message. */
  const at = (i: number, r: number, c: number): any => {
    const m = ranges[i];
    if (m === null) return fixed[i];
    const value = m[r][c];
    return numeric[i] && typeof value === "number" && Number.isFinite(value) ? value : read(i, value, r, c);
  };
  // Kept out of `at` so that `at` stays small enough to be inlined into the loop.
  const read = (i: number, value: unknown, r: number, c: number): unknown => {
    const param = params[i];
    return param.read(value, many ? cellLabel(param.label, r, c, columns) : param.label);
  };
  const cell = byArity(matrices.length, compute, at);

  const out: ExcelValue[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    // A column (the usual case) gets packed one-element rows, the cheapest array V8 makes.
    if (columns === 1) {
      out[r] = [toExcelValue(cell(r, 0))];
      continue;
    }
    const line: ExcelValue[] = new Array(columns);
    for (let c = 0; c < columns; c++) line[c] = toExcelValue(cell(r, c));
    out[r] = line;
  }
  return out;
}

type Cell = (r: number, c: number) => CellResult;

/** The cell at (r, c) with a fixed number of arguments: a million rows pay no spread call and no scratch array. */
function byArity(n: number, compute: (...values: any[]) => CellResult, at: (i: number, r: number, c: number) => any): Cell {
  switch (n) {
    case 1:
      return (r, c) => compute(at(0, r, c));
    case 2:
      return (r, c) => compute(at(0, r, c), at(1, r, c));
    case 3:
      return (r, c) => compute(at(0, r, c), at(1, r, c), at(2, r, c));
    case 4:
      return (r, c) => compute(at(0, r, c), at(1, r, c), at(2, r, c), at(3, r, c));
    case 5:
      return (r, c) => compute(at(0, r, c), at(1, r, c), at(2, r, c), at(3, r, c), at(4, r, c));
    default:
      return (r, c) => compute(...Array.from({ length: n }, (_, i) => at(i, r, c)));
  }
}

/** "YTD actual (row 7 of the range)": where in a range a bad value sits. */
export function cellLabel(label: string, r: number, c: number, columns: number): string {
  return `${label} (row ${r + 1}${columns > 1 ? `, column ${c + 1}` : ""} of the range)`;
}

export type Matrix = readonly (readonly unknown[])[];

export function asMatrix(arg: unknown): Matrix {
  if (Array.isArray(arg) && arg.length > 0 && Array.isArray(arg[0])) return arg as unknown[][];
  return [[arg]];
}

const isOneCell = (m: Matrix): boolean => m.length === 1 && m[0].length === 1;

function resultShape(matrices: readonly Matrix[], params: readonly Param[]): { rows: number; columns: number } | Problem {
  let rows = 1;
  let columns = 1;
  let from = -1;
  for (let i = 0; i < matrices.length; i++) {
    const m = matrices[i];
    const r = m.length;
    const c = m[0].length;
    if (c === 0 || m.some((line) => !Array.isArray(line) || line.length !== c)) {
      return invalidValue(`${params[i].label} is not a rectangular range.`);
    }
    if (r === 1 && c === 1) continue;
    if (from >= 0 && (r !== rows || c !== columns)) {
      return invalidValue(
        `${params[from].label} (${rows}×${columns}) and ${params[i].label} (${r}×${c}) must be the same size, or one of them a single cell.`,
      );
    }
    rows = r;
    columns = c;
    from = i;
  }
  return { rows, columns };
}
