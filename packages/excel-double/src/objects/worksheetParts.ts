/** A worksheet's freeze panes. */
import { MAX_COLUMNS, MAX_ROWS } from "../address";
import { real } from "../base";
import { OPERATION_BYTES, type SyncAccumulator } from "../context";
import { SheetModel } from "../model";
import { FakeRange } from "./range";
import { fail, resolveRangeArg, writable } from "./shared";
import { FakeWorksheet } from "./worksheet";

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
