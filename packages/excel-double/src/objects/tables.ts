/** Tables: workbook, worksheet and range-scoped collections. */
import { intersect, parseAddress, type Rect } from "../address";
import { FakeClientResult, FakeCollection, FakeObject, type LoadOption, real } from "../base";
import { type SyncAccumulator, SyncEngine } from "../context";
import { jsonSize, SheetModel, type TableModel, WorkbookModel } from "../model";
import { NAME_SHAPE } from "./names";
import { FakeRange } from "./range";
import { fail, resolveRangeArg, writable } from "./shared";
import { FakeWorksheet } from "./worksheet";

export interface TableRef {
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
