/** The request context, the application and the workbook. */
import { type Rect } from "../address";
import { FakeObject, type LoadOption, real } from "../base";
import { SyncEngine } from "../context";
import { SheetModel, WorkbookModel } from "../model";
import { FakeNamedItemCollection } from "./names";
import { FakeWorkbookProtection } from "./protection";
import { FakeRange } from "./range";
import { FakeRangeAreas } from "./rangeAreas";
import { fail } from "./shared";
import { FakeTableCollection } from "./tables";
import { FakeWorksheetCollection } from "./worksheets";

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
  implements
    Pick<
      Excel.Workbook,
      "worksheets" | "names" | "tables" | "protection" | "getSelectedRange" | "getSelectedRanges" | "getActiveCell"
    >
{
  readonly protection: Excel.WorkbookProtection;
  private readonly protectionFake: FakeWorkbookProtection;
  readonly worksheets: Excel.WorksheetCollection;
  readonly names: Excel.NamedItemCollection;
  readonly tables: Excel.TableCollection;
  constructor(engine: SyncEngine) {
    super(engine, "Workbook", () => engine.state.model);
    this.worksheets = real(new FakeWorksheetCollection(engine));
    this.names = real(new FakeNamedItemCollection(engine));
    this.tables = real(new FakeTableCollection(engine, () => null));
    this.protectionFake = new FakeWorkbookProtection(engine);
    this.protection = real(this.protectionFake);
  }
  load(option?: LoadOption): Excel.Workbook {
    this.queueLoad(option);
    return real(this);
  }
  protected nav(name: string): FakeObject<unknown> | undefined {
    return name === "protection" ? this.protectionFake : undefined;
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
