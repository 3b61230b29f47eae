import { describe, expect, it } from "vitest";
import { rejection, tracker } from "./helpers";

describe("failSync", () => {
  it("fails the nth next sync with a RichApi-shaped error and applies none of its writes or loads", async () => {
    const book = tracker();
    book.failSync(2, "GeneralException");
    let loaded: Excel.Range | undefined;
    const e = await rejection(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Tracker");
        sheet.getRange("D1").values = [["first"]];
        await context.sync();
        sheet.getRange("D2").values = [["second"]];
        sheet.getRange("D3").format.fill.color = "#FF0000";
        context.workbook.names.add("Out", "=Tracker!$D$1");
        loaded = sheet.getRange("A1").load("values");
        await context.sync();
      }),
    );
    expect(e).toEqual({ code: "GeneralException", message: "An internal error has occurred." });
    expect(book.values("Tracker!D1:D3")).toEqual([["first"], [""], [""]]);
    expect(book.fills("Tracker!D3")).toEqual([[null]]);
    expect(book.names()).toEqual([]);
    expect(() => loaded!.values).toThrow(/not available/);
    expect(book.stats.syncs).toBe(2);
    // Spent: the next sync goes through.
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Tracker").getRange("D2").values = [["again"]];
    });
    expect(book.values("Tracker!D2")).toEqual([["again"]]);
  });

  it("a predicate picks the sync (here the first that writes); cancelFailSync forgets it", async () => {
    const book = tracker();
    const seen: { number: number; mutates: boolean }[] = [];
    book.failSync((sync) => (seen.push({ number: sync.number, mutates: sync.mutates }), sync.mutates), "AccessDenied");
    const e = await rejection(
      book.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Tracker").getRange("A1").load("values");
        await context.sync();
        range.values = [["x"]];
        await context.sync();
      }),
    );
    expect(e.code).toBe("AccessDenied");
    expect(seen).toEqual([
      { number: 1, mutates: false },
      { number: 2, mutates: true },
    ]);
    book.failSync(1);
    book.cancelFailSync();
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Tracker").getRange("A1").values = [["y"]];
    });
    expect(book.values("Tracker!A1")).toEqual([["y"]]);
  });
});

describe("snapshot", () => {
  it("sees every change an analyst would see: cells, formats, names, panes, widths, heights, hidden rows, sheets, protection, filters, rules", async () => {
    const book = tracker();
    book.setFormat("Tracker!C2", { fill: "#FFFF00", numberFormat: "#,##0" });
    const before = book.snapshot();
    expect(before.sheets.map((s) => s.name)).toEqual(["Tracker", "CIP Summary"]);
    expect(before.sheets[0].cells.C2).toEqual({ v: 8, nf: "#,##0", fill: "#FFFF00" });
    const changes: ((wb: Excel.Workbook) => void)[] = [
      (wb) =>
        wb.worksheets
          .getItem("Tracker")
          .getRange("C2")
          .clear("Formats" as Excel.ClearApplyTo),
      (wb) => (wb.worksheets.getItem("Tracker").getRange("C2").format.font.name = "Arial"),
      (wb) => void wb.names.add("X", "=Tracker!$A$1"),
      (wb) => wb.worksheets.getItem("Tracker").freezePanes.freezeRows(1),
      (wb) => (wb.worksheets.getItem("Tracker").getRange("D:D").format.columnWidth = 80),
      (wb) => (wb.worksheets.getItem("Tracker").getRange("A5").format.rowHeight = 30),
      (wb) => (wb.worksheets.getItem("Tracker").getRange("A3").rowHidden = true),
      (wb) => (wb.worksheets.getItem("CIP Summary").visibility = "Hidden" as Excel.SheetVisibility),
      (wb) => (wb.worksheets.getItem("CIP Summary").position = 0),
      (wb) => wb.worksheets.getItem("CIP Summary").protection.protect(),
      (wb) => wb.protection.protect(),
      (wb) => wb.worksheets.getItem("Tracker").autoFilter.apply("A1:C4"),
      (wb) =>
        void wb.worksheets
          .getItem("Tracker")
          .getRange("A1:C2")
          .conditionalFormats.add("Custom" as Excel.ConditionalFormatType),
    ];
    for (const change of changes) {
      const book2 = tracker();
      book2.setFormat("Tracker!C2", { fill: "#FFFF00", numberFormat: "#,##0" });
      await book2.run(async (context) => change(context.workbook));
      expect(book2.snapshot(), change.toString()).not.toEqual(before);
    }
    expect(tracker().snapshot({ settings: false })).not.toHaveProperty("settings");
  });
});
