import { describe, expect, it } from "vitest";
import { rejection, tracker } from "./helpers";

describe("hidden rows and columns", () => {
  it("rowHidden and columnHidden write whole rows and columns and read true, false or null (mixed)", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      sheet.getRange("A3").rowHidden = true;
      sheet.getRange("B1").getEntireColumn().columnHidden = true;
      const row3 = sheet.getRange("C3").load("rowHidden");
      const rows = sheet.getRange("A2:A3").load("rowHidden");
      const shown = sheet.getRange("A4").load("rowHidden");
      const colB = sheet.getRange("B7").load("columnHidden");
      const entire = sheet.getRange("B2").getEntireRow().load("address");
      await context.sync();
      expect([row3.rowHidden, rows.rowHidden, shown.rowHidden, colB.columnHidden]).toEqual([true, null, false, true]);
      expect(entire.address).toBe("Tracker!2:2");
    });
    expect(book.rowsHidden("Tracker!A1:A4")).toEqual([false, false, true, false]);
    expect(book.snapshot().sheets[0]).toMatchObject({ hiddenRows: [2], hiddenColumns: [1] });
    book.hideRows("Tracker!3:3", false);
    expect(book.rowsHidden("Tracker!A3")).toEqual([false]);
  });
});

describe("AutoFilter", () => {
  it("hides the rows its criteria leave out, reads them back as hidden, and shows them again when cleared", async () => {
    const book = tracker();
    book.hideRows("Tracker!A2"); // hidden by hand: stays hidden through the filter's life
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      sheet.autoFilter.apply(sheet.getRange("A1:C4"), 1, { filterOn: "Custom" as Excel.FilterOn, criterion1: ">=20" });
      const filter = sheet.autoFilter.load("enabled, isDataFiltered");
      const hidden = sheet.getRange("A1:A4").getCellProperties({ hidden: true });
      const area = sheet.autoFilter.getRange().load("address");
      await context.sync();
      expect([filter.enabled, filter.isDataFiltered, area.address]).toEqual([true, true, "Tracker!A1:C4"]);
      expect(hidden.value.map((r) => r[0].hidden)).toEqual([false, true, false, false]);
    });
    expect(book.rowsHidden("Tracker!A1:A4")).toEqual([false, true, false, false]);

    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      sheet.autoFilter.apply("A1:C4", 0, { filterOn: "Values" as Excel.FilterOn, values: ["c"] });
      await context.sync();
      expect(book.rowsHidden("Tracker!A1:A4")).toEqual([false, true, true, false]);
      sheet.autoFilter.clearCriteria();
      const filter = sheet.autoFilter.load("enabled, isDataFiltered");
      await context.sync();
      expect([filter.enabled, filter.isDataFiltered]).toEqual([true, false]);
      expect(book.rowsHidden("Tracker!A1:A4")).toEqual([false, true, false, false]);
      sheet.autoFilter.remove();
      const gone = sheet.autoFilter.getRangeOrNullObject();
      await context.sync();
      expect(gone.isNullObject).toBe(true);
    });
  });

  it("top items, Or of two custom criteria, and a protected sheet that does not allow filtering", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      sheet.autoFilter.apply("A1:C4", 2, { filterOn: "TopItems" as Excel.FilterOn, criterion1: "2" });
      await context.sync();
      expect(book.rowsHidden("Tracker!A2:A4")).toEqual([true, false, false]);
      sheet.autoFilter.apply("A1:C4", 2, {
        filterOn: "Custom" as Excel.FilterOn,
        criterion1: "<10",
        operator: "Or" as Excel.FilterOperator,
        criterion2: ">20",
      });
      await context.sync();
      expect(book.rowsHidden("Tracker!A2:A4")).toEqual([false, false, true]);
    });
    book.protect("Tracker");
    const e = await rejection(
      book.run(async (context) => context.workbook.worksheets.getItem("Tracker").autoFilter.clearCriteria()),
    );
    expect(e.code).toBe("AccessDenied");
  });
});
