/**
 * Worksheet protection and workbook structure protection. A protected sheet refuses writes to locked
 * cells (every cell is locked until format.protection.locked = false) and format changes its options
 * do not allow; a protected structure refuses adding, deleting, renaming, moving, hiding and showing
 * sheets. Refusals are AccessDenied, raised at the sync, like Excel's.
 */
import { FakeObject, type LoadOption, real } from "../base";
import { type SyncAccumulator, SyncEngine } from "../context";
import { DEFAULT_PROTECTION_OPTIONS, SheetModel, WorkbookModel } from "../model";
import { fail, live } from "./shared";

export class FakeWorksheetProtection
  extends FakeObject<SheetModel>
  implements Pick<Excel.WorksheetProtection, "protected" | "options" | "protect" | "unprotect" | "load" | "isNullObject">
{
  constructor(engine: SyncEngine, find: (dry: boolean) => SheetModel | null) {
    super(engine, "WorksheetProtection", find);
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.prop("options");
  }
  load(option?: LoadOption): Excel.WorksheetProtection {
    this.queueLoad(option);
    return real(this);
  }
  /** Fails (AccessDenied) on a sheet already protected, as the docs say protect() does. */
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.queueChange(0, (sheet) => {
      const location = "WorksheetProtection.protect";
      live(sheet, location);
      if (sheet.protected) fail("AccessDenied", location);
      if (options !== undefined && (typeof options !== "object" || options === null)) fail("InvalidArgument", location);
      sheet.protected = true;
      sheet.protectionOptions = { ...DEFAULT_PROTECTION_OPTIONS, ...(options ?? {}) };
      sheet.protectionPassword = password ?? "";
    });
  }
  /** A wrong password fails with InvalidArgument; unprotecting an unprotected sheet does nothing. */
  unprotect(password?: string): void {
    this.queueChange(0, (sheet) => {
      const location = "WorksheetProtection.unprotect";
      live(sheet, location);
      if (!sheet.protected) return;
      if (sheet.protectionPassword !== "" && password !== sheet.protectionPassword) fail("InvalidArgument", location);
      sheet.protected = false;
      sheet.protectionOptions = { ...DEFAULT_PROTECTION_OPTIONS };
      sheet.protectionPassword = "";
    });
  }
  protected scalarNames(): string[] {
    return ["protected", "options"];
  }
  protected readScalar(name: string, sheet: SheetModel, acc: SyncAccumulator): unknown {
    if (name === "protected") return sheet.protected;
    if (name === "options") return { ...sheet.protectionOptions };
    return super.readScalar(name, sheet, acc);
  }
}

export class FakeWorkbookProtection
  extends FakeObject<WorkbookModel>
  implements Pick<Excel.WorkbookProtection, "protected" | "protect" | "unprotect" | "load">
{
  constructor(engine: SyncEngine) {
    super(engine, "WorkbookProtection", () => engine.state.model);
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  load(option?: LoadOption): Excel.WorkbookProtection {
    this.queueLoad(option);
    return real(this);
  }
  /** Fails (AccessDenied) when the structure is already protected ("Fails if the workbook has been protected"). */
  protect(password?: string): void {
    this.queueChange(0, (model) => {
      if (model.structureProtection.protected) fail("AccessDenied", "WorkbookProtection.protect");
      model.structureProtection = { protected: true, password: password ?? "" };
    });
  }
  unprotect(password?: string): void {
    this.queueChange(0, (model) => {
      const p = model.structureProtection;
      if (!p.protected) return;
      if (p.password !== "" && password !== p.password) fail("InvalidArgument", "WorkbookProtection.unprotect");
      model.structureProtection = { protected: false, password: "" };
    });
  }
  protected scalarNames(): string[] {
    return ["protected"];
  }
  protected readScalar(name: string, model: WorkbookModel, acc: SyncAccumulator): unknown {
    return name === "protected" ? model.structureProtection.protected : super.readScalar(name, model, acc);
  }
}
