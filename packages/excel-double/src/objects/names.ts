/** Named items. */
import { parseAddress, qualifiedAddress } from "../address";
import { FakeClientResult, FakeCollection, FakeObject, type LoadOption, real } from "../base";
import { type SyncAccumulator, SyncEngine } from "../context";
import { jsonSize, type NameModel, SheetModel, WorkbookModel } from "../model";
import { FakeRange } from "./range";
import { fail, type RangeRef, resolveRangeArg } from "./shared";

export const NAME_SHAPE = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

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

export function nameRange(model: WorkbookModel, n: NameModel): RangeRef | null {
  const parsed = parseAddress(n.formula);
  const sheet = parsed?.sheet !== undefined ? model.sheetByName(parsed.sheet) : undefined;
  return parsed && sheet ? { sheet, rect: parsed.rect } : null;
}

/** The names of one scope: the workbook's (`scope` null) or one worksheet's, as workbook.names and worksheet.names are. */
interface NameScope {
  scope: SheetModel | null;
}

export class FakeNamedItemCollection
  extends FakeCollection<NameScope, FakeNamedItem>
  implements Pick<Excel.NamedItemCollection, "add" | "getItem" | "getItemOrNullObject" | "getCount" | "items" | "load">
{
  /** `sheet` undefined: the workbook's names; otherwise the names scoped to the sheet it finds. */
  constructor(engine: SyncEngine, sheet?: (dry: boolean) => SheetModel | null) {
    super(engine, "NamedItemCollection", (dry) => {
      if (!sheet) return { scope: null };
      const s = sheet(dry);
      return s ? { scope: s } : null;
    });
  }
  get items(): Excel.NamedItem[] {
    return real(this.itemsLoaded());
  }
  protected list({ scope }: NameScope): FakeNamedItem[] {
    return this.engine.state.model.liveNames(scope).map((n) => new FakeNamedItem(this.engine, () => n));
  }
  load(option?: LoadOption): Excel.NamedItemCollection {
    this.queueLoad(option);
    return real(this);
  }
  private find(name: string, dry: boolean): NameModel | undefined {
    const scope = this.require(dry, "NamedItemCollection").scope;
    return this.engine.state.model.liveNames(scope).find((n) => n.name.toLowerCase() === name.toLowerCase());
  }
  add(name: string, reference: Excel.Range | string, comment?: string): Excel.NamedItem {
    let created: NameModel | undefined;
    const model = this.engine.state.model;
    this.queueChange(
      jsonSize(name) + jsonSize(typeof reference === "string" ? reference : "") + jsonSize(comment ?? ""),
      ({ scope }, acc) => {
        const location = "NamedItemCollection.add";
        if (!NAME_SHAPE.test(name) || name.length > 255 || parseAddress(name) || /^[RrCc]$/.test(name))
          fail("InvalidArgument", location);
        if (this.find(name, acc.dry)) fail("ItemAlreadyExists", location);
        let formula: string;
        if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
        else {
          const ref = resolveRangeArg(model, reference, undefined, acc.dry, location);
          formula = `=${qualifiedAddress(ref.sheet.name, ref.rect, true)}`;
        }
        created = { name, sheetId: scope ? scope.id : null, formula, comment: comment ?? "", deleted: false };
        model.names.push(created);
      },
    );
    return real(new FakeNamedItem(this.engine, () => created ?? fail("ItemNotFound", "NamedItemCollection.add")));
  }
  getItem(name: string): Excel.NamedItem {
    return real(
      new FakeNamedItem(this.engine, (dry) => this.find(name, dry) ?? fail("ItemNotFound", "NamedItemCollection.getItem")),
    );
  }
  getItemOrNullObject(name: string): Excel.NamedItem {
    return real(new FakeNamedItem(this.engine, (dry) => (this.target(dry) ? (this.find(name, dry) ?? null) : null), true));
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return real(new FakeClientResult(this.engine, (dry) => this.list(this.require(dry, "NamedItemCollection.getCount")).length));
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
      | "scope"
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
  get scope(): Excel.NamedItemScope {
    return this.prop("scope");
  }
  load(option?: LoadOption): Excel.NamedItem {
    this.queueLoad(option);
    return real(this);
  }
  protected scalarNames(): string[] {
    return ["name", "formula", "value", "type", "comment", "visible", "scope"];
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
      case "scope":
        return n.sheetId === null ? "Workbook" : "Worksheet";
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
