/** The workbook itself: sheets, styles, names, selection and settings; cell reads and writes. */
import { Rect, intersect } from "./address";
import { BOOLEAN, cellEdits, EMPTY, ERROR, ERROR_LITERALS, FORMULA, NUMBER, PLAIN_NUMBER, STRING } from "./column";
import { ExcelDoubleError } from "./errors";
import { NameModel, SheetModel, TableModel } from "./sheet";
import { arrayResult, CALC_ERROR, findSpills, SPILL_ERROR, type SheetSpills } from "./spills";

export * from "./column";
export * from "./sheet";

/** A cell's format. Every cell starts with Excel's defaults, locked included (protection only bites once the sheet is protected). */
export interface Style {
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  fontName: string;
  fontSize: number;
  horizontalAlignment: string;
  locked: boolean;
}

export const DEFAULT_STYLE: Style = {
  numberFormat: "General",
  fill: null,
  bold: false,
  italic: false,
  fontColor: "#000000",
  fontName: "Calibri",
  fontSize: 11,
  horizontalAlignment: "General",
  locked: true,
};

export type Evaluate = (formula: string, sheetName: string, row: number, column: number) => unknown;

export class WorkbookModel {
  sheets: SheetModel[] = [];
  names: NameModel[] = [];
  styles: Style[] = [DEFAULT_STYLE];
  private styleIds = new Map<string, number>([[styleKey(DEFAULT_STYLE), 0]]);
  activeSheetId = "";
  selection: { sheetId: string; rects: Rect[] } = { sheetId: "", rects: [] };
  /** Each sheet keeps its own selection, shown again when it is activated. */
  selections = new Map<string, Rect[]>();
  settings = new Map<string, unknown>();
  /** Workbook structure protection: no sheet added, deleted, renamed, moved, hidden or shown. */
  structureProtection: { protected: boolean; password: string } = { protected: false, password: "" };
  savedSettings: Record<string, unknown> = {};
  /** Chart types charts.add refuses, as a host without them does. */
  unsupportedChartTypes: ReadonlySet<string> = new Set();
  private counter = 0;
  tableCounter = 0;
  /** Each sheet's spills, as of the cell edit count and sheet name they were worked out for. */
  private spillCache = new Map<SheetModel, { edits: number; name: string; spills: SheetSpills }>();
  constructor(readonly evaluate?: Evaluate) {}

  /** The sheet's dynamic-array spills; null without an evaluate hook (nothing is calculated, nothing spills). */
  spills(sheet: SheetModel): SheetSpills | null {
    const evaluate = this.evaluate;
    if (!evaluate) return null;
    const cached = this.spillCache.get(sheet);
    if (cached && cached.edits === cellEdits.count && cached.name === sheet.name) return cached.spills;
    const spills = findSpills(sheet, (formula, row, column) => evaluate(formula, sheet.name, row, column));
    this.spillCache.set(sheet, { edits: cellEdits.count, name: sheet.name, spills });
    return spills;
  }
  /** The used range (values only, or with formats), the cells active spills fill included: they hold values. */
  usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | undefined {
    let used = sheet.usedRect(valuesOnly);
    for (const { rect } of this.spills(sheet)?.active ?? []) {
      if (!used) used = rect;
      else {
        const row = Math.min(used.row, rect.row);
        const column = Math.min(used.column, rect.column);
        const rows = Math.max(used.row + used.rows, rect.row + rect.rows) - row;
        const columns = Math.max(used.column + used.columns, rect.column + rect.columns) - column;
        used = { row, column, rows, columns };
      }
    }
    return used;
  }
  /** The value an active spill puts in an empty cell, if any. */
  private spilled(sheet: SheetModel, row: number, column: number): { value: unknown } | undefined {
    return this.evaluate ? this.spills(sheet)?.spilledValue(row, column) : undefined;
  }

  nextId(prefix: string): string {
    this.counter++;
    return `${prefix}${this.counter}`;
  }
  liveSheets(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }
  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.liveSheets().find((s) => s.name.toLowerCase() === lower);
  }
  sheetByKey(key: string): SheetModel | undefined {
    return this.sheetByName(key) ?? this.liveSheets().find((s) => s.id === key);
  }
  addSheet(name: string): SheetModel {
    const id = `{00000000-0001-0000-${String(this.sheets.length + 1).padStart(4, "0")}-000000000000}`;
    const sheet = new SheetModel(id, name);
    this.sheets.push(sheet);
    return sheet;
  }
  styleId(style: Style): number {
    const key = styleKey(style);
    let id = this.styleIds.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push(style);
      this.styleIds.set(key, id);
    }
    return id;
  }
  activate(sheet: SheetModel): void {
    this.activeSheetId = sheet.id;
    this.selection = { sheetId: sheet.id, rects: this.selections.get(sheet.id) ?? [{ row: 0, column: 0, rows: 1, columns: 1 }] };
  }
  /** Names of one scope: the workbook's (`null`) or one sheet's; every live name when `scope` is omitted. */
  liveNames(scope?: SheetModel | null): NameModel[] {
    return this.names.filter(
      (n) => !n.deleted && (scope === undefined || n.sheetId === (scope ? scope.id : null)) && !this.scopeDeleted(n),
    );
  }
  private scopeDeleted(n: NameModel): boolean {
    return n.sheetId !== null && !this.liveSheets().some((s) => s.id === n.sheetId);
  }
  allTables(): { sheet: SheetModel; table: TableModel }[] {
    return this.liveSheets().flatMap((sheet) => sheet.liveTables().map((table) => ({ sheet, table })));
  }

  // ---- cell reads ----

  value(sheet: SheetModel, row: number, column: number): unknown {
    const col = sheet.column(column);
    if (!col) return "";
    switch (col.kind(row)) {
      case NUMBER:
        return col.num(row);
      case BOOLEAN:
        return col.num(row) !== 0;
      case STRING:
      case ERROR:
        return col.str(row);
      case FORMULA:
        return this.formulaResult(sheet, row, column, col.str(row));
      default:
        return this.spilled(sheet, row, column)?.value ?? "";
    }
  }
  valueType(sheet: SheetModel, row: number, column: number): Excel.RangeValueType {
    const col = sheet.column(column);
    if (!col || col.kind(row) === EMPTY) {
      // A spilled "" is an empty text, as a formula's "" is.
      const spilled = this.spilled(sheet, row, column);
      if (!spilled) return "Empty" as Excel.RangeValueType;
      return spilled.value === "" ? ("String" as Excel.RangeValueType) : typeOfResult(spilled.value);
    }
    switch (col.kind(row)) {
      case NUMBER:
        return "Double" as Excel.RangeValueType;
      case BOOLEAN:
        return "Boolean" as Excel.RangeValueType;
      case STRING:
        return "String" as Excel.RangeValueType;
      case ERROR:
        return "Error" as Excel.RangeValueType;
      case FORMULA: {
        // A formula that yields "" (=IF(A1>0,"x","")) reads as a String in Excel: the cell is occupied.
        const v = this.evaluated(sheet, row, column, col.str(row));
        return v === "" ? ("String" as Excel.RangeValueType) : typeOfResult(v);
      }
      default:
        return "Empty" as Excel.RangeValueType;
    }
  }
  /** What `formulas` reads: the formula, or (a constant, a spilled cell, which has no formula of its own) the value. */
  formula(sheet: SheetModel, row: number, column: number): unknown {
    const col = sheet.column(column);
    if (col && col.kind(row) === FORMULA) return col.str(row);
    return this.value(sheet, row, column);
  }
  style(sheet: SheetModel, row: number, column: number): Style {
    const col = sheet.column(column);
    return col ? this.styles[col.style(row)] : DEFAULT_STYLE;
  }
  private formulaResult(sheet: SheetModel, row: number, column: number, formula: string): unknown {
    return this.evaluated(sheet, row, column, formula) ?? "";
  }
  /**
   * The evaluate hook's result as the cell shows it; undefined without a hook or when it returns
   * null/undefined (an uncalculated cell). An array's first cell when it spills, else #SPILL!.
   */
  private evaluated(sheet: SheetModel, row: number, column: number, formula: string): unknown {
    const v = this.evaluate?.(formula, sheet.name, row, column);
    if (v === null) return undefined;
    const result = arrayResult(v);
    if ("scalar" in result) return result.scalar ?? undefined;
    const spill = this.spills(sheet)?.anchoredAt(row, column);
    return spill?.spilling ? (result.array[0][0] ?? "") : SPILL_ERROR;
  }

  // ---- cell writes ----

  /**
   * Writes one cell; `null`/`undefined` leaves it as it is, as Excel does. `typed` is a write
   * through Range.values or formulas, which Excel reads as if typed: a leading apostrophe keeps
   * text as text (and is not part of the value), and plain number text becomes a number. Set-up
   * writes are not typed, so a test can hold numbers stored as text.
   */
  write(sheet: SheetModel, row: number, column: number, value: unknown, typed = false): void {
    if (value === null || value === undefined) return;
    if (typed && typeof value === "string") {
      if (value.startsWith("'")) {
        sheet.ensureColumn(column).set(row, value.length > 1 ? STRING : EMPTY, 0, value.length > 1 ? value.slice(1) : undefined);
        return;
      }
      if (PLAIN_NUMBER.test(value.trim())) value = Number(value.trim());
    }
    const col = sheet.ensureColumn(column);
    if (typeof value === "number") col.set(row, NUMBER, value, undefined);
    else if (typeof value === "boolean") col.set(row, BOOLEAN, value ? 1 : 0, undefined);
    else if (value === "") col.set(row, EMPTY, 0, undefined);
    else {
      const s = value as string;
      if (s.startsWith("=") && s.length > 1) col.set(row, FORMULA, 0, s);
      else if (ERROR_LITERALS.has(s)) col.set(row, ERROR, 0, s);
      else col.set(row, STRING, 0, s);
    }
  }
  clearCell(sheet: SheetModel, row: number, column: number): void {
    sheet.column(column)?.set(row, EMPTY, 0, undefined);
  }
  /** Applies `change` to the style of every cell in the rect, interning each distinct result once. */
  restyle(sheet: SheetModel, rect: Rect, change: (s: Style) => Style): void {
    const memo = new Map<number, number>();
    for (let c = rect.column; c < rect.column + rect.columns; c++) {
      const col = sheet.ensureColumn(c);
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        const old = col.style(r);
        let id = memo.get(old);
        if (id === undefined) {
          id = this.styleId(change(this.styles[old]));
          memo.set(old, id);
        }
        if (id !== old) col.setStyle(r, id);
      }
    }
  }
}

function styleKey(s: Style): string {
  return JSON.stringify([
    s.numberFormat,
    s.fill,
    s.bold,
    s.italic,
    s.fontColor,
    s.fontName,
    s.fontSize,
    s.horizontalAlignment,
    s.locked,
  ]);
}

export function typeOfResult(v: unknown): Excel.RangeValueType {
  if (typeof v === "number") return "Double" as Excel.RangeValueType;
  if (typeof v === "boolean") return "Boolean" as Excel.RangeValueType;
  if (typeof v === "string") {
    if (v === "") return "Empty" as Excel.RangeValueType;
    return (ERROR_LITERALS.has(v) || v === SPILL_ERROR || v === CALC_ERROR ? "Error" : "String") as Excel.RangeValueType;
  }
  return "Empty" as Excel.RangeValueType;
}

/** Checks one value a caller writes to `values`/`formulas`, as Excel would at sync. */
export function checkCellValue(v: unknown, location: string): void {
  if (v === null || v === undefined || typeof v === "boolean") return;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new ExcelDoubleError("InvalidArgument", location);
    return;
  }
  if (typeof v === "string") {
    if (v.length > 32767) throw new ExcelDoubleError("InvalidArgument", location);
    return;
  }
  throw new ExcelDoubleError("InvalidArgument", location);
}

/** Rect minus another: the up to four rects of `a` outside `cut`. */
export function subtract(a: Rect, cut: Rect): Rect[] {
  const x = intersect(a, cut);
  if (!x) return [a];
  const out: Rect[] = [];
  const aEnd = a.row + a.rows;
  const xEnd = x.row + x.rows;
  if (x.row > a.row) out.push({ row: a.row, column: a.column, rows: x.row - a.row, columns: a.columns });
  if (xEnd < aEnd) out.push({ row: xEnd, column: a.column, rows: aEnd - xEnd, columns: a.columns });
  if (x.column > a.column) out.push({ row: x.row, column: a.column, rows: x.rows, columns: x.column - a.column });
  const aRight = a.column + a.columns;
  const xRight = x.column + x.columns;
  if (xRight < aRight) out.push({ row: x.row, column: xRight, rows: x.rows, columns: aRight - xRight });
  return out;
}

// ---- payload sizes: JSON length without building JSON ----

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\uffff]/;

export function jsonSize(v: unknown): number {
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) < 1e15) {
      let digits = 1;
      for (let a = Math.abs(v); a >= 10 && digits < 16; digits++) a = Math.floor(a / 10);
      return (v < 0 ? 1 : 0) + digits;
    }
    return Number.isFinite(v) ? String(v).length : 4;
  }
  if (typeof v === "string") {
    return NEEDS_ESCAPE.test(v) ? Buffer.byteLength(JSON.stringify(v)) : v.length + 2;
  }
  if (typeof v === "boolean") return v ? 4 : 5;
  if (v === null || v === undefined) return 4;
  if (Array.isArray(v)) {
    let n = 2 + Math.max(0, v.length - 1);
    for (const x of v) n += jsonSize(x);
    return n;
  }
  return Buffer.byteLength(JSON.stringify(v));
}
