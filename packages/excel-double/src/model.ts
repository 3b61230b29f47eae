/** The workbook itself: cells stored column-wise in lazily allocated blocks, so a full-height sheet fits in memory. */
import { MAX_COLUMNS, MAX_ROWS, Rect, intersect } from "./address";
import { ExcelDoubleError } from "./errors";

export const EMPTY = 0;
export const NUMBER = 1;
export const STRING = 2;
export const BOOLEAN = 3;
export const ERROR = 4;
export const FORMULA = 5;

export const ERROR_LITERALS = new Set(["#N/A", "#DIV/0!", "#VALUE!", "#NUM!", "#REF!", "#NAME?", "#NULL!"]);

const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;
const BLOCKS = MAX_ROWS / BLOCK;

/** One column of a sheet. Blocks of 65,536 rows are allocated on first write; strings only where strings are. */
/** Text Excel turns into a number when it is typed: digits with an optional sign, point and exponent. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export class Column {
  kinds: (Uint8Array | undefined)[] = new Array(BLOCKS);
  nums: (Float64Array | undefined)[] = new Array(BLOCKS);
  strs: (string[] | undefined)[] = new Array(BLOCKS);
  styles: (Uint32Array | undefined)[] = new Array(BLOCKS);

  kind(row: number): number {
    const k = this.kinds[row >>> BLOCK_BITS];
    return k ? k[row & MASK] : EMPTY;
  }
  num(row: number): number {
    return this.nums[row >>> BLOCK_BITS]![row & MASK];
  }
  str(row: number): string {
    return this.strs[row >>> BLOCK_BITS]![row & MASK];
  }
  style(row: number): number {
    const s = this.styles[row >>> BLOCK_BITS];
    return s ? s[row & MASK] : 0;
  }
  setStyle(row: number, id: number): void {
    const b = row >>> BLOCK_BITS;
    let s = this.styles[b];
    if (!s) {
      if (id === 0) return;
      s = this.styles[b] = new Uint32Array(BLOCK);
    }
    s[row & MASK] = id;
  }
  set(row: number, kind: number, num: number, str: string | undefined): void {
    const b = row >>> BLOCK_BITS;
    const i = row & MASK;
    let k = this.kinds[b];
    if (!k) {
      if (kind === EMPTY) return;
      k = this.kinds[b] = new Uint8Array(BLOCK);
    }
    k[i] = kind;
    if (kind === NUMBER || kind === BOOLEAN) {
      (this.nums[b] ??= new Float64Array(BLOCK))[i] = num;
    } else if (kind !== EMPTY) {
      (this.strs[b] ??= new Array<string>(BLOCK))[i] = str!;
    }
  }
  /** First and last non-empty row (values, or styles too), or undefined. */
  extent(withStyles: boolean): [number, number] | undefined {
    let first = -1;
    let last = -1;
    for (let b = 0; b < BLOCKS; b++) {
      const k = this.kinds[b];
      const s = withStyles ? this.styles[b] : undefined;
      if (!k && !s) continue;
      for (let i = 0; i < BLOCK; i++) {
        if ((k && k[i] !== EMPTY) || (s && s[i] !== 0)) {
          const r = (b << BLOCK_BITS) + i;
          if (first < 0) first = r;
          last = r;
        }
      }
    }
    return first < 0 ? undefined : [first, last];
  }
  anyValue(from: number, to: number): boolean {
    for (let r = Math.max(0, from); r <= Math.min(MAX_ROWS - 1, to);) {
      const b = r >>> BLOCK_BITS;
      const k = this.kinds[b];
      const end = Math.min(to, ((b + 1) << BLOCK_BITS) - 1);
      if (k) for (let x = r; x <= end; x++) if (k[x & MASK] !== EMPTY) return true;
      r = end + 1;
    }
    return false;
  }
}

export interface Style {
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  fontColor: string;
}

export const DEFAULT_STYLE: Style = { numberFormat: "General", fill: null, bold: false, fontColor: "#000000" };

export interface ConditionalFormatModel {
  id: string;
  rects: Rect[];
  type: string;
  textRule: { operator: string; text: string } | null;
  formula: string | null;
  format: { fill: string | null; fontColor: string | null; bold: boolean | null; italic: boolean | null };
  deleted: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
  position: { start: string; end: string | null } | null;
  deleted: boolean;
}

export interface TableModel {
  id: string;
  name: string;
  rect: Rect;
  hasHeaders: boolean;
  deleted: boolean;
}

export interface NameModel {
  name: string;
  formula: string;
  comment: string;
  deleted: boolean;
}

export class SheetModel {
  columns: (Column | undefined)[] = [];
  protected = false;
  freeze = { rows: 0, columns: 0 };
  merged: Rect[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  tables: TableModel[] = [];
  columnWidths = new Map<number, number>();
  deleted = false;
  chartCounter = 0;
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  column(c: number): Column | undefined {
    return this.columns[c];
  }
  ensureColumn(c: number): Column {
    return (this.columns[c] ??= new Column());
  }
  hasValue(row: number, column: number): boolean {
    const col = this.columns[column];
    return !!col && col.kind(row) !== EMPTY;
  }
  /** Rect of used cells (values only, or values and formats), or undefined when empty. */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    this.columns.forEach((col, c) => {
      const e = col?.extent(!valuesOnly);
      if (!e) return;
      r0 = Math.min(r0, e[0]);
      r1 = Math.max(r1, e[1]);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    });
    return r1 < 0 ? undefined : { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
  }
  rowHasValue(row: number, c0: number, c1: number): boolean {
    if (row < 0 || row >= MAX_ROWS) return false;
    for (let c = Math.max(0, c0); c <= Math.min(MAX_COLUMNS - 1, c1); c++) if (this.hasValue(row, c)) return true;
    return false;
  }
  columnHasValue(column: number, r0: number, r1: number): boolean {
    if (column < 0 || column >= MAX_COLUMNS) return false;
    const col = this.columns[column];
    return !!col && col.anyValue(r0, r1);
  }
  /** Excel's current region (Ctrl+Shift+*): grow while any neighbouring cell, diagonals included, holds a value. */
  currentRegion(start: Rect): Rect {
    let r0 = start.row;
    let c0 = start.column;
    let r1 = start.row + start.rows - 1;
    let c1 = start.column + start.columns - 1;
    let changed = true;
    while (changed) {
      changed = false;
      while (r0 > 0 && this.rowHasValue(r0 - 1, c0 - 1, c1 + 1)) (r0--, (changed = true));
      while (r1 < MAX_ROWS - 1 && this.rowHasValue(r1 + 1, c0 - 1, c1 + 1)) (r1++, (changed = true));
      while (c0 > 0 && this.columnHasValue(c0 - 1, r0 - 1, r1 + 1)) (c0--, (changed = true));
      while (c1 < MAX_COLUMNS - 1 && this.columnHasValue(c1 + 1, r0 - 1, r1 + 1)) (c1++, (changed = true));
    }
    return { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
  }
  liveTables(): TableModel[] {
    return this.tables.filter((t) => !t.deleted);
  }
  liveCharts(): ChartModel[] {
    return this.charts.filter((c) => !c.deleted);
  }
  liveConditionalFormats(): ConditionalFormatModel[] {
    return this.conditionalFormats.filter((c) => !c.deleted);
  }
}

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
  savedSettings: Record<string, unknown> = {};
  private counter = 0;
  tableCounter = 0;
  constructor(readonly evaluate?: Evaluate) {}

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
  liveNames(): NameModel[] {
    return this.names.filter((n) => !n.deleted);
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
        return "";
    }
  }
  valueType(sheet: SheetModel, row: number, column: number): Excel.RangeValueType {
    const col = sheet.column(column);
    if (!col) return "Empty" as Excel.RangeValueType;
    switch (col.kind(row)) {
      case NUMBER:
        return "Double" as Excel.RangeValueType;
      case BOOLEAN:
        return "Boolean" as Excel.RangeValueType;
      case STRING:
        return "String" as Excel.RangeValueType;
      case ERROR:
        return "Error" as Excel.RangeValueType;
      case FORMULA:
        return typeOfResult(this.formulaResult(sheet, row, column, col.str(row)));
      default:
        return "Empty" as Excel.RangeValueType;
    }
  }
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
    if (!this.evaluate) return "";
    const v = this.evaluate(formula, sheet.name, row, column);
    return v === null || v === undefined ? "" : v;
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
  return JSON.stringify([s.numberFormat, s.fill, s.bold, s.fontColor]);
}

export function typeOfResult(v: unknown): Excel.RangeValueType {
  if (typeof v === "number") return "Double" as Excel.RangeValueType;
  if (typeof v === "boolean") return "Boolean" as Excel.RangeValueType;
  if (typeof v === "string") {
    if (v === "") return "Empty" as Excel.RangeValueType;
    return (ERROR_LITERALS.has(v) ? "Error" : "String") as Excel.RangeValueType;
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
