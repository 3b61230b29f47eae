import { readCell } from "../core/readCell";
import { invalidValue, type Num, type Problem } from "../core/problem";
import { toExcelValue, type ExcelValue } from "./excelValue";

/**
 * The one place where custom-function arguments become core values and core results become
 * cells. Every range argument is a matrix (Excel passes a single cell as [[value]]); results
 * spill in the shape of the largest argument, and a one-cell argument applies to every row, so
 * `=CIP.SHORTFALL(B2:B73, C2:C73)` and `=CIP.SHORTFALL(B2, C2)` are the same function.
 */
export function spill(args: readonly unknown[], labels: readonly string[], compute: (...values: Num[]) => Num): ExcelValue[][] {
  const shape = resultShape(args, labels);
  if (typeof shape === "object" && "kind" in shape) return [[toExcelValue(shape)]];
  const { rows, columns } = shape;
  const matrices = args.map(asMatrix);
  const many = rows * columns > 1;
  const out: ExcelValue[][] = new Array(rows);
  const values: Num[] = new Array(args.length);
  for (let r = 0; r < rows; r++) {
    const line: ExcelValue[] = new Array(columns);
    for (let c = 0; c < columns; c++) {
      for (let i = 0; i < matrices.length; i++) {
        const m = matrices[i];
        const one = m.length === 1 && m[0].length === 1;
        const value = one ? m[0][0] : m[r][c];
        // A finite number needs no reading; the label, for messages only, is built when one is needed.
        values[i] =
          typeof value === "number" && Number.isFinite(value)
            ? value
            : readCell(
                value,
                many && !one ? `${labels[i]} (row ${r + 1}${columns > 1 ? `, column ${c + 1}` : ""} of the range)` : labels[i],
              );
      }
      line[c] = toExcelValue(compute(...values));
    }
    out[r] = line;
  }
  return out;
}

/** Reads a single-value argument such as months elapsed; a range there is a mistake worth naming. */
export function scalarArgument(arg: unknown, label: string): Num {
  const m = asMatrix(arg);
  if (m.length !== 1 || m[0].length !== 1) return invalidValue(`${label} must be a single cell or value, not a range.`);
  return readCell(m[0][0], label);
}

function asMatrix(arg: unknown): readonly (readonly unknown[])[] {
  if (Array.isArray(arg) && arg.length > 0 && Array.isArray(arg[0])) return arg as unknown[][];
  return [[arg]];
}

function resultShape(args: readonly unknown[], labels: readonly string[]): { rows: number; columns: number } | Problem {
  let rows = 1;
  let columns = 1;
  let from = -1;
  for (let i = 0; i < args.length; i++) {
    const m = asMatrix(args[i]);
    const r = m.length;
    const c = m[0].length;
    if (m.some((line) => line.length !== c)) return invalidValue(`${labels[i]} is not a rectangular range.`);
    if (r === 1 && c === 1) continue;
    if (from >= 0 && (r !== rows || c !== columns)) {
      return invalidValue(
        `${labels[from]} (${rows}×${columns}) and ${labels[i]} (${r}×${c}) must be the same size, or one of them a single cell.`,
      );
    }
    rows = r;
    columns = c;
    from = i;
  }
  return { rows, columns };
}
