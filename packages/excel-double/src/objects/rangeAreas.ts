/** Multi-area ranges (the selection) and range collections. */
import { qualifiedAddress, type Rect } from "../address";
import { FakeClientResult, FakeCollection, FakeObject, type LoadOption, real } from "../base";
import { type SyncAccumulator, SyncEngine } from "../context";
import { SheetModel } from "../model";
import { FakeRange } from "./range";
import { type RangeRef } from "./shared";
import { FakeWorksheet } from "./worksheet";

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
