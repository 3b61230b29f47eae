import { describe, expect, it } from "vitest";
import { createWorkbookDouble, isExcelError } from "..";
import { rejection, tracker as twoRowTracker } from "./helpers";

const tracker = () => twoRowTracker(2);

describe("proxies and loading", () => {
  it("throws PropertyNotLoaded before load, and after load until sync", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Tracker").getRange("A1:C3");
      expect(() => range.values).toThrow(/The property 'values' is not available/);
      try {
        void range.address;
      } catch (e) {
        expect(isExcelError(e, "PropertyNotLoaded")).toBe(true);
      }
      range.load("values, address");
      expect(() => range.values).toThrow(/call "context.sync\(\)"/);
      await context.sync();
      expect(range.address).toBe("Tracker!A1:C3");
      expect(range.values[1]).toEqual(["A", 10, 8]);
      expect(() => range.rowCount).toThrow(/'rowCount'/);
    });
  });

  it("loads strings, arrays, {select} and nested paths", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const range = context.workbook.worksheets.getItem("CIP Summary").getRange("B2").load(["address", "rowIndex"]);
      const cell = context.workbook.worksheets.getItem("Tracker").getCell(1, 1).load({ select: "values, worksheet/name" });
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Tracker", "CIP Summary"]);
      expect(range.address).toBe("'CIP Summary'!B2");
      expect(range.rowIndex).toBe(1);
      expect(cell.values).toEqual([[10]]);
      expect(cell.worksheet.name).toBe("Tracker");
    });
  });

  it("reflects the workbook at the sync, not when read", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Tracker").getRange("B2").load("values");
      await context.sync();
      book.setValues("Tracker!B2", [[99]]);
      expect(range.values).toEqual([[10]]);
    });
  });

  it("queues writes until sync, and counts syncs", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Tracker").getRange("D1:D2");
      range.values = [["Shortfall"], [2]];
      expect(book.values("Tracker!D1:D2")).toEqual([[""], [""]]);
      await context.sync();
      expect(book.values("Tracker!D1:D2")).toEqual([["Shortfall"], [2]]);
    });
    expect(book.stats.syncs).toBe(1);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Tracker").getRange("E1").values = [["x"]];
    });
    // Excel.run sends what was queued after the last sync.
    expect(book.values("Tracker!E1")).toEqual([["x"]]);
    expect(book.stats.syncs).toBe(2);
    book.resetStats();
    expect(book.stats.syncs).toBe(0);
  });

  it("knows isNullObject only after sync", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const there = context.workbook.worksheets.getItemOrNullObject("Tracker");
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });

  it("fails getItem of a missing sheet at sync with ItemNotFound", async () => {
    const book = tracker();
    const e = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("Nope").getRange("A1").load("values");
        await context.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
  });

  it("counts suspendApiCalculationUntilNextSync calls", async () => {
    const book = tracker();
    await book.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      await context.sync();
    });
    expect(book.stats.suspendCalculationCalls).toBe(1);
  });
});

describe("limits", () => {
  it("rejects a request over 5 MB and applies nothing", async () => {
    const book = tracker();
    const big = Array.from({ length: 100_000 }, () => ["a long string of about forty characters!!", "x", 1.5]);
    const e = await rejection(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Tracker");
        sheet.getRange("F1").values = [["first"]];
        sheet.getRangeByIndexes(10, 0, big.length, 3).values = big;
        await context.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(e.message).toMatch(/request payload size has exceeded the limit/);
    expect(book.values("Tracker!F1")).toEqual([[""]]);
    expect(book.stats.largestRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it("measures the request accurately for strings and numbers", async () => {
    const book = tracker();
    const values = [["héllo", 'q"uote', 12.25, -3, true]];
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Tracker").getRange("A10:E10").values = values;
      await context.sync();
    });
    expect(book.stats.lastRequestBytes).toBe(100 + Buffer.byteLength(JSON.stringify(values)));
  });

  it("rejects a response over 5 MB", async () => {
    const book = tracker();
    book.setValues("Tracker!A1:A1", [["x"]]);
    const rows = Array.from({ length: 200_000 }, () => ["some text of thirty characters"]);
    book.setValues("Tracker!H1", rows);
    const e = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("Tracker").getRange("H1:H200000").load("values");
        await context.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("rejects reading more than 5,000,000 cells in one sync", async () => {
    const book = tracker();
    const e = await rejection(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Tracker");
        sheet.getRange("A1:C1000000").load("values");
        sheet.getRange("D1:E1000001").load("valueTypes");
        await context.sync();
      }),
    );
    expect(e.code).toBe("RangeExceedsLimit");
  });

  it("rejects a range outside the sheet", async () => {
    const book = tracker();
    const e = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("Tracker").getRangeByIndexes(1_048_570, 0, 10, 1).load("address");
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });
});

describe("failures mid-sync", () => {
  it("a protected sheet keeps what came before and nothing after", async () => {
    const book = tracker();
    book.protect("CIP Summary");
    const e = await rejection(
      book.run(async (context) => {
        const ws = context.workbook.worksheets;
        ws.getItem("Tracker").getRange("D1").values = [["before"]];
        ws.getItem("CIP Summary").getRange("A1").values = [["blocked"]];
        ws.getItem("Tracker").getRange("D2").values = [["after"]];
        await context.sync();
      }),
    );
    expect(e.code).toBe("AccessDenied");
    expect(book.values("Tracker!D1:D2")).toEqual([["before"], [""]]);
    expect(book.values("'CIP Summary'!A1")).toEqual([[""]]);
  });

  it("failSyncAfter half-applies the nth sync", async () => {
    const book = tracker();
    book.failSyncAfter(2, "GeneralException");
    const e = await rejection(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Tracker");
        sheet.getRange("D1").values = [[1]];
        await context.sync();
        for (const [i, a] of ["D2", "D3", "D4", "D5"].entries()) sheet.getRange(a).values = [[i]];
        await context.sync();
      }),
    );
    expect(e.code).toBe("GeneralException");
    expect(book.values("Tracker!D1:D5")).toEqual([[1], [0], [1], [""], [""]]);
  });
});

describe("written values", () => {
  it("null leaves a cell unchanged, '' empties it", async () => {
    const book = tracker();
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Tracker").getRange("A2:C2").values = [[null, "", 7]];
      await context.sync();
    });
    expect(book.values("Tracker!A2:C2")).toEqual([["A", "", 7]]);
    expect(book.valueTypes("Tracker!A2:C2")).toEqual([["String", "Empty", "Double"]]);
  });

  it("error literals become error cells; booleans and formulas are typed", async () => {
    const book = createWorkbookDouble({
      sheets: { S: [] },
      evaluate: (f) => (f === "=1/0" ? "#DIV/0!" : 42),
    });
    await book.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1:E1");
      r.values = [["#N/A", true, "=1/0", "=2*21", "#NOTANERROR"]];
      r.load("values, valueTypes, formulas");
      await context.sync();
      expect(r.values).toEqual([["#N/A", true, "#DIV/0!", 42, "#NOTANERROR"]]);
      expect(r.valueTypes).toEqual([["Error", "Boolean", "Error", "Double", "String"]]);
      expect(r.formulas).toEqual([["#N/A", true, "=1/0", "=2*21", "#NOTANERROR"]]);
    });
  });

  it("formula cells read '' and Empty without an evaluate hook", async () => {
    const book = createWorkbookDouble({ sheets: { S: [["=SUM(1,2)"]] } });
    expect(book.values("S!A1")).toEqual([[""]]);
    expect(book.valueTypes("S!A1")).toEqual([["Empty"]]);
    expect(book.formulas("S!A1")).toEqual([["=SUM(1,2)"]]);
  });

  it("rejects a 2-D array of the wrong size, fills from a scalar", async () => {
    const book = tracker();
    const e = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("Tracker").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    await book.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Tracker").getRange("E1:F2");
      r.values = 5 as unknown as unknown[][];
      r.numberFormat = "0.0%" as unknown as unknown[][];
      await context.sync();
    });
    expect(book.values("Tracker!E1:F2")).toEqual([
      [5, 5],
      [5, 5],
    ]);
    expect(book.numberFormats("Tracker!E1:F2")).toEqual([
      ["0.0%", "0.0%"],
      ["0.0%", "0.0%"],
    ]);
  });
});

describe("navigation", () => {
  it("getSurroundingRegion is the current region", async () => {
    const book = createWorkbookDouble({
      sheets: {
        S: [
          ["", "", "", "", ""],
          ["", "h1", "h2", "", "far"],
          ["", 1, "", "", ""],
          ["", "", 3, "", ""],
        ],
      },
    });
    await book.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("B2").getSurroundingRegion().load("address");
      const lone = context.workbook.worksheets.getItem("S").getRange("E2").getSurroundingRegion().load("address");
      await context.sync();
      expect(r.address).toBe("S!B2:C4");
      expect(lone.address).toBe("S!E2");
    });
  });

  it("multi-area selection: getSelectedRanges reads it, getSelectedRange refuses", async () => {
    const book = tracker();
    book.select(["Tracker!A1:B2", "Tracker!D4"]);
    await book.run(async (context) => {
      const areas = context.workbook.getSelectedRanges().load("areaCount, address");
      await context.sync();
      expect(areas.areaCount).toBe(2);
      expect(areas.address).toBe("Tracker!A1:B2,Tracker!D4");
    });
    const e = await rejection(
      book.run(async (context) => {
        context.workbook.getSelectedRange().load("address");
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidSelection");
    book.select("Tracker!A1:C3");
    await book.run(async (context) => {
      const r = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(r.address).toBe("Tracker!A1:C3");
    });
  });

  it("merged areas, or a null object without them", async () => {
    const book = tracker();
    book.merge("Tracker!A1:B1");
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      const merged = sheet.getRange("A1:C3").getMergedAreasOrNullObject().load("areaCount, address");
      const none = sheet.getRange("A2:C3").getMergedAreasOrNullObject();
      await context.sync();
      expect(merged.isNullObject).toBe(false);
      expect(merged.address).toBe("Tracker!A1:B1");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("offsets, resizes, intersections, used range and tables", async () => {
    const book = tracker();
    book.addTable("Tracker", "A1:C3", "TrackerTable");
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      const a1 = sheet.getRange("A1");
      const moved = a1.getOffsetRange(2, 1).getResizedRange(1, 2).load("address");
      const x = sheet.getRange("A1:C3").getIntersectionOrNullObject("B2:Z9").load("address");
      const noX = sheet.getRange("A1").getIntersectionOrNullObject("D4");
      const used = sheet.getUsedRangeOrNullObject(true).load("address");
      const table = sheet.getRange("B2").getTables(false).getFirst().load("name");
      await context.sync();
      expect(moved.address).toBe("Tracker!B3:D4");
      expect(x.address).toBe("Tracker!B2:C3");
      expect(noX.isNullObject).toBe(true);
      expect(used.address).toBe("Tracker!A1:C3");
      expect(table.name).toBe("TrackerTable");
    });
  });
});

describe("workbook objects", () => {
  it("names: add, read, look up, delete", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      context.workbook.names.add("CIP_Output", sheet.getRange("D1:E3"), "written by CIP Analyst");
      await context.sync();
      const item = context.workbook.names.getItemOrNullObject("cip_output").load("name, formula, value, type");
      const missing = context.workbook.names.getItemOrNullObject("Other");
      const range = item.getRangeOrNullObject().load("address");
      await context.sync();
      expect(item.formula).toBe("=Tracker!$D$1:$E$3");
      expect(item.value).toBe("Tracker!$D$1:$E$3");
      expect(item.type).toBe("Range");
      expect(missing.isNullObject).toBe(true);
      expect(range.address).toBe("Tracker!D1:E3");
      context.workbook.names.add("CIP_Output", "=Tracker!$A$1");
      const dup = await context.sync().catch((e: unknown) => e);
      expect(isExcelError(dup, "ItemAlreadyExists")).toBe(true);
    });
    expect(book.names()).toEqual([
      { name: "CIP_Output", formula: "=Tracker!$D$1:$E$3", comment: "written by CIP Analyst", scope: "Workbook" },
    ]);
    await book.run(async (context) => {
      context.workbook.names.getItem("CIP_Output").delete();
      await context.sync();
    });
    expect(book.names()).toEqual([]);
  });

  it("conditional formats: ContainsText and Custom, count, clearAll", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Tracker").getRange("D2:D3");
      const text = range.conditionalFormats.add("ContainsText");
      text.textComparison.rule = { operator: "Contains", text: "Red" } as Excel.ConditionalTextComparisonRule;
      text.textComparison.format.fill.color = "#ffc7ce";
      text.textComparison.format.font.color = "#9C0006";
      const custom = range.conditionalFormats.add("Custom");
      custom.custom.rule.formula = "=$C2<$B2";
      custom.custom.format.font.bold = true;
      const count = range.conditionalFormats.getCount();
      await context.sync();
      expect(count.value).toBe(2);
    });
    expect(book.conditionalFormats("Tracker")).toEqual([
      {
        address: "Tracker!D2:D3",
        type: "Custom",
        rule: { formula: "=$C2<$B2" },
        format: { fill: null, fontColor: null, bold: true, italic: null },
      },
      {
        address: "Tracker!D2:D3",
        type: "ContainsText",
        rule: { operator: "Contains", text: "Red" },
        format: { fill: "#FFC7CE", fontColor: "#9C0006", bold: null, italic: null },
      },
    ]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Tracker").getRange("D3").conditionalFormats.clearAll();
      await context.sync();
    });
    expect(book.conditionalFormats("Tracker").map((c) => c.address)).toEqual(["Tracker!D2", "Tracker!D2"]);
  });

  it("charts: a type the host lacks fails the add with InvalidArgument at the sync; what came before it in the sync stays, as in Excel", async () => {
    const book = createWorkbookDouble({
      sheets: {
        Tracker: [
          ["Step", "Change"],
          ["Target", 10],
          ["Gap", -2],
        ],
      },
      unsupportedChartTypes: ["Waterfall"],
    });
    const failure = await rejection(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Tracker");
        sheet.getRange("D1").values = [["x"]];
        const chart = sheet.charts.add("Waterfall", sheet.getRange("A1:B3"), "Columns");
        chart.title.text = "Bridge";
        await context.sync();
      }),
    );
    expect(failure.code).toBe("InvalidArgument");
    expect(book.charts("Tracker")).toEqual([]);
    expect(book.values("Tracker!D1")).toEqual([["x"]]);
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      sheet.charts.add("ColumnStacked", sheet.getRange("A1:B3"), "Columns");
      await context.sync();
    });
    expect(book.charts("Tracker").map((c) => c.type)).toEqual(["ColumnStacked"]);
  });

  it("charts: add, title, position, series, delete", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C3"), "Columns");
      chart.title.text = "Plan vs actual";
      chart.setPosition("E2", "L15");
      chart.load("name");
      chart.series.load("items/name");
      await context.sync();
      expect(chart.name).toBe("Chart 1");
      expect(chart.series.items.map((s) => s.name)).toEqual(["Plan", "Actual"]);
      const charts = sheet.charts.load("items/name, count");
      await context.sync();
      expect(charts.count).toBe(1);
    });
    expect(book.charts("Tracker")).toEqual([
      {
        name: "Chart 1",
        type: "ColumnClustered",
        source: "Tracker!A1:C3",
        seriesBy: "Columns",
        title: "Plan vs actual",
        position: { start: "Tracker!E2", end: "Tracker!L15" },
        series: ["Plan", "Actual"],
      },
    ]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Tracker").charts.getItem("Chart 1").delete();
    });
    expect(book.charts("Tracker")).toEqual([]);
  });

  it("sheets, formats, freeze panes", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const out = context.workbook.worksheets.add("CIP Output");
      out.getRange("A1:B1").values = [["Organisation", "RAG"]];
      out.getRange("A1:B1").format.font.bold = true;
      out.getRange("B1").format.fill.color = "#00B050";
      out.getRange("A:B").format.columnWidth = 80;
      out.freezePanes.freezeRows(1);
      out.activate();
      const location = out.freezePanes.getLocationOrNullObject().load("address");
      const fill = out.getRange("A1:B1").format.fill.load("color");
      const b1 = out.getRange("B1").load("format/fill/color, format/font/bold");
      await context.sync();
      expect(location.address).toBe("'CIP Output'!1:1");
      expect(fill.color).toBeNull();
      expect(b1.format.fill.color).toBe("#00B050");
      expect(b1.format.font.bold).toBe(true);
    });
    expect(book.sheetNames()).toEqual(["Tracker", "CIP Summary", "CIP Output"]);
    expect(book.activeSheet()).toBe("CIP Output");
    expect(book.freeze("CIP Output")).toEqual({ rows: 1, columns: 0 });
    expect(book.fills("'CIP Output'!A1:B1")).toEqual([[null, "#00B050"]]);
    expect(book.columnWidth("CIP Output", 1)).toBe(80);
    const dup = await rejection(
      book.run(async (context) => {
        context.workbook.worksheets.add("cip output");
        await context.sync();
      }),
    );
    expect(dup.code).toBe("ItemAlreadyExists");
  });

  it("clear: contents, formats, all", async () => {
    const book = tracker();
    book.setNumberFormat("Tracker!B2:C3", "#,##0");
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      sheet.getRange("B2:B3").clear("Contents");
      sheet.getRange("C2:C3").clear("Formats");
      await context.sync();
    });
    expect(book.values("Tracker!B2:C3")).toEqual([
      ["", 8],
      ["", 25],
    ]);
    expect(book.numberFormats("Tracker!B2:C3")).toEqual([
      ["#,##0", "General"],
      ["#,##0", "General"],
    ]);
  });
});

describe("settings and snapshots", () => {
  it("get/set/remove in memory; saveAsync persists", async () => {
    const book = createWorkbookDouble({ sheets: { S: [] }, settings: { version: 1 } });
    expect(book.settings.get("version")).toBe(1);
    expect(book.settings.get("missing")).toBeNull();
    book.settings.set("output", { sheet: "S", address: "D1:F9" });
    expect(book.savedSettings()).toEqual({ version: 1 });
    const status = await new Promise((resolve) => book.settings.saveAsync((r) => resolve(r.status)));
    expect(status).toBe("succeeded");
    expect(book.savedSettings()).toEqual({ version: 1, output: { sheet: "S", address: "D1:F9" } });
    book.settings.remove("version");
    expect(book.settings.get("version")).toBeNull();
    expect(() => book.settings.addHandlerAsync("settingsChanged" as unknown as Office.EventType, () => {})).toThrow(
      /not supported by the double/,
    );
  });

  it("snapshots compare equal when a second run changes nothing", async () => {
    const book = tracker();
    const write = () =>
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Tracker");
        const range = sheet.getRange("D1:D3");
        range.values = [["Shortfall"], [2], [-5]];
        range.numberFormat = [["General"], ["0.0"], ["0.0"]];
        range.conditionalFormats.clearAll();
        range.conditionalFormats.add("Custom").custom.rule.formula = "=D1<0";
        const existing = context.workbook.names.getItemOrNullObject("CIP_Out");
        await context.sync();
        if (existing.isNullObject) context.workbook.names.add("CIP_Out", range);
        book.settings.set("last", "D1:D3");
        await context.sync();
      });
    await write();
    const first = book.snapshot();
    await write();
    expect(book.snapshot()).toEqual(first);
    expect(first.sheets[0].cells.D2).toEqual({ v: 2, nf: "0.0" });
  });
});

describe("scale", () => {
  it("holds a 1,048,576-row tracker and reads and writes it in chunks", { timeout: 60_000 }, async () => {
    const rows = 1_048_576;
    const book = createWorkbookDouble({ sheets: { Tracker: [] } });
    const chunk = 40_000;
    const started = Date.now();
    for (let r = 0; r < rows; r += chunk) {
      const n = Math.min(chunk, rows - r);
      book.setValues(
        `Tracker!A${r + 1}`,
        Array.from({ length: n }, (_, i) => [
          `Org ${r + i}`,
          "North",
          ...Array.from({ length: 10 }, (_, j) => (r + i) * 0.5 + j),
        ]),
      );
    }
    let sum = 0;
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      for (let r = 0; r < rows; r += chunk) {
        const n = Math.min(chunk, rows - r);
        const input = sheet.getRangeByIndexes(r, 0, n, 12).load("values");
        await context.sync();
        const out = input.values.map((row) => [row[2] - row[3], "Green", ...Array.from({ length: 12 }, (_, j) => j)]);
        sum += out.length;
        const target = sheet.getRangeByIndexes(r, 13, n, 14);
        target.values = out;
        await context.sync();
        input.untrack();
      }
    });
    expect(sum).toBe(rows);
    expect(book.values("Tracker!N1048576:O1048576")).toEqual([[-1, "Green"]]);
    expect(book.stats.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(45_000);
  });
});
