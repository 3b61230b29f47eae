/** The worksheet collection: look-ups, adding, counting. */
import { FakeClientResult, FakeCollection, type LoadOption, real } from "../base";
import { SyncEngine } from "../context";
import { jsonSize, SheetModel, WorkbookModel } from "../model";
import { fail, structureWritable } from "./shared";
import { FakeWorksheet } from "./worksheet";

export const SHEET_NAME_BAD = /[[\]:*?/\\]/;

export function checkSheetName(model: WorkbookModel, name: string, location: string, except?: SheetModel): void {
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
    return real(
      new FakeClientResult(
        this.engine,
        () => this.engine.state.model.liveSheets().filter((s) => !visibleOnly || s.visibility === "Visible").length,
      ),
    );
  }
  add(name?: string): Excel.Worksheet {
    const model = this.engine.state.model;
    let created: SheetModel | undefined;
    this.queueChange(jsonSize(name ?? ""), () => {
      structureWritable(model, "WorksheetCollection.add");
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
