// HyperFormula as an independent Excel for the formulas the task pane writes: comparing what it
// shows with the values mode, and every CIP.* call going to the built functions bundle with its
// arguments as a chosen Excel client hands them over (an empty cell as 0 on Windows, null on the web).
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  SimpleRangeValue,
} from "hyperformula";
import { FakeError, loadFunctions, readMetadata, type Fn } from "./functionsBundle";

/** Numbers within a billionth (relative, or absolute near 0), anything else exactly. */
export const close = (a: unknown, b: unknown): boolean =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;

/** An engine cell as the values mode would hold it: blank as "", an error as its code. */
export function shown(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "value" in (value as object)) return (value as { value: string }).value; // a DetailedCellError
  return value;
}

const EXCEL_BY_HF: Partial<Record<ErrorType, string>> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.SPILL]: "#SPILL!",
};
const HF_BY_EXCEL = Object.fromEntries(Object.entries(EXCEL_BY_HF).map(([hf, excel]) => [excel, hf])) as Record<
  string,
  ErrorType
>;

let fns: Map<string, Fn> | null = null;

/** An empty cell as the client hands it over: 0 on Windows, null on the web. */
let emptyCell: 0 | null = null;

/** How the CIP.* calls that follow receive an empty cell: 0 (Windows) or null (the web). */
export function handEmptyCellsAs(value: 0 | null): void {
  emptyCell = value;
}

/** One cell as Excel hands it to a custom function. */
function excelCell(v: unknown): unknown {
  if (v === EmptyValue || v === null || v === undefined) return emptyCell;
  if (v instanceof CellError) return new FakeError(EXCEL_BY_HF[v.type] ?? "#VALUE!", v.message);
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val; // a number with a format
  return v;
}

/** A CIP.* result cell back into the engine. */
function engineCell(v: unknown): unknown {
  if (v instanceof FakeError) return new CellError(HF_BY_EXCEL[v.code] ?? ErrorType.VALUE, v.message);
  return v;
}

/** Every CIP.* function as a HyperFormula function that calls the bundle. */
class CipBundlePlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  cip(ast: { procedureName: string; args: unknown[] }, state: unknown) {
    const id = ast.procedureName.replace(/^CIP\./, "");
    const metadata = (this as unknown as { metadata(n: string): object }).metadata(ast.procedureName);
    const run = (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction;
    return run(ast.args, state, metadata, (...args: unknown[]) => {
      const excelArgs = args.map((a) =>
        a === undefined
          ? null
          : a instanceof SimpleRangeValue
            ? a.rawData().map((line) => line.map(excelCell))
            : [[excelCell(a)]],
      );
      const result = fns!.get(id)!(...excelArgs) as unknown[][];
      const data = result.map((line) => line.map(engineCell));
      return data.length === 1 && data[0].length === 1 ? data[0][0] : SimpleRangeValue.onlyValues(data as never);
    });
  }

  /** The spilled size: the arguments' common shape; a phasing (n×12, 12×1) gives one row per phasing. */
  cipSize(ast: { procedureName: string; args: unknown[] }, state: unknown): ArraySize {
    const sizeOf = (a: unknown) =>
      (this as unknown as { arraySizeForAst(a: unknown, s: unknown): ArraySize }).arraySizeForAst(a, state);
    const sizes = ast.args.map(sizeOf);
    if (/YTDPLAN|H2SHARE/.test(ast.procedureName)) {
      const phasing = sizes[0].width === 12 ? sizes[0].height : 1;
      const months = sizes[1] ?? ArraySize.scalar();
      return new ArraySize(1, Math.max(phasing, months.height));
    }
    return new ArraySize(Math.max(...sizes.map((s) => s.width)), Math.max(...sizes.map((s) => s.height)));
  }
}

/** Registers every function of the built bundle in `dist` with HyperFormula, once per test file. */
export function registerCipFunctions(dist: string): void {
  if (fns !== null) return;
  fns = loadFunctions(dist).associations;
  const translations: Record<string, string> = {};
  for (const f of readMetadata(dist)) {
    const name = `CIP.${f.id}`;
    translations[name] = name;
    CipBundlePlugin.implementedFunctions[name] = {
      method: "cip",
      sizeOfResultArrayMethod: "cipSize",
      vectorizationForbidden: true,
      enableArrayArithmeticForArguments: true,
      parameters: f.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional === true })),
    };
  }
  HyperFormula.registerFunctionPlugin(CipBundlePlugin as never, { enGB: translations });
}
