/** One worksheet: its ranges, used range, name, position, activation and deletion. */
import { MAX_COLUMNS, MAX_ROWS, parseAddress, type Rect } from "../address";
import { FakeObject, type LoadOption, real } from "../base";
import { OPERATION_BYTES, type SyncAccumulator, SyncEngine } from "../context";
import { jsonSize, SheetModel } from "../model";
import { FakeChartCollection } from "./charts";
import { FakeAutoFilter } from "./autoFilter";
import { FakeNamedItemCollection } from "./names";
import { FakeWorksheetProtection } from "./protection";
import { FakeRange } from "./range";
import { checkedRect, fail, live, structureWritable } from "./shared";
import { FakeTableCollection } from "./tables";
import { FakePageLayout } from "./pageLayout";
import { FakeFreezePanes } from "./worksheetParts";
import { checkSheetName } from "./worksheets";

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
      | "visibility"
      | "names"
      | "autoFilter"
      | "pageLayout"
    >
{
  readonly names: Excel.NamedItemCollection;
  readonly autoFilter: Excel.AutoFilter;
  readonly protection: Excel.WorksheetProtection;
  readonly freezePanes: Excel.WorksheetFreezePanes;
  readonly charts: Excel.ChartCollection;
  readonly tables: Excel.TableCollection;
  readonly pageLayout: Excel.PageLayout;
  private readonly pageLayoutFake: FakePageLayout;
  private readonly protectionFake: FakeWorksheetProtection;

  constructor(engine: SyncEngine, find: (dry: boolean) => SheetModel | null, nullable = false) {
    super(engine, "Worksheet", find, nullable);
    this.protectionFake = new FakeWorksheetProtection(engine, (dry) => this.target(dry));
    this.protection = real(this.protectionFake);
    this.freezePanes = real(new FakeFreezePanes(this));
    this.charts = real(new FakeChartCollection(engine, this));
    this.tables = real(new FakeTableCollection(engine, (dry) => this.require(dry, "Worksheet.tables")));
    this.names = real(new FakeNamedItemCollection(engine, (dry) => this.target(dry)));
    this.autoFilter = real(new FakeAutoFilter(engine, this));
    this.pageLayoutFake = new FakePageLayout(engine, this);
    this.pageLayout = real(this.pageLayoutFake);
  }
  get visibility(): Excel.SheetVisibility {
    return this.prop("visibility");
  }
  set visibility(value: Excel.SheetVisibility) {
    this._p.visibility = value;
    this.queueChange(jsonSize(value), (s) => {
      const location = "Worksheet.visibility";
      const model = this.engine.state.model;
      structureWritable(model, location);
      if (!["Visible", "Hidden", "VeryHidden"].includes(value)) fail("InvalidArgument", location);
      // Excel keeps at least one sheet visible.
      if (value !== "Visible" && !model.liveSheets().some((x) => x !== s && x.visibility === "Visible"))
        fail("InvalidOperation", location);
      live(s, location).visibility = value;
    });
  }
  get name(): string {
    return this.prop("name");
  }
  set name(value: string) {
    this._p.name = value;
    this.queueChange(jsonSize(value), (s) => {
      if (s.name !== value) structureWritable(this.engine.state.model, "Worksheet.name");
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
      structureWritable(model, "Worksheet.position");
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
    if (name === "autoFilter") return real<FakeAutoFilter>(this.autoFilter);
    if (name === "pageLayout") return this.pageLayoutFake;
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
        return s.visibility;
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
        // Excel will not show a hidden or very hidden sheet's tab: activating one fails.
        if (s.visibility !== "Visible") fail("InvalidOperation", "Worksheet.activate");
        this.engine.state.model.activate(s);
      },
    });
  }
  delete(): void {
    this.queueChange(0, (s) => {
      const model = this.engine.state.model;
      live(s, "Worksheet.delete");
      structureWritable(model, "Worksheet.delete");
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
