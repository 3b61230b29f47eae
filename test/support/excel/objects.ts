/**
 * The fake Excel objects. Each implements a Pick<> of the real office-js class for the members it
 * provides, so a signature that drifts from the real API fails the type check.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, contains, intersect, parseAddress, qualifiedAddress, rectInSheet } from "./address";
import { FakeClientResult, FakeCollection, FakeObject, LoadOption, real } from "./base";
import { OPERATION_BYTES, SyncAccumulator, SyncEngine, countReadCells } from "./context";
import { ExcelDoubleError } from "./errors";
import {
  ChartModel,
  ConditionalFormatModel,
  NameModel,
  SheetModel,
  Style,
  TableModel,
  WorkbookModel,
  checkCellValue,
  jsonSize,
  subtract,
} from "./model";

export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

const DEFAULT_COLUMN_WIDTH = 48;

function fail(code: string, location: string): never {
  throw new ExcelDoubleError(code, location);
}

function live(sheet: SheetModel, location: string): SheetModel {
  if (sheet.deleted) fail("ItemNotFound", location);
  return sheet;
}

function writable(sheet: SheetModel, location: string): SheetModel {
  live(sheet, location);
  if (sheet.protected) fail("AccessDenied", location);
  return sheet;
}

function checkedRect(rect: Rect, location: string): Rect {
  if (!rectInSheet(rect)) fail("InvalidArgument", location);
  return rect;
}

/** A Range argument (our fake) or an address string, resolved at sync. */
function resolveRangeArg(
  model: WorkbookModel,
  arg: Excel.Range | string,
  defaultSheet: SheetModel | undefined,
  dry: boolean,
  location: string,
): RangeRef {
  if (typeof arg === "string") {
    const parsed = parseAddress(arg);
    if (!parsed) fail("InvalidArgument", location);
    const sheet = parsed.sheet !== undefined ? model.sheetByName(parsed.sheet) : defaultSheet;
    if (!sheet) fail(parsed.sheet !== undefined ? "ItemNotFound" : "InvalidArgument", location);
    return { sheet, rect: parsed.rect };
  }
  const fake = arg as unknown;
  if (!(fake instanceof FakeRange)) fail("InvalidArgument", location);
  return fake.require(dry, location);
}

// ---------------------------------------------------------------- context, application, workbook

export class FakeApplication implements Pick<Excel.Application, "suspendApiCalculationUntilNextSync" | "calculate"> {
  constructor(private readonly engine: SyncEngine) {}
  suspendApiCalculationUntilNextSync(): void {
    this.engine.state.stats.suspendCalculationCalls++;
  }
  // The double computes no formulas (see the evaluate hook), so recalculating only counts.
  calculate(calculationType: Excel.CalculationType | "Recalculate" | "Full" | "FullRebuild"): void {
    void calculationType;
    this.engine.state.stats.calculateCalls++;
  }
}

export class FakeRequestContext implements Pick<Excel.RequestContext, "workbook" | "application" | "sync"> {
  readonly workbook: Excel.Workbook;
  readonly application: Excel.Application;
  constructor(readonly engine: SyncEngine) {
    this.workbook = real<Excel.Workbook>(new FakeWorkbook(engine));
    this.application = real<Excel.Application>(new FakeApplication(engine));
  }
  sync<T>(passThroughValue?: T): Promise<T> {
    return Promise.resolve().then(() => {
      this.engine.flush();
      return passThroughValue as T;
    });
  }
}

export class FakeWorkbook
  extends FakeObject<WorkbookModel>
  implements Pick<Excel.Workbook, "worksheets" | "names" | "tables" | "getSelectedRange" | "getSelectedRanges" | "getActiveCell">
{
  readonly worksheets: Excel.WorksheetCollection;
  readonly names: Excel.NamedItemCollection;
  readonly tables: Excel.TableCollection;
  constructor(engine: SyncEngine) {
    super(engine, "Workbook", () => engine.state.model);
    this.worksheets = real(new FakeWorksheetCollection(engine));
    this.names = real(new FakeNamedItemCollection(engine));
    this.tables = real(new FakeTableCollection(engine, () => null));
  }
  private selection(): { sheet: SheetModel; rects: Rect[] } {
    const model = this.engine.state.model;
    const sheet = model.liveSheets().find((s) => s.id === model.selection.sheetId);
    if (!sheet) fail("InvalidSelection", "Workbook.getSelectedRanges");
    return { sheet, rects: model.selection.rects };
  }
  getSelectedRanges(): Excel.RangeAreas {
    return real(new FakeRangeAreas(this.engine, () => this.selection()));
  }
  getSelectedRange(): Excel.Range {
    return real(
      new FakeRange(this.engine, () => {
        const { sheet, rects } = this.selection();
        // Excel refuses a multi-area selection here; getSelectedRanges reads it.
        if (rects.length !== 1) fail("InvalidSelection", "Workbook.getSelectedRange");
        return { sheet, rect: rects[0] };
      }),
    );
  }
  getActiveCell(): Excel.Range {
    return real(
      new FakeRange(this.engine, () => {
        const { sheet, rects } = this.selection();
        return { sheet, rect: { row: rects[0].row, column: rects[0].column, rows: 1, columns: 1 } };
      }),
    );
  }
}

// ---------------------------------------------------------------- worksheets

const SHEET_NAME_BAD = /[[\]:*?/\\]/;

function checkSheetName(model: WorkbookModel, name: string, location: string, except?: SheetModel): void {
  if (name.length === 0 || name.length > 31 || SHEET_NAME_BAD.test(name) || name.startsWith("'") || name.endsWith("'")) {
    fail("InvalidArgument", location);
  }
  const clash = model.sheetByName(name);
  if (clash && clash !== except) fail("ItemAlreadyExists", location);
}

export class FakeWorksheetCollection
  extends FakeCollection<WorkbookModel, FakeWorksheet>
  implements
    Pick<
      Excel.WorksheetCollection,
      "items" | "load" | "getItem" | "getItemOrNullObject" | "add" | "getActiveWorksheet" | "getCount" | "isNullObject"
    >
{
  constructor(engine: SyncEngine) {
    super(engine, "WorksheetCollection", () => engine.state.model);
  }
  get items(): Excel.Worksheet[] {
    return real(this.itemsLoaded());
  }
  protected list(model: WorkbookModel): FakeWorksheet[] {
    return model.liveSheets().map((s) => new FakeWorksheet(this.engine, () => s));
  }
  load(option?: LoadOption): Excel.WorksheetCollection {
    this.queueLoad(option);
    return real(this);
  }
  getItem(key: string): Excel.Worksheet {
    const model = this.engine.state.model;
    return real(
      new FakeWorksheet(this.engine, () => model.sheetByKey(key) ?? fail("ItemNotFound", "WorksheetCollection.getItem")),
    );
  }
  getItemOrNullObject(key: string): Excel.Worksheet {
    const model = this.engine.state.model;
    return real(new FakeWorksheet(this.engine, () => model.sheetByKey(key) ?? null, true));
  }
  getActiveWorksheet(): Excel.Worksheet {
    const model = this.engine.state.model;
    return real(
      new FakeWorksheet(
        this.engine,
        () =>
          model.liveSheets().find((s) => s.id === model.activeSheetId) ??
          fail("ItemNotFound", "WorksheetCollection.getActiveWorksheet"),
      ),
    );
  }
  getCount(visibleOnly?: boolean): OfficeExtension.ClientResult<number> {
    void visibleOnly;
    return real(new FakeClientResult(this.engine, () => this.engine.state.model.liveSheets().length));
  }
  add(name?: string): Excel.Worksheet {
    const model = this.engine.state.model;
    let created: SheetModel | undefined;
    this.queueChange(jsonSize(name ?? ""), () => {
      let n = name;
      if (n === undefined) {
        let i = model.sheets.length + 1;
        while (model.sheetByName(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      checkSheetName(model, n, "WorksheetCollection.add");
      created = model.addSheet(n);
      model.selections.set(created.id, [{ row: 0, column: 0, rows: 1, columns: 1 }]);
    });
    return real(new FakeWorksheet(this.engine, () => created ?? fail("ItemNotFound", "WorksheetCollection.add")));
  }
}

export class FakeWorksheetProtection
  extends FakeObject<SheetModel>
  implements Pick<Excel.WorksheetProtection, "protected" | "load" | "isNullObject">
{
  constructor(engine: SyncEngine, find: (dry: boolean) => SheetModel | null) {
    super(engine, "WorksheetProtection", find);
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  load(option?: LoadOption): Excel.WorksheetProtection {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["protected"];
  }
  protected readScalar(name: string, sheet: SheetModel, acc: SyncAccumulator): unknown {
    return name === "protected" ? sheet.protected : super.readScalar(name, sheet, acc);
  }
}

export class FakeFreezePanes implements Pick<
  Excel.WorksheetFreezePanes,
  "freezeRows" | "freezeColumns" | "freezeAt" | "unfreeze" | "getLocation" | "getLocationOrNullObject"
> {
  constructor(private readonly sheet: FakeWorksheet) {}
  private set(location: string, f: (s: SheetModel, acc: SyncAccumulator) => { rows: number; columns: number }): void {
    this.sheet.engine.enqueue({
      mutates: true,
      requestBytes: OPERATION_BYTES,
      run: (acc) => {
        const s = writable(this.sheet.require(acc.dry, location), location);
        const next = f(s, acc);
        if (next.rows < 0 || next.columns < 0 || next.rows >= MAX_ROWS || next.columns >= MAX_COLUMNS)
          fail("InvalidArgument", location);
        s.freeze = next;
      },
    });
  }
  freezeRows(count?: number): void {
    this.set("WorksheetFreezePanes.freezeRows", () => ({ rows: count ?? 1, columns: 0 }));
  }
  freezeColumns(count?: number): void {
    this.set("WorksheetFreezePanes.freezeColumns", () => ({ rows: 0, columns: count ?? 1 }));
  }
  freezeAt(frozenRange: Excel.Range | string): void {
    this.set("WorksheetFreezePanes.freezeAt", (s, acc) => {
      const ref = resolveRangeArg(this.sheet.engine.state.model, frozenRange, s, acc.dry, "WorksheetFreezePanes.freezeAt");
      return { rows: ref.rect.row + ref.rect.rows, columns: ref.rect.column + ref.rect.columns };
    });
  }
  unfreeze(): void {
    this.set("WorksheetFreezePanes.unfreeze", () => ({ rows: 0, columns: 0 }));
  }
  private location(nullable: boolean): Excel.Range {
    return real(
      new FakeRange(
        this.sheet.engine,
        (dry) => {
          const s = this.sheet.require(dry, "WorksheetFreezePanes.getLocation");
          const { rows, columns } = s.freeze;
          if (rows === 0 && columns === 0) return nullable ? null : fail("ItemNotFound", "WorksheetFreezePanes.getLocation");
          return {
            sheet: s,
            rect: { row: 0, column: 0, rows: rows || MAX_ROWS, columns: columns || MAX_COLUMNS },
          };
        },
        nullable,
      ),
    );
  }
  getLocation(): Excel.Range {
    return this.location(false);
  }
  getLocationOrNullObject(): Excel.Range {
    return this.location(true);
  }
}

export class FakeWorksheet
  extends FakeObject<SheetModel>
  implements
    Pick<
      Excel.Worksheet,
      | "load"
      | "isNullObject"
      | "name"
      | "id"
      | "position"
      | "protection"
      | "freezePanes"
      | "charts"
      | "tables"
      | "getRange"
      | "getRangeByIndexes"
      | "getCell"
      | "getUsedRange"
      | "getUsedRangeOrNullObject"
      | "activate"
      | "delete"
    >
{
  readonly protection: Excel.WorksheetProtection;
  readonly freezePanes: Excel.WorksheetFreezePanes;
  readonly charts: Excel.ChartCollection;
  readonly tables: Excel.TableCollection;
  private readonly protectionFake: FakeWorksheetProtection;

  constructor(engine: SyncEngine, find: (dry: boolean) => SheetModel | null, nullable = false) {
    super(engine, "Worksheet", find, nullable);
    this.protectionFake = new FakeWorksheetProtection(engine, (dry) => this.target(dry));
    this.protection = real(this.protectionFake);
    this.freezePanes = real(new FakeFreezePanes(this));
    this.charts = real(new FakeChartCollection(engine, this));
    this.tables = real(new FakeTableCollection(engine, (dry) => this.require(dry, "Worksheet.tables")));
  }
  get name(): string {
    return this.prop("name");
  }
  set name(value: string) {
    this._p.name = value;
    this.queueChange(jsonSize(value), (s) => {
      checkSheetName(this.engine.state.model, value, "Worksheet.name", s);
      live(s, "Worksheet.name").name = value;
    });
  }
  get id(): string {
    return this.prop("id");
  }
  get position(): number {
    return this.prop("position");
  }
  set position(value: number) {
    this._p.position = value;
    this.queueChange(0, (s) => {
      const model = this.engine.state.model;
      const others = model.sheets.filter((x) => x !== s);
      const liveOthers = others.filter((x) => !x.deleted);
      if (!Number.isInteger(value) || value < 0 || value > liveOthers.length) fail("InvalidArgument", "Worksheet.position");
      const before = liveOthers[value];
      const at = before ? others.indexOf(before) : others.length;
      others.splice(at, 0, s);
      model.sheets = others;
    });
  }
  load(option?: LoadOption): Excel.Worksheet {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["name", "id", "position", "visibility"];
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    return name === "protection" ? this.protectionFake : undefined;
  }
  protected readScalar(name: string, s: SheetModel, acc: SyncAccumulator): unknown {
    live(s, "Worksheet.load");
    switch (name) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this.engine.state.model.liveSheets().indexOf(s);
      case "visibility":
        return "Visible";
      default:
        return super.readScalar(name, s, acc);
    }
  }
  private range(location: string, rect: (s: SheetModel) => Rect | null, nullable = false): FakeRange {
    return new FakeRange(
      this.engine,
      (dry) => {
        const s = live(this.require(dry, location), location);
        const r = rect(s);
        return r === null ? null : { sheet: s, rect: checkedRect(r, location) };
      },
      nullable,
    );
  }
  getRange(address?: string): Excel.Range {
    return real(
      this.range("Worksheet.getRange", (s) => {
        if (address === undefined || address === "") return { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS };
        const parsed = parseAddress(address);
        if (!parsed) fail("InvalidArgument", "Worksheet.getRange");
        if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== s.name.toLowerCase())
          fail("InvalidArgument", "Worksheet.getRange");
        return parsed.rect;
      }),
    );
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Excel.Range {
    return real(
      this.range("Worksheet.getRangeByIndexes", () => ({
        row: startRow,
        column: startColumn,
        rows: rowCount,
        columns: columnCount,
      })),
    );
  }
  getCell(row: number, column: number): Excel.Range {
    return real(this.range("Worksheet.getCell", () => ({ row, column, rows: 1, columns: 1 })));
  }
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return real(
      this.range("Worksheet.getUsedRange", (s) => s.usedRect(!!valuesOnly) ?? { row: 0, column: 0, rows: 1, columns: 1 }),
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return real(this.range("Worksheet.getUsedRangeOrNullObject", (s) => s.usedRect(!!valuesOnly) ?? null, true));
  }
  activate(): void {
    this.engine.enqueue({
      mutates: true,
      requestBytes: OPERATION_BYTES,
      run: (acc) => {
        const s = live(this.require(acc.dry, "Worksheet.activate"), "Worksheet.activate");
        this.engine.state.model.activate(s);
      },
    });
  }
  delete(): void {
    this.queueChange(0, (s) => {
      const model = this.engine.state.model;
      live(s, "Worksheet.delete");
      if (model.liveSheets().length === 1) fail("InvalidOperation", "Worksheet.delete");
      s.deleted = true;
      for (const n of model.liveNames()) {
        const parsed = parseAddress(n.formula);
        if (parsed?.sheet !== undefined && parsed.sheet.toLowerCase() === s.name.toLowerCase()) n.formula = "=#REF!";
      }
      if (model.activeSheetId === s.id) model.activate(model.liveSheets()[0]);
    });
  }
}

// ---------------------------------------------------------------- ranges

const CELL_PROPERTIES = new Set(["values", "valueTypes", "numberFormat", "formulas", "text"]);

function uniform<V>(ref: RangeRef, read: (row: number, column: number) => V): V | null {
  let first: V | undefined;
  let seen = false;
  const { rect } = ref;
  for (let c = rect.column; c < rect.column + rect.columns; c++) {
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      const v = read(r, c);
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first as V;
}

export class FakeRange
  extends FakeObject<RangeRef>
  implements
    Pick<
      Excel.Range,
      | "load"
      | "isNullObject"
      | "address"
      | "rowIndex"
      | "columnIndex"
      | "rowCount"
      | "columnCount"
      | "cellCount"
      | "values"
      | "valueTypes"
      | "numberFormat"
      | "formulas"
      | "worksheet"
      | "format"
      | "conditionalFormats"
      | "getSurroundingRegion"
      | "getCell"
      | "getRow"
      | "getColumn"
      | "getOffsetRange"
      | "getResizedRange"
      | "getIntersection"
      | "getIntersectionOrNullObject"
      | "getUsedRange"
      | "getUsedRangeOrNullObject"
      | "getTables"
      | "getMergedAreasOrNullObject"
      | "clear"
      | "select"
      | "track"
      | "untrack"
    >
{
  private formatFake: FakeRangeFormat | undefined;
  private worksheetFake: FakeWorksheet | undefined;
  private conditionalFormatsFake: FakeConditionalFormatCollection | undefined;

  constructor(engine: SyncEngine, find: (dry: boolean) => RangeRef | null, nullable = false) {
    super(engine, "Range", find, nullable);
  }
  private get model(): WorkbookModel {
    return this.engine.state.model;
  }

  // -- properties
  get address(): string {
    return this.prop("address");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get cellCount(): number {
    return this.prop("cellCount");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get values(): any[][] {
    return this.prop("values");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set values(v: any[][]) {
    this._p.values = v;
    this.queueCells("values", v);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formulas(): any[][] {
    return this.prop("formulas");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formulas(v: any[][]) {
    this._p.formulas = v;
    this.queueCells("formulas", v);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get numberFormat(): any[][] {
    return this.prop("numberFormat");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set numberFormat(v: any[][]) {
    this._p.numberFormat = v;
    this.queueCells("numberFormat", v);
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.prop("valueTypes");
  }
  get worksheet(): Excel.Worksheet {
    return real(this.worksheetNav());
  }
  get format(): Excel.RangeFormat {
    return real(this.formatNav());
  }
  get conditionalFormats(): Excel.ConditionalFormatCollection {
    return real((this.conditionalFormatsFake ??= new FakeConditionalFormatCollection(this.engine, this)));
  }
  private worksheetNav(): FakeWorksheet {
    return (this.worksheetFake ??= new FakeWorksheet(this.engine, (dry) => this.require(dry, "Range.worksheet").sheet));
  }
  private formatNav(): FakeRangeFormat {
    return (this.formatFake ??= new FakeRangeFormat(this.engine, this));
  }

  load(option?: LoadOption): Excel.Range {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return [
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "cellCount",
      "values",
      "valueTypes",
      "numberFormat",
      "formulas",
    ];
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    if (name === "worksheet") return this.worksheetNav();
    if (name === "format") return this.formatNav();
    return undefined;
  }
  protected cellsRead(paths: string[][]): number {
    const cellProps = paths.some((p) => (p.length === 0 ? true : p.length === 1 && CELL_PROPERTIES.has(p[0])));
    if (!cellProps) return 0;
    try {
      const ref = this.target(true);
      return ref ? ref.rect.rows * ref.rect.columns : 0;
    } catch {
      return 0;
    }
  }
  protected beforeScalars(names: string[], ref: RangeRef, acc: SyncAccumulator): void {
    live(ref.sheet, "Range.load");
    if (names.some((n) => CELL_PROPERTIES.has(n))) countReadCells(acc, ref.rect.rows * ref.rect.columns, "Range.load");
  }
  protected readScalar(name: string, ref: RangeRef, acc: SyncAccumulator): unknown {
    const { sheet, rect } = ref;
    const grid = <V>(read: (r: number, c: number) => V): V[][] => {
      const out: V[][] = new Array(rect.rows);
      for (let i = 0; i < rect.rows; i++) {
        const row: V[] = new Array(rect.columns);
        for (let j = 0; j < rect.columns; j++) row[j] = read(rect.row + i, rect.column + j);
        out[i] = row;
      }
      return out;
    };
    switch (name) {
      case "address":
        return qualifiedAddress(sheet.name, rect);
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.column;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.columns;
      case "cellCount":
        return rect.rows * rect.columns;
      case "values":
        return grid((r, c) => this.model.value(sheet, r, c));
      case "valueTypes":
        return grid((r, c) => this.model.valueType(sheet, r, c));
      case "formulas":
        return grid((r, c) => this.model.formula(sheet, r, c));
      case "numberFormat":
        return grid((r, c) => this.model.style(sheet, r, c).numberFormat);
      case "text":
        return grid((r, c) => String(this.model.value(sheet, r, c)));
      default:
        return super.readScalar(name, ref, acc);
    }
  }

  /** values / formulas / numberFormat: a 2-D array of exactly the range's size, or one value for every cell. */
  private queueCells(kind: "values" | "formulas" | "numberFormat", v: unknown): void {
    const location = `Range.${kind}`;
    this.queueChange(jsonSize(v), (ref) => {
      const { sheet, rect } = ref;
      writable(sheet, location);
      const model = this.model;
      const isGrid = Array.isArray(v);
      if (isGrid) {
        const rows = v as unknown[];
        if (rows.length !== rect.rows) fail("InvalidArgument", location);
        for (const row of rows) if (!Array.isArray(row) || row.length !== rect.columns) fail("InvalidArgument", location);
      }
      const at = isGrid ? (i: number, j: number) => (v as unknown[][])[i][j] : () => v;
      // Check every value before writing any: Excel applies an assignment whole or not at all.
      const check =
        kind === "numberFormat"
          ? (x: unknown) => {
              if (x !== null && x !== undefined && typeof x !== "string") fail("InvalidArgument", location);
            }
          : (x: unknown) => checkCellValue(x, location);
      if (isGrid) {
        for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.columns; j++) check(at(i, j));
      } else check(v);
      if (kind === "numberFormat") {
        const memo = new Map<string, Map<number, number>>();
        for (let j = 0; j < rect.columns; j++) {
          const col = sheet.ensureColumn(rect.column + j);
          for (let i = 0; i < rect.rows; i++) {
            const fmt = at(i, j) as string | null | undefined;
            if (fmt === null || fmt === undefined) continue;
            const row = rect.row + i;
            const old = col.style(row);
            let byOld = memo.get(fmt);
            if (!byOld) memo.set(fmt, (byOld = new Map()));
            let id = byOld.get(old);
            if (id === undefined) {
              id = model.styleId({ ...model.styles[old], numberFormat: fmt });
              byOld.set(old, id);
            }
            col.setStyle(row, id);
          }
        }
        return;
      }
      for (let j = 0; j < rect.columns; j++) {
        for (let i = 0; i < rect.rows; i++) model.write(sheet, rect.row + i, rect.column + j, at(i, j), true);
      }
    });
  }

  // -- navigation
  private derived(location: string, f: (ref: RangeRef) => Rect | null, nullable = false): Excel.Range {
    return real(
      new FakeRange(
        this.engine,
        (dry) => {
          const base = this.target(dry);
          if (base === null) return nullable ? null : fail("ItemNotFound", location);
          const r = f(base);
          return r === null ? null : { sheet: base.sheet, rect: checkedRect(r, location) };
        },
        nullable,
      ),
    );
  }
  getCell(row: number, column: number): Excel.Range {
    return this.derived("Range.getCell", ({ rect }) => ({
      row: rect.row + row,
      column: rect.column + column,
      rows: 1,
      columns: 1,
    }));
  }
  getRow(row: number): Excel.Range {
    return this.derived("Range.getRow", ({ rect }) =>
      row >= 0 && row < rect.rows
        ? { row: rect.row + row, column: rect.column, rows: 1, columns: rect.columns }
        : fail("InvalidArgument", "Range.getRow"),
    );
  }
  getColumn(column: number): Excel.Range {
    return this.derived("Range.getColumn", ({ rect }) =>
      column >= 0 && column < rect.columns
        ? { row: rect.row, column: rect.column + column, rows: rect.rows, columns: 1 }
        : fail("InvalidArgument", "Range.getColumn"),
    );
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Excel.Range {
    return this.derived("Range.getOffsetRange", ({ rect }) => ({
      ...rect,
      row: rect.row + rowOffset,
      column: rect.column + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Excel.Range {
    return this.derived("Range.getResizedRange", ({ rect }) => ({
      ...rect,
      rows: rect.rows + deltaRows,
      columns: rect.columns + deltaColumns,
    }));
  }
  getSurroundingRegion(): Excel.Range {
    return this.derived("Range.getSurroundingRegion", ({ sheet, rect }) => sheet.currentRegion(rect));
  }
  private intersection(other: Excel.Range | string, nullable: boolean): Excel.Range {
    const location = nullable ? "Range.getIntersectionOrNullObject" : "Range.getIntersection";
    return real(
      new FakeRange(
        this.engine,
        (dry) => {
          const base = this.target(dry);
          if (base === null) return nullable ? null : fail("ItemNotFound", location);
          const o = resolveRangeArg(this.model, other, base.sheet, dry, location);
          const x = o.sheet === base.sheet ? intersect(base.rect, o.rect) : undefined;
          if (!x) return nullable ? null : fail("InvalidArgument", location);
          return { sheet: base.sheet, rect: x };
        },
        nullable,
      ),
    );
  }
  getIntersection(anotherRange: Excel.Range | string): Excel.Range {
    return this.intersection(anotherRange, false);
  }
  getIntersectionOrNullObject(anotherRange: Excel.Range | string): Excel.Range {
    return this.intersection(anotherRange, true);
  }
  private used(valuesOnly: boolean | undefined, nullable: boolean): Excel.Range {
    return this.derived(
      "Range.getUsedRange",
      ({ sheet, rect }) => {
        const u = sheet.usedRect(!!valuesOnly);
        const x = u && intersect(u, rect);
        return x ?? (nullable ? null : { ...rect, rows: 1, columns: 1 });
      },
      nullable,
    );
  }
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this.used(valuesOnly, false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this.used(valuesOnly, true);
  }
  getTables(fullyContained?: boolean): Excel.TableScopedCollection {
    return real(
      new FakeTableScopedCollection(this.engine, (dry) => {
        const { sheet, rect } = this.require(dry, "Range.getTables");
        return sheet.liveTables().filter((t) => (fullyContained ? contains(rect, t.rect) : !!intersect(rect, t.rect)));
      }),
    );
  }
  getMergedAreasOrNullObject(): Excel.RangeAreas {
    return real(
      new FakeRangeAreas(
        this.engine,
        (dry) => {
          const base = this.target(dry);
          if (base === null) return null;
          const rects = base.sheet.merged.filter((m) => intersect(m, base.rect));
          return rects.length ? { sheet: base.sheet, rects } : null;
        },
        true,
      ),
    );
  }

  // -- actions
  clear(
    applyTo?: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents",
  ): void {
    const what = applyTo ?? "All";
    this.queueChange(0, ({ sheet, rect }) => {
      writable(sheet, "Range.clear");
      const contents = what === "All" || what === "Contents" || what === "ResetContents";
      const formats = what === "All" || what === "Formats";
      if (contents) {
        for (let c = rect.column; c < rect.column + rect.columns; c++) {
          const col = sheet.column(c);
          if (col) for (let r = rect.row; r < rect.row + rect.rows; r++) col.set(r, 0, 0, undefined);
        }
      }
      if (formats) {
        for (let c = rect.column; c < rect.column + rect.columns; c++) {
          const col = sheet.column(c);
          if (col) for (let r = rect.row; r < rect.row + rect.rows; r++) col.setStyle(r, 0);
        }
        removeConditionalFormats(sheet, rect);
        sheet.merged = sheet.merged.filter((m) => !intersect(m, rect));
      }
    });
  }
  select(): void {
    this.engine.enqueue({
      mutates: true,
      requestBytes: OPERATION_BYTES,
      run: (acc) => {
        const { sheet, rect } = this.require(acc.dry, "Range.select");
        this.model.activate(live(sheet, "Range.select"));
        this.model.selections.set(sheet.id, [rect]);
        this.model.selection = { sheetId: sheet.id, rects: [rect] };
      },
    });
  }
  track(): Excel.Range {
    return real(this);
  }
  untrack(): Excel.Range {
    return real(this);
  }
}

/** Takes `rect` out of every conditional format's ranges, as Excel does when cells are cleared. */
function removeConditionalFormats(sheet: SheetModel, rect: Rect): void {
  for (const cf of sheet.liveConditionalFormats()) {
    if (!cf.rects.some((r) => intersect(r, rect))) continue;
    cf.rects = cf.rects.flatMap((r) => subtract(r, rect));
    if (cf.rects.length === 0) cf.deleted = true;
  }
}

export class FakeRangeCollection
  extends FakeCollection<RangeRef[], FakeRange>
  implements Pick<Excel.RangeCollection, "items" | "load" | "getCount">
{
  constructor(engine: SyncEngine, find: (dry: boolean) => RangeRef[] | null) {
    super(engine, "RangeCollection", find);
  }
  get items(): Excel.Range[] {
    return real(this.itemsLoaded());
  }
  protected list(refs: RangeRef[]): FakeRange[] {
    return refs.map((ref) => new FakeRange(this.engine, () => ref));
  }
  load(option?: LoadOption): Excel.RangeCollection {
    this.queueLoad(option);
    return real(this);
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return real(new FakeClientResult(this.engine, (dry) => this.require(dry, "RangeCollection.getCount").length));
  }
}

export interface AreasRef {
  sheet: SheetModel;
  rects: Rect[];
}

export class FakeRangeAreas
  extends FakeObject<AreasRef>
  implements Pick<Excel.RangeAreas, "load" | "isNullObject" | "address" | "areaCount" | "cellCount" | "areas" | "worksheet">
{
  readonly areas: Excel.RangeCollection;
  private readonly worksheetFake: FakeWorksheet;
  constructor(engine: SyncEngine, find: (dry: boolean) => AreasRef | null, nullable = false) {
    super(engine, "RangeAreas", find, nullable);
    this.areas = real(
      new FakeRangeCollection(engine, (dry) => {
        const a = this.target(dry);
        return a === null ? null : a.rects.map((rect) => ({ sheet: a.sheet, rect }));
      }),
    );
    this.worksheetFake = new FakeWorksheet(engine, (dry) => this.require(dry, "RangeAreas.worksheet").sheet);
  }
  get address(): string {
    return this.prop("address");
  }
  get areaCount(): number {
    return this.prop("areaCount");
  }
  get cellCount(): number {
    return this.prop("cellCount");
  }
  get worksheet(): Excel.Worksheet {
    return real(this.worksheetFake);
  }
  load(option?: LoadOption): Excel.RangeAreas {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["address", "areaCount", "cellCount"];
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    return name === "areas" ? real<FakeRangeCollection>(this.areas) : name === "worksheet" ? this.worksheetFake : undefined;
  }
  protected readScalar(name: string, a: AreasRef, acc: SyncAccumulator): unknown {
    switch (name) {
      case "address":
        return a.rects.map((r) => qualifiedAddress(a.sheet.name, r)).join(",");
      case "areaCount":
        return a.rects.length;
      case "cellCount":
        return a.rects.reduce((n, r) => n + r.rows * r.columns, 0);
      default:
        return super.readScalar(name, a, acc);
    }
  }
}

// ---------------------------------------------------------------- range formats

class FakeRangeFill extends FakeObject<RangeRef> implements Pick<Excel.RangeFill, "color" | "clear" | "load"> {
  constructor(
    engine: SyncEngine,
    private readonly range: FakeRange,
  ) {
    super(engine, "RangeFill", (dry) => range.target(dry));
  }
  get color(): string {
    return this.prop("color");
  }
  set color(value: string) {
    this._p.color = value;
    this.restyle("RangeFill.color", (s) => ({ ...s, fill: normaliseColor(value) }));
  }
  clear(): void {
    this.restyle("RangeFill.clear", (s) => ({ ...s, fill: null }));
  }
  load(option?: LoadOption): Excel.RangeFill {
    this.queueLoad(option);
    return real(this);
  }
  private restyle(location: string, change: (s: Style) => Style): void {
    this.queueChange(0, ({ sheet, rect }) => this.engine.state.model.restyle(writable(sheet, location), rect, change));
  }
  protected scalarNames(): string[] {
    return ["color"];
  }
  protected readScalar(name: string, ref: RangeRef, acc: SyncAccumulator): unknown {
    if (name !== "color") return super.readScalar(name, ref, acc);
    const model = this.engine.state.model;
    const fill = uniform(ref, (r, c) => model.style(ref.sheet, r, c).fill);
    return fill === undefined ? null : fill === null ? (uniformIsNull(ref, model) ? "#FFFFFF" : null) : fill;
  }
}

function uniformIsNull(ref: RangeRef, model: WorkbookModel): boolean {
  return uniform(ref, (r, c) => model.style(ref.sheet, r, c).fill === null) === true;
}

/** Excel reads colours back as upper-case #RRGGBB. */
function normaliseColor(value: string): string {
  return /^#[0-9a-f]{6}$/i.test(value) ? value.toUpperCase() : value;
}

class FakeRangeFont extends FakeObject<RangeRef> implements Pick<Excel.RangeFont, "bold" | "color" | "load"> {
  constructor(engine: SyncEngine, range: FakeRange) {
    super(engine, "RangeFont", (dry) => range.target(dry));
  }
  get bold(): boolean {
    return this.prop("bold");
  }
  set bold(value: boolean) {
    this._p.bold = value;
    this.queueChange(0, ({ sheet, rect }) =>
      this.engine.state.model.restyle(writable(sheet, "RangeFont.bold"), rect, (s) => ({ ...s, bold: value })),
    );
  }
  get color(): string {
    return this.prop("color");
  }
  set color(value: string) {
    this._p.color = value;
    this.queueChange(0, ({ sheet, rect }) =>
      this.engine.state.model.restyle(writable(sheet, "RangeFont.color"), rect, (s) => ({
        ...s,
        fontColor: normaliseColor(value),
      })),
    );
  }
  load(option?: LoadOption): Excel.RangeFont {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["bold", "color"];
  }
  protected readScalar(name: string, ref: RangeRef, acc: SyncAccumulator): unknown {
    const model = this.engine.state.model;
    if (name === "bold") return uniform(ref, (r, c) => model.style(ref.sheet, r, c).bold);
    if (name === "color") return uniform(ref, (r, c) => model.style(ref.sheet, r, c).fontColor);
    return super.readScalar(name, ref, acc);
  }
}

class FakeRangeFormat
  extends FakeObject<RangeRef>
  implements Pick<Excel.RangeFormat, "fill" | "font" | "columnWidth" | "autofitColumns" | "load">
{
  private readonly fillFake: FakeRangeFill;
  private readonly fontFake: FakeRangeFont;
  constructor(engine: SyncEngine, range: FakeRange) {
    super(engine, "RangeFormat", (dry) => range.target(dry));
    this.fillFake = new FakeRangeFill(engine, range);
    this.fontFake = new FakeRangeFont(engine, range);
  }
  get fill(): Excel.RangeFill {
    return real(this.fillFake);
  }
  get font(): Excel.RangeFont {
    return real(this.fontFake);
  }
  get columnWidth(): number {
    return this.prop("columnWidth");
  }
  set columnWidth(value: number) {
    this._p.columnWidth = value;
    this.queueChange(0, ({ sheet, rect }) => {
      writable(sheet, "RangeFormat.columnWidth");
      if (!(value >= 0)) fail("InvalidArgument", "RangeFormat.columnWidth");
      // A column set back to the standard width is indistinguishable from one never changed, as in Excel.
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        if (value === DEFAULT_COLUMN_WIDTH) sheet.columnWidths.delete(c);
        else sheet.columnWidths.set(c, value);
      }
    });
  }
  autofitColumns(): void {
    this.queueChange(0, ({ sheet, rect }) => {
      writable(sheet, "RangeFormat.autofitColumns");
      const model = this.engine.state.model;
      const used = sheet.usedRect(true);
      const rows = used && intersect(used, { ...rect, column: used.column, columns: used.columns });
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        let longest = 0;
        if (rows)
          for (let r = rows.row; r < rows.row + rows.rows; r++)
            longest = Math.max(longest, String(model.value(sheet, r, c)).length);
        // About 5.25 points a character in the default font, plus padding: deterministic, not Excel's metrics.
        sheet.columnWidths.set(c, longest === 0 ? DEFAULT_COLUMN_WIDTH : Math.ceil(longest * 5.25 + 7.5));
      }
    });
  }
  load(option?: LoadOption): Excel.RangeFormat {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["columnWidth"];
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    return name === "fill" ? this.fillFake : name === "font" ? this.fontFake : undefined;
  }
  protected readScalar(name: string, ref: RangeRef, acc: SyncAccumulator): unknown {
    if (name !== "columnWidth") return super.readScalar(name, ref, acc);
    const widths = new Set<number>();
    for (let c = ref.rect.column; c < ref.rect.column + ref.rect.columns && widths.size < 2; c++) {
      widths.add(ref.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
    }
    return widths.size === 1 ? [...widths][0] : null;
  }
}

// ---------------------------------------------------------------- conditional formats

export class FakeConditionalFormatCollection
  extends FakeCollection<RangeRef, FakeConditionalFormat>
  implements Pick<Excel.ConditionalFormatCollection, "add" | "clearAll" | "getCount" | "items" | "load">
{
  constructor(
    engine: SyncEngine,
    private readonly range: FakeRange,
  ) {
    super(engine, "ConditionalFormatCollection", (dry) => range.target(dry));
  }
  get items(): Excel.ConditionalFormat[] {
    return real(this.itemsLoaded());
  }
  protected list(ref: RangeRef): FakeConditionalFormat[] {
    return ref.sheet
      .liveConditionalFormats()
      .filter((cf) => cf.rects.some((r) => intersect(r, ref.rect)))
      .map((cf) => new FakeConditionalFormat(this.engine, () => ({ sheet: ref.sheet, cf })));
  }
  load(option?: LoadOption): Excel.ConditionalFormatCollection {
    this.queueLoad(option);
    return real(this);
  }
  add(
    type:
      | Excel.ConditionalFormatType
      | "Custom"
      | "DataBar"
      | "ColorScale"
      | "IconSet"
      | "TopBottom"
      | "PresetCriteria"
      | "ContainsText"
      | "CellValue",
  ): Excel.ConditionalFormat {
    let created: { sheet: SheetModel; cf: ConditionalFormatModel } | undefined;
    this.queueChange(jsonSize(type), ({ sheet, rect }) => {
      writable(sheet, "ConditionalFormatCollection.add");
      const known = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];
      if (!known.includes(type)) fail("InvalidArgument", "ConditionalFormatCollection.add");
      const cf: ConditionalFormatModel = {
        id: this.engine.state.model.nextId("CF"),
        rects: [rect],
        type,
        textRule: null,
        formula: null,
        format: { fill: null, fontColor: null, bold: null, italic: null },
        deleted: false,
      };
      // A new rule goes to the top of the list, as in Excel.
      sheet.conditionalFormats.unshift(cf);
      created = { sheet, cf };
    });
    return real(new FakeConditionalFormat(this.engine, () => created ?? fail("ItemNotFound", "ConditionalFormatCollection.add")));
  }
  clearAll(): void {
    this.queueChange(0, ({ sheet, rect }) =>
      removeConditionalFormats(writable(sheet, "ConditionalFormatCollection.clearAll"), rect),
    );
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return real(
      new FakeClientResult(this.engine, (dry) => this.list(this.require(dry, "ConditionalFormatCollection.getCount")).length),
    );
  }
}

interface CfRef {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

function liveCf(ref: CfRef, location: string, type?: string): CfRef {
  if (ref.cf.deleted || ref.sheet.deleted) fail("ItemNotFound", location);
  if (type && ref.cf.type !== type) fail("InvalidOperation", location);
  return ref;
}

export class FakeConditionalFormat
  extends FakeObject<CfRef>
  implements Pick<Excel.ConditionalFormat, "type" | "id" | "textComparison" | "custom" | "delete" | "getRange" | "load">
{
  readonly textComparison: Excel.TextConditionalFormat;
  readonly custom: Excel.CustomConditionalFormat;
  constructor(engine: SyncEngine, find: (dry: boolean) => CfRef | null) {
    super(engine, "ConditionalFormat", find);
    this.textComparison = real(new FakeTextConditionalFormat(engine, this));
    this.custom = real(new FakeCustomConditionalFormat(engine, this));
  }
  get type(): Excel.ConditionalFormatType {
    return this.prop("type");
  }
  get id(): string {
    return this.prop("id");
  }
  load(option?: LoadOption): Excel.ConditionalFormat {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["type", "id"];
  }
  protected readScalar(name: string, ref: CfRef, acc: SyncAccumulator): unknown {
    if (name === "type") return ref.cf.type;
    if (name === "id") return ref.cf.id;
    return super.readScalar(name, ref, acc);
  }
  delete(): void {
    this.queueChange(0, (ref) => {
      writable(ref.sheet, "ConditionalFormat.delete");
      liveCf(ref, "ConditionalFormat.delete").cf.deleted = true;
    });
  }
  getRange(): Excel.Range {
    return real(
      new FakeRange(this.engine, (dry) => {
        const ref = liveCf(this.require(dry, "ConditionalFormat.getRange"), "ConditionalFormat.getRange");
        return { sheet: ref.sheet, rect: ref.cf.rects[0] };
      }),
    );
  }
}

type CfFormatPart = "fill" | "fontColor" | "bold" | "italic";

class FakeConditionalRangeFill extends FakeObject<CfRef> implements Pick<Excel.ConditionalRangeFill, "color" | "clear" | "load"> {
  constructor(
    engine: SyncEngine,
    private readonly owner: FakeConditionalFormat,
    private readonly type: string,
  ) {
    super(engine, "ConditionalRangeFill", (dry) => owner.target(dry));
  }
  get color(): string {
    return this.prop("color");
  }
  set color(value: string) {
    this._p.color = value;
    setCfFormat(this.owner, this.type, "fill", normaliseColor(value));
  }
  clear(): void {
    setCfFormat(this.owner, this.type, "fill", null);
  }
  load(option?: LoadOption): Excel.ConditionalRangeFill {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["color"];
  }
  protected readScalar(name: string, ref: CfRef, acc: SyncAccumulator): unknown {
    return name === "color" ? ref.cf.format.fill : super.readScalar(name, ref, acc);
  }
}

class FakeConditionalRangeFont
  extends FakeObject<CfRef>
  implements Pick<Excel.ConditionalRangeFont, "bold" | "color" | "italic" | "load">
{
  constructor(
    engine: SyncEngine,
    private readonly owner: FakeConditionalFormat,
    private readonly type: string,
  ) {
    super(engine, "ConditionalRangeFont", (dry) => owner.target(dry));
  }
  get bold(): boolean {
    return this.prop("bold");
  }
  set bold(value: boolean) {
    this._p.bold = value;
    setCfFormat(this.owner, this.type, "bold", value);
  }
  get italic(): boolean {
    return this.prop("italic");
  }
  set italic(value: boolean) {
    this._p.italic = value;
    setCfFormat(this.owner, this.type, "italic", value);
  }
  get color(): string {
    return this.prop("color");
  }
  set color(value: string) {
    this._p.color = value;
    setCfFormat(this.owner, this.type, "fontColor", normaliseColor(value));
  }
  load(option?: LoadOption): Excel.ConditionalRangeFont {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["bold", "italic", "color"];
  }
  protected readScalar(name: string, ref: CfRef, acc: SyncAccumulator): unknown {
    if (name === "bold") return ref.cf.format.bold;
    if (name === "italic") return ref.cf.format.italic;
    if (name === "color") return ref.cf.format.fontColor;
    return super.readScalar(name, ref, acc);
  }
}

function setCfFormat(owner: FakeConditionalFormat, type: string, part: CfFormatPart, value: string | boolean | null): void {
  owner.engine.enqueue({
    mutates: true,
    requestBytes: OPERATION_BYTES + jsonSize(value),
    run: (acc) => {
      const ref = liveCf(owner.require(acc.dry, "ConditionalRangeFormat"), "ConditionalRangeFormat", type);
      writable(ref.sheet, "ConditionalRangeFormat");
      (ref.cf.format as Record<CfFormatPart, unknown>)[part] = value;
    },
  });
}

class FakeConditionalRangeFormat implements Pick<Excel.ConditionalRangeFormat, "fill" | "font"> {
  readonly fill: Excel.ConditionalRangeFill;
  readonly font: Excel.ConditionalRangeFont;
  constructor(engine: SyncEngine, owner: FakeConditionalFormat, type: string) {
    this.fill = real(new FakeConditionalRangeFill(engine, owner, type));
    this.font = real(new FakeConditionalRangeFont(engine, owner, type));
  }
}

class FakeTextConditionalFormat
  extends FakeObject<CfRef>
  implements Pick<Excel.TextConditionalFormat, "rule" | "format" | "load">
{
  readonly format: Excel.ConditionalRangeFormat;
  constructor(
    engine: SyncEngine,
    private readonly owner: FakeConditionalFormat,
  ) {
    super(engine, "TextConditionalFormat", (dry) => owner.target(dry));
    this.format = real(new FakeConditionalRangeFormat(engine, owner, "ContainsText"));
  }
  get rule(): Excel.ConditionalTextComparisonRule {
    return this.prop("rule");
  }
  set rule(value: Excel.ConditionalTextComparisonRule) {
    this._p.rule = value;
    const operators = ["Contains", "NotContains", "BeginsWith", "EndsWith"];
    this.queueChange(jsonSize(value), (ref) => {
      liveCf(ref, "TextConditionalFormat.rule", "ContainsText");
      writable(ref.sheet, "TextConditionalFormat.rule");
      if (!value || !operators.includes(value.operator) || typeof value.text !== "string")
        fail("InvalidArgument", "TextConditionalFormat.rule");
      ref.cf.textRule = { operator: value.operator, text: value.text };
    });
  }
  load(option?: LoadOption): Excel.TextConditionalFormat {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["rule"];
  }
  protected readScalar(name: string, ref: CfRef, acc: SyncAccumulator): unknown {
    return name === "rule" ? (ref.cf.textRule ? { ...ref.cf.textRule } : null) : super.readScalar(name, ref, acc);
  }
}

class FakeConditionalFormatRule extends FakeObject<CfRef> implements Pick<Excel.ConditionalFormatRule, "formula" | "load"> {
  constructor(engine: SyncEngine, owner: FakeConditionalFormat) {
    super(engine, "ConditionalFormatRule", (dry) => owner.target(dry));
  }
  get formula(): string {
    return this.prop("formula");
  }
  set formula(value: string) {
    this._p.formula = value;
    this.queueChange(jsonSize(value), (ref) => {
      liveCf(ref, "ConditionalFormatRule.formula", "Custom");
      writable(ref.sheet, "ConditionalFormatRule.formula");
      if (typeof value !== "string" || value === "") fail("InvalidArgument", "ConditionalFormatRule.formula");
      ref.cf.formula = value;
    });
  }
  load(option?: LoadOption): Excel.ConditionalFormatRule {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["formula"];
  }
  protected readScalar(name: string, ref: CfRef, acc: SyncAccumulator): unknown {
    return name === "formula" ? (ref.cf.formula ?? "") : super.readScalar(name, ref, acc);
  }
}

class FakeCustomConditionalFormat implements Pick<Excel.CustomConditionalFormat, "rule" | "format"> {
  readonly rule: Excel.ConditionalFormatRule;
  readonly format: Excel.ConditionalRangeFormat;
  constructor(engine: SyncEngine, owner: FakeConditionalFormat) {
    this.rule = real(new FakeConditionalFormatRule(engine, owner));
    this.format = real(new FakeConditionalRangeFormat(engine, owner, "Custom"));
  }
}

// ---------------------------------------------------------------- names

const NAME_SHAPE = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

export function nameType(formula: string, model: WorkbookModel): string {
  const body = formula.replace(/^=/, "").trim();
  if (/^#[A-Z/0!?]+/.test(body)) return "Error";
  if (/^".*"$/.test(body)) return "String";
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(body)) return Number.isInteger(Number(body)) ? "Integer" : "Double";
  if (/^(TRUE|FALSE)$/i.test(body)) return "Boolean";
  const parsed = parseAddress(body);
  if (parsed?.sheet !== undefined && model.sheetByName(parsed.sheet)) return "Range";
  return "String";
}

function nameRange(model: WorkbookModel, n: NameModel): RangeRef | null {
  const parsed = parseAddress(n.formula);
  const sheet = parsed?.sheet !== undefined ? model.sheetByName(parsed.sheet) : undefined;
  return parsed && sheet ? { sheet, rect: parsed.rect } : null;
}

export class FakeNamedItemCollection
  extends FakeCollection<WorkbookModel, FakeNamedItem>
  implements Pick<Excel.NamedItemCollection, "add" | "getItem" | "getItemOrNullObject" | "getCount" | "items" | "load">
{
  constructor(engine: SyncEngine) {
    super(engine, "NamedItemCollection", () => engine.state.model);
  }
  get items(): Excel.NamedItem[] {
    return real(this.itemsLoaded());
  }
  protected list(model: WorkbookModel): FakeNamedItem[] {
    return model.liveNames().map((n) => new FakeNamedItem(this.engine, () => n));
  }
  load(option?: LoadOption): Excel.NamedItemCollection {
    this.queueLoad(option);
    return real(this);
  }
  private find(name: string): NameModel | undefined {
    return this.engine.state.model.liveNames().find((n) => n.name.toLowerCase() === name.toLowerCase());
  }
  add(name: string, reference: Excel.Range | string, comment?: string): Excel.NamedItem {
    let created: NameModel | undefined;
    const model = this.engine.state.model;
    this.queueChange(
      jsonSize(name) + jsonSize(typeof reference === "string" ? reference : "") + jsonSize(comment ?? ""),
      (_m, acc) => {
        const location = "NamedItemCollection.add";
        if (!NAME_SHAPE.test(name) || name.length > 255 || parseAddress(name) || /^[RrCc]$/.test(name))
          fail("InvalidArgument", location);
        if (this.find(name)) fail("ItemAlreadyExists", location);
        let formula: string;
        if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
        else {
          const ref = resolveRangeArg(model, reference, undefined, acc.dry, location);
          formula = `=${qualifiedAddress(ref.sheet.name, ref.rect, true)}`;
        }
        created = { name, formula, comment: comment ?? "", deleted: false };
        model.names.push(created);
      },
    );
    return real(new FakeNamedItem(this.engine, () => created ?? fail("ItemNotFound", "NamedItemCollection.add")));
  }
  getItem(name: string): Excel.NamedItem {
    return real(new FakeNamedItem(this.engine, () => this.find(name) ?? fail("ItemNotFound", "NamedItemCollection.getItem")));
  }
  getItemOrNullObject(name: string): Excel.NamedItem {
    return real(new FakeNamedItem(this.engine, () => this.find(name) ?? null, true));
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return real(new FakeClientResult(this.engine, () => this.engine.state.model.liveNames().length));
  }
}

export class FakeNamedItem
  extends FakeObject<NameModel>
  implements
    Pick<
      Excel.NamedItem,
      | "name"
      | "formula"
      | "value"
      | "type"
      | "comment"
      | "visible"
      | "delete"
      | "getRange"
      | "getRangeOrNullObject"
      | "load"
      | "isNullObject"
    >
{
  constructor(engine: SyncEngine, find: (dry: boolean) => NameModel | null, nullable = false) {
    super(engine, "NamedItem", find, nullable);
  }
  get name(): string {
    return this.prop("name");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formula(): any {
    return this.prop("formula");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formula(value: any) {
    this._p.formula = value;
    this.queueChange(jsonSize(value), (n) => {
      if (n.deleted) fail("ItemNotFound", "NamedItem.formula");
      n.formula = String(value).startsWith("=") ? String(value) : `=${value}`;
    });
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get value(): any {
    return this.prop("value");
  }
  get type(): Excel.NamedItemType {
    return this.prop("type");
  }
  get comment(): string {
    return this.prop("comment");
  }
  get visible(): boolean {
    return this.prop("visible");
  }
  load(option?: LoadOption): Excel.NamedItem {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["name", "formula", "value", "type", "comment", "visible"];
  }
  protected readScalar(name: string, n: NameModel, acc: SyncAccumulator): unknown {
    const model = this.engine.state.model;
    switch (name) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "value": {
        // For a range, Excel gives the address the name refers to.
        const type = nameType(n.formula, model);
        const body = n.formula.replace(/^=/, "");
        if (type === "Range") return body;
        if (type === "Integer" || type === "Double") return Number(body);
        if (type === "Boolean") return /^true$/i.test(body);
        if (type === "String" && /^".*"$/.test(body)) return body.slice(1, -1).replace(/""/g, '"');
        return body;
      }
      case "type":
        return nameType(n.formula, model);
      case "comment":
        return n.comment;
      case "visible":
        return true;
      default:
        return super.readScalar(name, n, acc);
    }
  }
  delete(): void {
    this.queueChange(0, (n) => {
      if (n.deleted) fail("ItemNotFound", "NamedItem.delete");
      n.deleted = true;
    });
  }
  private range(nullable: boolean): Excel.Range {
    const location = nullable ? "NamedItem.getRangeOrNullObject" : "NamedItem.getRange";
    return real(
      new FakeRange(
        this.engine,
        (dry) => {
          const n = this.target(dry);
          const ref = n && !n.deleted ? nameRange(this.engine.state.model, n) : null;
          return ref ?? (nullable ? null : fail(n ? "InvalidOperation" : "ItemNotFound", location));
        },
        nullable,
      ),
    );
  }
  getRange(): Excel.Range {
    return this.range(false);
  }
  getRangeOrNullObject(): Excel.Range {
    return this.range(true);
  }
}

// ---------------------------------------------------------------- tables

interface TableRef {
  sheet: SheetModel;
  table: TableModel;
}

export class FakeTableCollection
  extends FakeCollection<SheetModel | WorkbookModel, FakeTable>
  implements Pick<Excel.TableCollection, "add" | "getItem" | "getItemOrNullObject" | "getCount" | "items" | "count" | "load">
{
  /** `sheet` null: the workbook's collection. */
  constructor(
    engine: SyncEngine,
    private readonly sheet: (dry: boolean) => SheetModel | null,
  ) {
    super(engine, "TableCollection", (dry) => sheet(dry) ?? engine.state.model);
  }
  get items(): Excel.Table[] {
    return real(this.itemsLoaded());
  }
  get count(): number {
    return this.prop("count");
  }
  private refs(dry: boolean): TableRef[] {
    const s = this.sheet(dry);
    return s ? s.liveTables().map((table) => ({ sheet: s, table })) : this.engine.state.model.allTables();
  }
  protected list(_t: unknown, dry: boolean): FakeTable[] {
    return this.refs(dry).map((ref) => new FakeTable(this.engine, () => ref));
  }
  protected scalarNames(): string[] {
    return ["count"];
  }
  protected readScalar(name: string, t: SheetModel | WorkbookModel, acc: SyncAccumulator): unknown {
    return name === "count" ? this.refs(acc.dry).length : super.readScalar(name, t, acc);
  }
  load(option?: LoadOption): Excel.TableCollection {
    this.queueLoad(option);
    return real(this);
  }
  add(address: Excel.Range | string, hasHeaders: boolean): Excel.Table {
    let created: TableRef | undefined;
    const model = this.engine.state.model;
    this.queueChange(jsonSize(typeof address === "string" ? address : ""), (_t, acc) => {
      const location = "TableCollection.add";
      const own = this.sheet(acc.dry);
      const active = model.liveSheets().find((s) => s.id === model.activeSheetId);
      const ref = resolveRangeArg(model, address, own ?? active, acc.dry, location);
      if (own && ref.sheet !== own) fail("InvalidArgument", location);
      writable(ref.sheet, location);
      if (ref.sheet.liveTables().some((t) => intersect(t.rect, ref.rect))) fail("InvalidOperation", location);
      const table = addTableModel(model, ref.sheet, ref.rect, hasHeaders);
      created = { sheet: ref.sheet, table };
    });
    return real(new FakeTable(this.engine, () => created ?? fail("ItemNotFound", "TableCollection.add")));
  }
  private find(key: string): TableRef | undefined {
    return this.refs(false).find((r) => r.table.name.toLowerCase() === key.toLowerCase() || r.table.id === key);
  }
  getItem(key: string): Excel.Table {
    return real(new FakeTable(this.engine, () => this.find(key) ?? fail("ItemNotFound", "TableCollection.getItem")));
  }
  getItemOrNullObject(key: string): Excel.Table {
    return real(new FakeTable(this.engine, () => this.find(key) ?? null, true));
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return real(new FakeClientResult(this.engine, (dry) => this.refs(dry).length));
  }
}

export function addTableModel(
  model: WorkbookModel,
  sheet: SheetModel,
  rect: Rect,
  hasHeaders: boolean,
  name?: string,
): TableModel {
  let n = name;
  if (!n) {
    do n = `Table${++model.tableCounter}`;
    while (model.allTables().some((t) => t.table.name === n));
  }
  const table: TableModel = { id: String(++model.tableCounter + 100), name: n, rect, hasHeaders, deleted: false };
  sheet.tables.push(table);
  return table;
}

export class FakeTableScopedCollection
  extends FakeCollection<TableRef[], FakeTable>
  implements Pick<Excel.TableScopedCollection, "items" | "getFirst" | "getCount" | "getItemOrNullObject" | "load">
{
  constructor(
    engine: SyncEngine,
    private readonly tables: (dry: boolean) => TableModel[],
  ) {
    super(engine, "TableScopedCollection", (dry) => {
      const list = tables(dry);
      return list.map((table) => ({ sheet: engine.state.model.liveSheets().find((s) => s.tables.includes(table))!, table }));
    });
  }
  get items(): Excel.Table[] {
    return real(this.itemsLoaded());
  }
  protected list(refs: TableRef[]): FakeTable[] {
    return refs.map((ref) => new FakeTable(this.engine, () => ref));
  }
  load(option?: LoadOption): Excel.TableScopedCollection {
    this.queueLoad(option);
    return real(this);
  }
  getFirst(): Excel.Table {
    return real(
      new FakeTable(
        this.engine,
        (dry) => this.require(dry, "TableScopedCollection.getFirst")[0] ?? fail("ItemNotFound", "TableScopedCollection.getFirst"),
      ),
    );
  }
  /** Not in the typings (office-js has only getFirst), kept for callers that test for no table without a throw. */
  getFirstOrNullObject(): Excel.Table {
    return real(
      new FakeTable(this.engine, (dry) => this.require(dry, "TableScopedCollection.getFirstOrNullObject")[0] ?? null, true),
    );
  }
  getItemOrNullObject(key: string): Excel.Table {
    return real(
      new FakeTable(
        this.engine,
        (dry) =>
          this.require(dry, "TableScopedCollection.getItemOrNullObject").find(
            (r) => r.table.name.toLowerCase() === key.toLowerCase(),
          ) ?? null,
        true,
      ),
    );
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return real(new FakeClientResult(this.engine, (dry) => this.require(dry, "TableScopedCollection.getCount").length));
  }
}

export class FakeTable
  extends FakeObject<TableRef>
  implements
    Pick<
      Excel.Table,
      | "name"
      | "id"
      | "showHeaders"
      | "worksheet"
      | "getRange"
      | "getHeaderRowRange"
      | "getDataBodyRange"
      | "delete"
      | "load"
      | "isNullObject"
    >
{
  readonly worksheet: Excel.Worksheet;
  constructor(engine: SyncEngine, find: (dry: boolean) => TableRef | null, nullable = false) {
    super(engine, "Table", find, nullable);
    this.worksheet = real(new FakeWorksheet(engine, (dry) => this.require(dry, "Table.worksheet").sheet));
  }
  get name(): string {
    return this.prop("name");
  }
  set name(value: string) {
    this._p.name = value;
    this.queueChange(jsonSize(value), (ref) => {
      const model = this.engine.state.model;
      if (!NAME_SHAPE.test(value) || parseAddress(value)) fail("InvalidArgument", "Table.name");
      if (model.allTables().some((t) => t.table !== ref.table && t.table.name.toLowerCase() === value.toLowerCase()))
        fail("ItemAlreadyExists", "Table.name");
      ref.table.name = value;
    });
  }
  get id(): string {
    return this.prop("id");
  }
  get showHeaders(): boolean {
    return this.prop("showHeaders");
  }
  load(option?: LoadOption): Excel.Table {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["name", "id", "showHeaders"];
  }
  protected readScalar(name: string, ref: TableRef, acc: SyncAccumulator): unknown {
    if (ref.table.deleted) fail("ItemNotFound", "Table.load");
    if (name === "name") return ref.table.name;
    if (name === "id") return ref.table.id;
    if (name === "showHeaders") return ref.table.hasHeaders;
    return super.readScalar(name, ref, acc);
  }
  private part(location: string, f: (t: TableModel) => Rect | null): Excel.Range {
    return real(
      new FakeRange(this.engine, (dry) => {
        const ref = this.require(dry, location);
        if (ref.table.deleted) fail("ItemNotFound", location);
        const rect = f(ref.table);
        return rect ? { sheet: ref.sheet, rect } : fail("ItemNotFound", location);
      }),
    );
  }
  getRange(): Excel.Range {
    return this.part("Table.getRange", (t) => t.rect);
  }
  getHeaderRowRange(): Excel.Range {
    return this.part("Table.getHeaderRowRange", (t) => (t.hasHeaders ? { ...t.rect, rows: 1 } : null));
  }
  getDataBodyRange(): Excel.Range {
    return this.part("Table.getDataBodyRange", (t) =>
      t.hasHeaders ? (t.rect.rows > 1 ? { ...t.rect, row: t.rect.row + 1, rows: t.rect.rows - 1 } : null) : t.rect,
    );
  }
  delete(): void {
    this.queueChange(0, (ref) => {
      writable(ref.sheet, "Table.delete");
      if (ref.table.deleted) fail("ItemNotFound", "Table.delete");
      ref.table.deleted = true;
    });
  }
}

// ---------------------------------------------------------------- charts

interface ChartRef {
  sheet: SheetModel;
  chart: ChartModel;
}

function liveChart(ref: ChartRef, location: string): ChartRef {
  if (ref.chart.deleted || ref.sheet.deleted) fail("ItemNotFound", location);
  return ref;
}

/** Series as Excel makes them from a block with a header row and a category column. */
export function chartSeriesNames(model: WorkbookModel, sheet: SheetModel, chart: ChartModel): string[] {
  const { source } = chart;
  const byRows = chart.seriesBy === "Rows" || (chart.seriesBy === "Auto" && source.columns > source.rows);
  const count = byRows ? source.rows : source.columns;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (count > 1 && i === 0) continue;
    const v = byRows ? model.value(sheet, source.row + i, source.column) : model.value(sheet, source.row, source.column + i);
    names.push(typeof v === "string" && v !== "" ? v : `Series${names.length + 1}`);
  }
  return names;
}

export class FakeChartCollection
  extends FakeCollection<SheetModel, FakeChart>
  implements Pick<Excel.ChartCollection, "add" | "getItem" | "getItemOrNullObject" | "getCount" | "items" | "count" | "load">
{
  constructor(
    engine: SyncEngine,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(engine, "ChartCollection", (dry) => worksheet.require(dry, "Worksheet.charts"));
  }
  get items(): Excel.Chart[] {
    return real(this.itemsLoaded());
  }
  get count(): number {
    return this.prop("count");
  }
  protected list(sheet: SheetModel): FakeChart[] {
    return sheet.liveCharts().map((chart) => new FakeChart(this.engine, () => ({ sheet, chart })));
  }
  protected scalarNames(): string[] {
    return ["count"];
  }
  protected readScalar(name: string, sheet: SheetModel, acc: SyncAccumulator): unknown {
    return name === "count" ? sheet.liveCharts().length : super.readScalar(name, sheet, acc);
  }
  load(option?: LoadOption): Excel.ChartCollection {
    this.queueLoad(option);
    return real(this);
  }
  add(
    type: Excel.ChartType | string,
    sourceData: Excel.Range,
    seriesBy?: Excel.ChartSeriesBy | "Auto" | "Columns" | "Rows",
  ): Excel.Chart {
    let created: ChartRef | undefined;
    this.queueChange(jsonSize(type), (sheet, acc) => {
      const location = "ChartCollection.add";
      writable(sheet, location);
      const src = resolveRangeArg(this.engine.state.model, sourceData, sheet, acc.dry, location);
      if (src.sheet !== sheet) fail("InvalidArgument", location);
      const chart: ChartModel = {
        id: this.engine.state.model.nextId("Chart"),
        name: `Chart ${++sheet.chartCounter}`,
        type: String(type),
        source: src.rect,
        seriesBy: seriesBy ?? "Auto",
        title: "",
        position: null,
        deleted: false,
      };
      sheet.charts.push(chart);
      created = { sheet, chart };
    });
    return real(new FakeChart(this.engine, () => created ?? fail("ItemNotFound", "ChartCollection.add")));
  }
  private find(sheet: SheetModel, name: string): ChartRef | null {
    const chart = sheet.liveCharts().find((c) => c.name === name);
    return chart ? { sheet, chart } : null;
  }
  getItem(name: string): Excel.Chart {
    return real(
      new FakeChart(
        this.engine,
        (dry) => this.find(this.require(dry, "ChartCollection.getItem"), name) ?? fail("ItemNotFound", "ChartCollection.getItem"),
      ),
    );
  }
  getItemOrNullObject(name: string): Excel.Chart {
    return real(
      new FakeChart(
        this.engine,
        (dry) => {
          const sheet = this.worksheet.target(dry);
          return sheet ? this.find(sheet, name) : null;
        },
        true,
      ),
    );
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return real(new FakeClientResult(this.engine, (dry) => this.require(dry, "ChartCollection.getCount").liveCharts().length));
  }
}

class FakeChartTitle extends FakeObject<ChartRef> implements Pick<Excel.ChartTitle, "text" | "load"> {
  constructor(engine: SyncEngine, chart: FakeChart) {
    super(engine, "ChartTitle", (dry) => chart.target(dry));
  }
  get text(): string {
    return this.prop("text");
  }
  set text(value: string) {
    this._p.text = value;
    this.queueChange(jsonSize(value), (ref) => {
      writable(liveChart(ref, "ChartTitle.text").sheet, "ChartTitle.text");
      ref.chart.title = value;
    });
  }
  load(option?: LoadOption): Excel.ChartTitle {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["text"];
  }
  protected readScalar(name: string, ref: ChartRef, acc: SyncAccumulator): unknown {
    return name === "text" ? liveChart(ref, "ChartTitle.load").chart.title : super.readScalar(name, ref, acc);
  }
}

class FakeChartSeries extends FakeObject<string> implements Pick<Excel.ChartSeries, "name" | "load"> {
  constructor(engine: SyncEngine, name: string) {
    super(engine, "ChartSeries", () => name);
  }
  get name(): string {
    return this.prop("name");
  }
  load(option?: LoadOption): Excel.ChartSeries {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["name"];
  }
  protected readScalar(name: string, n: string, acc: SyncAccumulator): unknown {
    return name === "name" ? n : super.readScalar(name, n, acc);
  }
}

class FakeChartSeriesCollection
  extends FakeCollection<ChartRef, FakeChartSeries>
  implements Pick<Excel.ChartSeriesCollection, "items" | "count" | "getCount" | "load">
{
  constructor(engine: SyncEngine, chart: FakeChart) {
    super(engine, "ChartSeriesCollection", (dry) => chart.target(dry));
  }
  get items(): Excel.ChartSeries[] {
    return real(this.itemsLoaded());
  }
  get count(): number {
    return this.prop("count");
  }
  private names(ref: ChartRef): string[] {
    return chartSeriesNames(this.engine.state.model, ref.sheet, liveChart(ref, "Chart.series").chart);
  }
  protected list(ref: ChartRef): FakeChartSeries[] {
    return this.names(ref).map((n) => new FakeChartSeries(this.engine, n));
  }
  protected scalarNames(): string[] {
    return ["count"];
  }
  protected readScalar(name: string, ref: ChartRef, acc: SyncAccumulator): unknown {
    return name === "count" ? this.names(ref).length : super.readScalar(name, ref, acc);
  }
  load(option?: LoadOption): Excel.ChartSeriesCollection {
    this.queueLoad(option);
    return real(this);
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return real(
      new FakeClientResult(this.engine, (dry) => this.names(this.require(dry, "ChartSeriesCollection.getCount")).length),
    );
  }
}

export class FakeChart
  extends FakeObject<ChartRef>
  implements
    Pick<Excel.Chart, "name" | "id" | "chartType" | "title" | "series" | "setPosition" | "delete" | "load" | "isNullObject">
{
  readonly title: Excel.ChartTitle;
  readonly series: Excel.ChartSeriesCollection;
  private readonly titleFake: FakeChartTitle;
  private readonly seriesFake: FakeChartSeriesCollection;
  constructor(engine: SyncEngine, find: (dry: boolean) => ChartRef | null, nullable = false) {
    super(engine, "Chart", find, nullable);
    this.titleFake = new FakeChartTitle(engine, this);
    this.seriesFake = new FakeChartSeriesCollection(engine, this);
    this.title = real(this.titleFake);
    this.series = real(this.seriesFake);
  }
  get name(): string {
    return this.prop("name");
  }
  set name(value: string) {
    this._p.name = value;
    this.queueChange(jsonSize(value), (ref) => {
      liveChart(ref, "Chart.name");
      if (ref.sheet.liveCharts().some((c) => c !== ref.chart && c.name === value)) fail("ItemAlreadyExists", "Chart.name");
      ref.chart.name = value;
    });
  }
  get id(): string {
    return this.prop("id");
  }
  get chartType(): Excel.ChartType {
    return this.prop("chartType");
  }
  load(option?: LoadOption): Excel.Chart {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["name", "id", "chartType"];
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    return name === "title" ? this.titleFake : name === "series" ? this.seriesFake : undefined;
  }
  protected readScalar(name: string, ref: ChartRef, acc: SyncAccumulator): unknown {
    liveChart(ref, "Chart.load");
    if (name === "name") return ref.chart.name;
    if (name === "id") return ref.chart.id;
    if (name === "chartType") return ref.chart.type;
    return super.readScalar(name, ref, acc);
  }
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this.queueChange(0, (ref, acc) => {
      const location = "Chart.setPosition";
      writable(liveChart(ref, location).sheet, location);
      const model = this.engine.state.model;
      const start = resolveRangeArg(model, startCell, ref.sheet, acc.dry, location);
      const end = endCell === undefined ? null : resolveRangeArg(model, endCell, ref.sheet, acc.dry, location);
      ref.chart.position = {
        start: qualifiedAddress(start.sheet.name, { ...start.rect, rows: 1, columns: 1 }),
        end: end ? qualifiedAddress(end.sheet.name, { ...end.rect, rows: 1, columns: 1 }) : null,
      };
    });
  }
  delete(): void {
    this.queueChange(0, (ref) => {
      writable(liveChart(ref, "Chart.delete").sheet, "Chart.delete");
      ref.chart.deleted = true;
    });
  }
}
