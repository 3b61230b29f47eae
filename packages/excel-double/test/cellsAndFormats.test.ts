import { describe, expect, it } from "vitest";
import { createWorkbookDouble } from "..";
import { tracker } from "./helpers";

describe('formula cells that yield ""', () => {
  it("read '' as a String: occupied, not empty, and in the used range", async () => {
    const book = createWorkbookDouble({
      sheets: { S: [[-1, '=IF(A1>0,"x","")', "=A1*2", "=NA()"]] },
      evaluate: (formula) => ({ '=IF(A1>0,"x","")': "", "=A1*2": -2, "=NA()": "#N/A" })[formula],
    });
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("B1:D1").load("values, valueTypes, formulas");
      const used = context.workbook.worksheets.getItem("S").getUsedRange(true).load("address");
      await context.sync();
      expect(range.values).toEqual([["", -2, "#N/A"]]);
      expect(range.valueTypes).toEqual([["String", "Double", "Error"]]);
      expect(range.formulas[0][0]).toBe('=IF(A1>0,"x","")');
      expect(used.address).toBe("S!A1:D1");
    });
    expect(book.valueTypes("S!B1")).toEqual([["String"]]);
  });
});

describe("formats per cell", () => {
  it("a format set on a range reads back per cell, through getCellProperties and the range's own reads", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      const block = sheet.getRange("B2:C3").format;
      block.fill.color = "#ffeeaa";
      block.font.italic = true;
      block.font.name = "Arial";
      block.font.size = 9;
      block.horizontalAlignment = "Right" as Excel.HorizontalAlignment;
      sheet.getRange("C3").format.font.bold = true;
      sheet.getRange("C3").format.font.color = "#c00000";
      sheet.getRange("A2:A4").format.rowHeight = 20;
      const props = sheet.getRange("B3:D3").getCellProperties({
        address: true,
        format: {
          fill: { color: true },
          font: { bold: true, italic: true, color: true, name: true, size: true },
          horizontalAlignment: true,
        },
      });
      const inner = sheet.getRange("C2").format.font.load("italic, name, size, bold");
      const mixed = sheet.getRange("C2:C3").format.font.load("bold");
      const heights = sheet.getRange("A3:A4").format.load("rowHeight, horizontalAlignment");
      await context.sync();
      const [b3, c3, d3] = props.value[0];
      expect(b3).toEqual({
        address: "Tracker!B3",
        format: {
          fill: { color: "#FFEEAA" },
          font: { bold: false, italic: true, color: "#000000", name: "Arial", size: 9 },
          horizontalAlignment: "Right",
        },
      });
      expect(c3.format!.font).toMatchObject({ bold: true, color: "#C00000" });
      expect(d3.format).toEqual({
        fill: { color: "#FFFFFF" },
        font: { bold: false, italic: false, color: "#000000", name: "Calibri", size: 11 },
        horizontalAlignment: "General",
      });
      expect([inner.italic, inner.name, inner.size, inner.bold, mixed.bold]).toEqual([true, "Arial", 9, false, null]);
      expect([heights.rowHeight, heights.horizontalAlignment]).toEqual([20, "General"]);
    });
    expect(book.snapshot().sheets[0].cells.C3).toEqual({
      v: 25,
      fill: "#FFEEAA",
      bold: true,
      italic: true,
      color: "#C00000",
      font: "Arial",
      size: 9,
      align: "Right",
    });
  });

  it("clear applies to each cell: contents keep the format, formats keep the value, all takes both", async () => {
    const book = tracker();
    book.setFormat("Tracker!B2:B4", { fill: "#FFFF00", bold: true, numberFormat: "0.0" });
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      sheet.getRange("B2").clear("Contents" as Excel.ClearApplyTo);
      sheet.getRange("B3").clear("Formats" as Excel.ClearApplyTo);
      sheet.getRange("B4").clear("All" as Excel.ClearApplyTo);
    });
    expect(book.values("Tracker!B2:B4")).toEqual([[""], [20], [""]]);
    expect(book.formats("Tracker!B2:B4").map(([f]) => [f.fill, f.bold, f.numberFormat])).toEqual([
      ["#FFFF00", true, "0.0"],
      [null, false, "General"],
      [null, false, "General"],
    ]);
  });
});

describe("names", () => {
  it("workbook names are listed with formula and type; worksheet names live in their sheet's collection", async () => {
    const book = tracker();
    book.addName("Local", "=Tracker!$A$1", "Tracker");
    await book.run(async (context) => {
      context.workbook.names.add("Plans", "=Tracker!$B$2:$B$4");
      context.workbook.names.add("Label", '="CIP"');
      const names = context.workbook.names.load("items/name, items/formula, items/type, items/scope");
      const local = context.workbook.worksheets.getItem("Tracker").names.load("items/name, items/scope");
      const missing = context.workbook.names.getItemOrNullObject("Local");
      const count = context.workbook.names.getCount();
      await context.sync();
      expect(names.items.map((n) => [n.name, n.formula, n.type, n.scope])).toEqual([
        ["Plans", "=Tracker!$B$2:$B$4", "Range", "Workbook"],
        ["Label", '="CIP"', "String", "Workbook"],
      ]);
      expect(local.items.map((n) => [n.name, n.scope])).toEqual([["Local", "Worksheet"]]);
      expect([missing.isNullObject, count.value]).toEqual([true, 2]);
      context.workbook.names.getItem("Label").delete();
    });
    expect(book.names().map((n) => `${n.scope}:${n.name}`)).toEqual(["Tracker:Local", "Workbook:Plans"]);
  });
});
