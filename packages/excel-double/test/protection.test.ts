import { describe, expect, it } from "vitest";
import { rejection, tracker } from "./helpers";

describe("worksheet protection", () => {
  it("protect() locks every cell that is not unlocked; writes there fail with AccessDenied and apply nothing", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      sheet.getRange("D2:D4").format.protection.locked = false;
      sheet.protection.protect();
      const p = sheet.protection.load("protected, options");
      await context.sync();
      expect(p.protected).toBe(true);
      expect(p.options.allowFormatCells).toBe(false);
      sheet.getRange("D2:D4").values = [[1], [2], [3]]; // unlocked: allowed
      await context.sync();
    });
    expect(book.values("Tracker!D2:D4")).toEqual([[1], [2], [3]]);
    const before = book.snapshot();
    for (const write of [
      (s: Excel.Worksheet) => (s.getRange("C2:D2").values = [[0, 0]]),
      (s: Excel.Worksheet) => s.getRange("A1").clear(),
      (s: Excel.Worksheet) => (s.getRange("D2").format.fill.color = "#FF0000"),
      (s: Excel.Worksheet) => (s.getRange("D2").numberFormat = [["0%"]]),
      (s: Excel.Worksheet) => (s.getRange("A:A").format.columnWidth = 90),
      (s: Excel.Worksheet) => s.protection.protect(),
    ]) {
      const e = await rejection(book.run(async (context) => void write(context.workbook.worksheets.getItem("Tracker"))));
      expect(e).toEqual({ code: "AccessDenied", message: "You cannot perform the requested operation." });
    }
    expect(book.snapshot()).toEqual(before);
  });

  it("options allow formatting; a password must match to unprotect", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      sheet.protection.protect({ allowFormatCells: true }, "secret");
      sheet.getRange("A1").format.font.bold = true;
      await context.sync();
    });
    expect(book.formats("Tracker!A1")[0][0].bold).toBe(true);
    const wrong = await rejection(
      book.run(async (context) => context.workbook.worksheets.getItem("Tracker").protection.unprotect("nope")),
    );
    expect(wrong.code).toBe("InvalidArgument");
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      sheet.protection.unprotect("secret");
      sheet.getRange("A1").values = [["Org"]];
      const p = sheet.protection.load("protected");
      await context.sync();
      expect(p.protected).toBe(false);
    });
    expect(book.values("Tracker!A1")).toEqual([["Org"]]);
  });
});

describe("workbook structure protection", () => {
  it("refuses adding, deleting, renaming, moving and hiding sheets, and reads back as protected", async () => {
    const book = tracker();
    await book.run(async (context) => {
      context.workbook.protection.protect();
      const p = context.workbook.protection.load("protected");
      await context.sync();
      expect(p.protected).toBe(true);
    });
    const changes: ((wb: Excel.Workbook) => void)[] = [
      (wb) => wb.worksheets.add("New"),
      (wb) => wb.worksheets.getItem("CIP Summary").delete(),
      (wb) => (wb.worksheets.getItem("CIP Summary").name = "Renamed"),
      (wb) => (wb.worksheets.getItem("CIP Summary").position = 0),
      (wb) => (wb.worksheets.getItem("CIP Summary").visibility = "Hidden" as Excel.SheetVisibility),
    ];
    for (const change of changes) {
      expect((await rejection(book.run(async (context) => change(context.workbook)))).code).toBe("AccessDenied");
    }
    expect(book.sheetNames()).toEqual(["Tracker", "CIP Summary"]);
    // Cells are not part of the structure.
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("CIP Summary").getRange("A1").values = [["ok"]];
      context.workbook.protection.unprotect();
      context.workbook.worksheets.add("New");
    });
    expect(book.sheetNames()).toEqual(["Tracker", "CIP Summary", "New"]);
    expect(book.snapshot().structureProtected).toBe(false);
  });

  it("sheet visibility reads back, counts and keeps one sheet visible", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const summary = context.workbook.worksheets.getItem("CIP Summary");
      summary.visibility = "Hidden" as Excel.SheetVisibility;
      summary.load("visibility");
      const visible = context.workbook.worksheets.getCount(true);
      await context.sync();
      expect([summary.visibility, visible.value]).toEqual(["Hidden", 1]);
    });
    const e = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("Tracker").visibility = "Hidden" as Excel.SheetVisibility;
      }),
    );
    expect(e.code).toBe("InvalidOperation");
  });
});
