/**
 * createWorkbookDouble: an in-memory workbook behind `run` and `settings`, shaped like Excel.run and
 * Office.context.document.settings, with plain helpers to set it up, break it and inspect it.
 *
 * Formula cells: `formulas` reads the formula; `values`/`valueTypes` read the `evaluate` hook's result
 * (typed by its JavaScript type, an error literal string as "Error", "" as an occupied "String" the
 * way Excel reads =IF(A1>0,"x","")), or "" / "Empty" without a hook or when it returns null/undefined,
 * as an uncalculated cell would read if Excel never computed it.
 */
import { Rect, parseAddress, rectA1 } from "./address";
import { real } from "./base";
import { DoubleState, DoubleStats, SyncEngine, SyncInfo, freshStats } from "./context";
import { ExcelDoubleError } from "./errors";
import {
  ChartInfo,
  ConditionalFormatInfo,
  NameInfo,
  TableInfo,
  WorkbookSnapshot,
  chartInfo,
  conditionalFormatInfo,
  nameInfo,
  selectionInfo,
  tableInfo,
  workbookSnapshot,
} from "./inspect";
import { DEFAULT_PROTECTION_OPTIONS, Evaluate, SheetModel, Style, WorkbookModel, checkCellValue } from "./model";
import { addTableModel } from "./objects/tables";
import { FakeRequestContext } from "./objects/workbook";
import { FakeSettings } from "./settings";

export { ExcelDoubleError } from "./errors";
export { CELL_READ_LIMIT, OPERATION_BYTES, PAYLOAD_LIMIT_BYTES } from "./context";
export type { DoubleStats, SyncInfo } from "./context";
export { MAX_COLUMNS, MAX_ROWS, columnLetters, parseAddress, qualifiedAddress, quoteSheet, rectA1 } from "./address";
export type { Rect } from "./address";
export type {
  CellSnapshot,
  ChartInfo,
  ConditionalFormatInfo,
  NameInfo,
  SheetSnapshot,
  TableInfo,
  WorkbookSnapshot,
} from "./inspect";
export type { Style as CellFormat } from "./model";
export { DEFAULT_STYLE as DEFAULT_CELL_FORMAT } from "./model";

export interface WorkbookDoubleOptions {
  sheets: Record<string, unknown[][]>;
  active?: string;
  evaluate?: Evaluate;
  /** Settings already saved in the document. */
  settings?: Record<string, unknown>;
  /** Chart types this host cannot add (e.g. "Waterfall" on Excel 2013): charts.add fails with InvalidArgument at the sync. */
  unsupportedChartTypes?: readonly string[];
}

export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WorkbookDouble {
  run: Run;
  settings: Office.Settings;
  /** Syncs, request and response sizes and cells read since the double was made or resetStats(). */
  readonly stats: DoubleStats;
  resetStats(): void;
  /** The nth next sync (1 = the next) applies the first half of its operations, then fails with `code`. */
  failSyncAfter(n: number, code?: string): void;
  /**
   * The nth next sync (1 = the next), or the first future sync the predicate accepts, rejects with a
   * RichApi-shaped error (`code`, default GeneralException) and applies none of its operations.
   */
  failSync(when: number | ((sync: SyncInfo) => boolean), code?: string): void;
  /** Forgets a failSync that has not fired yet. */
  cancelFailSync(): void;
  /** The next settings.saveAsync reports failure and stores nothing. */
  failNextSettingsSave(): void;
  select(address: string | string[]): void;
  /** Protects a sheet (every cell locked unless formatted otherwise) with Excel's default options, or unprotects it. */
  protect(sheet: string, on?: boolean, options?: Excel.WorksheetProtectionOptions): void;
  /** Protects or unprotects the workbook's structure (sheets added, deleted, renamed, moved, hidden). */
  protectStructure(on?: boolean): void;
  merge(address: string): void;
  addTable(sheet: string, address: string, name: string, hasHeaders?: boolean): void;
  /** Adds a name; `sheet` scopes it to that worksheet. */
  addName(name: string, formula: string, sheet?: string): void;
  setNumberFormat(address: string, format: string): void;
  /** Sets any part of every cell's format in the range, as an analyst would by hand. */
  setFormat(address: string, format: Partial<Style>): void;
  setValues(address: string, values: unknown[][]): void;
  /** Hides (or shows) whole rows or columns: "3:5", "B:C", or any range's rows/columns. */
  hideRows(address: string, hidden?: boolean): void;
  hideColumns(address: string, hidden?: boolean): void;
  values(address: string): unknown[][];
  formulas(address: string): unknown[][];
  numberFormats(address: string): string[][];
  valueTypes(address: string): string[][];
  fills(address: string): (string | null)[][];
  /** Every cell's whole format. */
  formats(address: string): Style[][];
  /** Whether each row of the range is hidden (by hand or by a filter). */
  rowsHidden(address: string): boolean[];
  sheetNames(): string[];
  activeSheet(): string;
  selection(): string[];
  conditionalFormats(sheet: string): ConditionalFormatInfo[];
  /** Every name, workbook- and worksheet-scoped. */
  names(): NameInfo[];
  charts(sheet: string): ChartInfo[];
  freeze(sheet: string): { rows: number; columns: number };
  columnWidth(sheet: string, column: number): number;
  tables(sheet: string): TableInfo[];
  merged(sheet: string): string[];
  savedSettings(): Record<string, unknown>;
  /**
   * Everything an analyst would see, as plain data to compare with toEqual: per sheet (in tab order)
   * values, formulas, per-cell formats, conditional formats, freeze panes, widths, heights, hidden
   * rows and columns, filter, protection, charts, tables; names; selection; structure protection; and
   * the document settings unless `{ settings: false }`.
   */
  snapshot(options?: { settings?: boolean }): WorkbookSnapshot;
}

function loadSheets(model: WorkbookModel, options: WorkbookDoubleOptions): void {
  for (const [name, rows] of Object.entries(options.sheets)) {
    const sheet = model.addSheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        checkCellValue(v, "createWorkbookDouble");
        model.write(sheet, r, c, v);
      }),
    );
  }
  if (model.sheets.length === 0) model.addSheet("Sheet1");
  const first = options.active ? model.sheetByName(options.active) : model.sheets[0];
  if (!first) throw new Error(`createWorkbookDouble: no sheet "${options.active}"`);
  model.activate(first);
  model.savedSettings = JSON.parse(JSON.stringify(options.settings ?? {}));
  model.settings = new Map(Object.entries(JSON.parse(JSON.stringify(model.savedSettings))));
}

export function createWorkbookDouble(options: WorkbookDoubleOptions): WorkbookDouble {
  const model = new WorkbookModel(options.evaluate);
  model.unsupportedChartTypes = new Set(options.unsupportedChartTypes ?? []);
  loadSheets(model, options);
  const state: DoubleState = {
    model,
    stats: freshStats(),
    failIn: null,
    failCode: "GeneralException",
    failWhen: null,
    failWhenCode: "GeneralException",
  };
  const settings = new FakeSettings(model);

  const run: Run = async (batch) => {
    const engine = new SyncEngine(state);
    const context = new FakeRequestContext(engine);
    const result = await batch(real<Excel.RequestContext>(context));
    // Excel.run sends whatever the batch queued after its last sync.
    if (engine.queue.length) await context.sync();
    return result;
  };

  const sheetOf = (name: string): SheetModel => {
    const s = model.sheetByName(name);
    if (!s) throw new Error(`no sheet "${name}"`);
    return s;
  };
  const at = (address: string): { sheet: SheetModel; rect: Rect } => {
    const parsed = parseAddress(address);
    if (!parsed) throw new Error(`not an address: "${address}"`);
    const sheet = parsed.sheet !== undefined ? sheetOf(parsed.sheet) : sheetOf(activeSheet());
    return { sheet, rect: parsed.rect };
  };
  const grid = <V>(address: string, read: (s: SheetModel, r: number, c: number) => V): V[][] => {
    const { sheet, rect } = at(address);
    return Array.from({ length: rect.rows }, (_, i) =>
      Array.from({ length: rect.columns }, (_, j) => read(sheet, rect.row + i, rect.column + j)),
    );
  };
  const activeSheet = () => model.liveSheets().find((s) => s.id === model.activeSheetId)?.name ?? "";
  const hide = (address: string, hidden: boolean, rows: boolean) => {
    const { sheet, rect } = at(address);
    if (rows) sheet.setHidden(true, rect.row, rect.rows, hidden);
    else sheet.setHidden(false, rect.column, rect.columns, hidden);
  };

  return {
    run,
    settings,
    get stats() {
      return state.stats;
    },
    resetStats() {
      state.stats = freshStats();
    },
    failSyncAfter(n, code = "GeneralException") {
      if (!(n >= 1)) throw new Error("failSyncAfter: n counts from 1 (the next sync)");
      state.failIn = n;
      state.failCode = code;
    },
    failSync(when, code = "GeneralException") {
      if (typeof when === "number") {
        if (!(Number.isInteger(when) && when >= 1)) throw new Error("failSync: n counts from 1 (the next sync)");
        let left = when;
        state.failWhen = () => --left === 0;
      } else state.failWhen = when;
      state.failWhenCode = code;
    },
    cancelFailSync() {
      state.failWhen = null;
    },
    failNextSettingsSave() {
      settings.failNextSave();
    },
    select(address) {
      const list = Array.isArray(address) ? address : [address];
      const refs = list.map(at);
      const sheet = refs[0].sheet;
      if (refs.some((r) => r.sheet !== sheet)) throw new Error("select: every area must be on one sheet");
      model.selections.set(
        sheet.id,
        refs.map((r) => r.rect),
      );
      model.activate(sheet);
    },
    protect(sheet, on = true, options = {}) {
      const s = sheetOf(sheet);
      s.protected = on;
      s.protectionOptions = { ...DEFAULT_PROTECTION_OPTIONS, ...(on ? options : {}) };
    },
    protectStructure(on = true) {
      model.structureProtection = { protected: on, password: "" };
    },
    merge(address) {
      const { sheet, rect } = at(address);
      sheet.merged.push(rect);
    },
    addTable(sheet, address, name, hasHeaders = true) {
      const parsed = parseAddress(address);
      if (!parsed) throw new Error(`not an address: "${address}"`);
      addTableModel(model, sheetOf(sheet), parsed.rect, hasHeaders, name);
    },
    addName(name, formula, sheet) {
      const sheetId = sheet === undefined ? null : sheetOf(sheet).id;
      if (model.liveNames(sheet === undefined ? null : sheetOf(sheet)).some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new Error(`addName: "${name}" already exists in that scope`);
      model.names.push({
        name,
        sheetId,
        formula: formula.startsWith("=") ? formula : `=${formula}`,
        comment: "",
        deleted: false,
      });
    },
    setNumberFormat(address, format) {
      const { sheet, rect } = at(address);
      model.restyle(sheet, rect, (s) => ({ ...s, numberFormat: format }));
    },
    setFormat(address, format) {
      const { sheet, rect } = at(address);
      model.restyle(sheet, rect, (s) => ({ ...s, ...format }));
    },
    setValues(address, values) {
      const { sheet, rect } = at(address);
      values.forEach((row, i) => row.forEach((v, j) => model.write(sheet, rect.row + i, rect.column + j, v)));
    },
    hideRows: (address, hidden = true) => hide(address, hidden, true),
    hideColumns: (address, hidden = true) => hide(address, hidden, false),
    values: (address) => grid(address, (s, r, c) => model.value(s, r, c)),
    formulas: (address) => grid(address, (s, r, c) => model.formula(s, r, c)),
    numberFormats: (address) => grid(address, (s, r, c) => model.style(s, r, c).numberFormat),
    valueTypes: (address) => grid(address, (s, r, c) => String(model.valueType(s, r, c))),
    fills: (address) => grid(address, (s, r, c) => model.style(s, r, c).fill),
    formats: (address) => grid(address, (s, r, c) => ({ ...model.style(s, r, c) })),
    rowsHidden(address) {
      const { sheet, rect } = at(address);
      return Array.from({ length: rect.rows }, (_, i) => sheet.rowHidden(rect.row + i));
    },
    sheetNames: () => model.liveSheets().map((s) => s.name),
    activeSheet,
    selection: () => selectionInfo(model),
    conditionalFormats: (sheet) => conditionalFormatInfo(sheetOf(sheet)),
    names: () => nameInfo(model),
    charts: (sheet) => chartInfo(model, sheetOf(sheet)),
    freeze: (sheet) => ({ ...sheetOf(sheet).freeze }),
    columnWidth: (sheet, column) => sheetOf(sheet).columnWidths.get(column) ?? 48,
    tables: (sheet) => tableInfo(sheetOf(sheet)),
    merged: (sheet) => sheetOf(sheet).merged.map((r) => rectA1(r)),
    savedSettings: () => JSON.parse(JSON.stringify(model.savedSettings)),
    snapshot: (options) => workbookSnapshot(model, options?.settings ?? true),
  };
}

/** True for an error the double (or Excel) raised with this code. */
export function isExcelError(e: unknown, code?: string): e is ExcelDoubleError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as { code?: unknown }).code === "string" &&
    (code === undefined || (e as { code: string }).code === code)
  );
}
