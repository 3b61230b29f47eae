/**
 * createWorkbookDouble: an in-memory workbook behind `run` and `settings`, shaped like Excel.run and
 * Office.context.document.settings, with plain helpers to set it up and inspect it.
 *
 * Formula cells: `formulas` reads the formula; `values`/`valueTypes` read the `evaluate` hook's result
 * (typed by its JavaScript type, an error literal string as "Error"), or "" / "Empty" without a hook,
 * as an uncalculated cell would read if Excel never computed it.
 */
import { Rect, parseAddress, qualifiedAddress, rectA1 } from "./address";
import { real } from "./base";
import { DoubleState, DoubleStats, SyncEngine, freshStats } from "./context";
import { ExcelDoubleError, notSupported } from "./errors";
import { Evaluate, SheetModel, WorkbookModel, checkCellValue } from "./model";
import { chartSeriesNames } from "./objects/charts";
import { addTableModel } from "./objects/tables";
import { FakeRequestContext } from "./objects/workbook";

export { ExcelDoubleError } from "./errors";
export { CELL_READ_LIMIT, OPERATION_BYTES, PAYLOAD_LIMIT_BYTES } from "./context";
export type { DoubleStats } from "./context";
export { MAX_COLUMNS, MAX_ROWS, columnLetters, parseAddress, qualifiedAddress, quoteSheet, rectA1 } from "./address";
export type { Rect } from "./address";

export interface WorkbookDoubleOptions {
  sheets: Record<string, unknown[][]>;
  active?: string;
  evaluate?: Evaluate;
  /** Settings already saved in the document. */
  settings?: Record<string, unknown>;
}

export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ConditionalFormatInfo {
  address: string;
  type: string;
  rule: { operator: string; text: string } | { formula: string } | null;
  format: { fill: string | null; fontColor: string | null; bold: boolean | null; italic: boolean | null };
}

export interface ChartInfo {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: { start: string; end: string | null } | null;
  series: string[];
}

class FakeSettings implements Office.Settings {
  private failNext = false;
  constructor(private readonly model: WorkbookModel) {}
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get(name: string): any {
    return this.model.settings.has(name) ? this.model.settings.get(name) : null;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set(name: string, value: any): void {
    this.model.settings.set(name, value);
  }
  remove(name: string): void {
    this.model.settings.delete(name);
  }
  failNextSave(): void {
    this.failNext = true;
  }
  saveAsync(options?: Office.SaveSettingsOptions, callback?: (result: Office.AsyncResult<void>) => void): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
  saveAsync(
    options?: Office.SaveSettingsOptions | ((result: Office.AsyncResult<void>) => void),
    callback?: (result: Office.AsyncResult<void>) => void,
  ): void {
    const cb = typeof options === "function" ? options : callback;
    const opts = typeof options === "function" ? undefined : options;
    const failed = this.failNext;
    this.failNext = false;
    if (!failed) {
      const saved: Record<string, unknown> = {};
      for (const [k, v] of this.model.settings) saved[k] = JSON.parse(JSON.stringify(v ?? null));
      this.model.savedSettings = saved;
    }
    const result = {
      value: undefined,
      status: (failed ? "failed" : "succeeded") as unknown as Office.AsyncResultStatus,
      error: (failed ? { code: 5001, name: "Internal Error", message: "An internal error has occurred." } : undefined) as Office.Error,
      asyncContext: opts?.asyncContext,
      diagnostics: undefined,
    };
    if (cb) void Promise.resolve().then(() => cb(result));
  }
  refreshAsync(callback?: (result: Office.AsyncResult<Office.Settings>) => void): void {
    this.model.settings = new Map(Object.entries(JSON.parse(JSON.stringify(this.model.savedSettings))));
    const result = {
      value: this as Office.Settings,
      status: "succeeded" as unknown as Office.AsyncResultStatus,
      error: undefined as unknown as Office.Error,
      asyncContext: undefined,
      diagnostics: undefined,
    };
    if (callback) void Promise.resolve().then(() => callback(result));
  }
  addHandlerAsync(): void {
    throw notSupported("Settings.addHandlerAsync");
  }
  removeHandlerAsync(): void {
    throw notSupported("Settings.removeHandlerAsync");
  }
}

export interface WorkbookDouble {
  run: Run;
  settings: Office.Settings;
  readonly stats: DoubleStats;
  resetStats(): void;
  /** The nth next sync (1 = the next) applies the first half of its operations, then fails with `code`. */
  failSyncAfter(n: number, code?: string): void;
  /** The next settings.saveAsync reports failure and stores nothing. */
  failNextSettingsSave(): void;
  select(address: string | string[]): void;
  protect(sheet: string, on?: boolean): void;
  merge(address: string): void;
  addTable(sheet: string, address: string, name: string, hasHeaders?: boolean): void;
  setNumberFormat(address: string, format: string): void;
  setValues(address: string, values: unknown[][]): void;
  values(address: string): unknown[][];
  formulas(address: string): unknown[][];
  numberFormats(address: string): string[][];
  valueTypes(address: string): string[][];
  fills(address: string): (string | null)[][];
  sheetNames(): string[];
  activeSheet(): string;
  selection(): string[];
  conditionalFormats(sheet: string): ConditionalFormatInfo[];
  names(): { name: string; formula: string; comment: string }[];
  charts(sheet: string): ChartInfo[];
  freeze(sheet: string): { rows: number; columns: number };
  columnWidth(sheet: string, column: number): number;
  tables(sheet: string): { name: string; address: string; hasHeaders: boolean }[];
  merged(sheet: string): string[];
  savedSettings(): Record<string, unknown>;
  snapshot(): WorkbookSnapshot;
}

export interface WorkbookSnapshot {
  sheets: {
    name: string;
    protected: boolean;
    freeze: { rows: number; columns: number };
    cells: Record<string, { v?: unknown; f?: string; nf?: string; fill?: string; bold?: boolean; color?: string }>;
    columnWidths: Record<string, number>;
    merged: string[];
    conditionalFormats: ConditionalFormatInfo[];
    charts: ChartInfo[];
    tables: { name: string; address: string; hasHeaders: boolean }[];
  }[];
  active: string;
  selection: string[];
  names: { name: string; formula: string; comment: string }[];
  settings: Record<string, unknown>;
  savedSettings: Record<string, unknown>;
}

export function createWorkbookDouble(options: WorkbookDoubleOptions): WorkbookDouble {
  const model = new WorkbookModel(options.evaluate);
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

  const state: DoubleState = { model, stats: freshStats(), failIn: null, failCode: "GeneralException", failWhen: null, failWhenCode: "GeneralException" };
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
    const sheet = parsed.sheet !== undefined ? sheetOf(parsed.sheet) : sheetOf(model.liveSheets().find((s) => s.id === model.activeSheetId)!.name);
    return { sheet, rect: parsed.rect };
  };
  const grid = <V>(address: string, read: (s: SheetModel, r: number, c: number) => V): V[][] => {
    const { sheet, rect } = at(address);
    return Array.from({ length: rect.rows }, (_, i) => Array.from({ length: rect.columns }, (_, j) => read(sheet, rect.row + i, rect.column + j)));
  };
  const cfInfo = (sheet: SheetModel): ConditionalFormatInfo[] =>
    sheet.liveConditionalFormats().map((cf) => ({
      address: cf.rects.map((r) => qualifiedAddress(sheet.name, r)).join(","),
      type: cf.type,
      rule: cf.textRule ? { ...cf.textRule } : cf.formula !== null ? { formula: cf.formula } : null,
      format: { ...cf.format },
    }));
  const chartInfo = (sheet: SheetModel): ChartInfo[] =>
    sheet.liveCharts().map((c) => ({
      name: c.name,
      type: c.type,
      source: qualifiedAddress(sheet.name, c.source),
      seriesBy: c.seriesBy,
      title: c.title,
      position: c.position ? { ...c.position } : null,
      series: chartSeriesNames(model, sheet, c),
    }));
  const tableInfo = (sheet: SheetModel) =>
    sheet.liveTables().map((t) => ({ name: t.name, address: qualifiedAddress(sheet.name, t.rect), hasHeaders: t.hasHeaders }));
  const nameInfo = () => model.liveNames().map((n) => ({ name: n.name, formula: n.formula, comment: n.comment }));
  const selection = () => {
    const s = model.liveSheets().find((x) => x.id === model.selection.sheetId);
    return s ? model.selection.rects.map((r) => qualifiedAddress(s.name, r)) : [];
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
    failNextSettingsSave() {
      settings.failNextSave();
    },
    select(address) {
      const list = Array.isArray(address) ? address : [address];
      const refs = list.map(at);
      const sheet = refs[0].sheet;
      if (refs.some((r) => r.sheet !== sheet)) throw new Error("select: every area must be on one sheet");
      model.selections.set(sheet.id, refs.map((r) => r.rect));
      model.activate(sheet);
    },
    protect(sheet, on = true) {
      sheetOf(sheet).protected = on;
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
    setNumberFormat(address, format) {
      const { sheet, rect } = at(address);
      model.restyle(sheet, rect, (s) => ({ ...s, numberFormat: format }));
    },
    setValues(address, values) {
      const { sheet, rect } = at(address);
      values.forEach((row, i) => row.forEach((v, j) => model.write(sheet, rect.row + i, rect.column + j, v)));
    },
    values: (address) => grid(address, (s, r, c) => model.value(s, r, c)),
    formulas: (address) => grid(address, (s, r, c) => model.formula(s, r, c)),
    numberFormats: (address) => grid(address, (s, r, c) => model.style(s, r, c).numberFormat),
    valueTypes: (address) => grid(address, (s, r, c) => String(model.valueType(s, r, c))),
    fills: (address) => grid(address, (s, r, c) => model.style(s, r, c).fill),
    sheetNames: () => model.liveSheets().map((s) => s.name),
    activeSheet: () => model.liveSheets().find((s) => s.id === model.activeSheetId)?.name ?? "",
    selection,
    conditionalFormats: (sheet) => cfInfo(sheetOf(sheet)),
    names: nameInfo,
    charts: (sheet) => chartInfo(sheetOf(sheet)),
    freeze: (sheet) => ({ ...sheetOf(sheet).freeze }),
    columnWidth: (sheet, column) => sheetOf(sheet).columnWidths.get(column) ?? 48,
    tables: (sheet) => tableInfo(sheetOf(sheet)),
    merged: (sheet) => sheetOf(sheet).merged.map((r) => rectA1(r)),
    savedSettings: () => JSON.parse(JSON.stringify(model.savedSettings)),
    snapshot(): WorkbookSnapshot {
      return {
        sheets: model.liveSheets().map((sheet) => {
          const cells: WorkbookSnapshot["sheets"][number]["cells"] = {};
          const used = sheet.usedRect(false);
          if (used) {
            for (let r = used.row; r < used.row + used.rows; r++) {
              for (let c = used.column; c < used.column + used.columns; c++) {
                const col = sheet.column(c);
                if (!col) continue;
                const kind = col.kind(r);
                const style = model.style(sheet, r, c);
                const cell: WorkbookSnapshot["sheets"][number]["cells"][string] = {};
                if (kind === 5) cell.f = col.str(r);
                else if (kind !== 0) cell.v = model.value(sheet, r, c);
                if (style.numberFormat !== "General") cell.nf = style.numberFormat;
                if (style.fill !== null) cell.fill = style.fill;
                if (style.bold) cell.bold = true;
                if (style.fontColor !== "#000000") cell.color = style.fontColor;
                if (Object.keys(cell).length) cells[rectA1({ row: r, column: c, rows: 1, columns: 1 })] = cell;
              }
            }
          }
          return {
            name: sheet.name,
            protected: sheet.protected,
            freeze: { ...sheet.freeze },
            cells,
            columnWidths: Object.fromEntries([...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [String(c), w])),
            merged: sheet.merged.map((r) => rectA1(r)),
            conditionalFormats: cfInfo(sheet),
            charts: chartInfo(sheet),
            tables: tableInfo(sheet),
          };
        }),
        active: model.liveSheets().find((s) => s.id === model.activeSheetId)?.name ?? "",
        selection: selection(),
        names: nameInfo(),
        settings: JSON.parse(JSON.stringify(Object.fromEntries(model.settings))),
        savedSettings: JSON.parse(JSON.stringify(model.savedSettings)),
      };
    },
  };
}

/** True for an error the double (or Excel) raised with this code. */
export function isExcelError(e: unknown, code?: string): e is ExcelDoubleError {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string" && (code === undefined || (e as { code: string }).code === code);
}
