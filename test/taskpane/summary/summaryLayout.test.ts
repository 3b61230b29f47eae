import { describe, expect, it } from "vitest";
import { analyseTracker } from "../../../src/core/analyseTracker";
import { recogniseColumns } from "../../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { columnWidths, printLayout, shownLength } from "../../../src/taskpane/summary/summaryLayout";
import { planSummary } from "../../../src/taskpane/summary/summaryPlan";
import { loadSample, openPane, trackerBook } from "../../support/paneHarness";

const sample = loadSample();
const analysis = analyseTracker(sample.rows, recogniseColumns(sample.header), { ...DEFAULT_SETTINGS, monthsElapsed: 6 });
const plan = planSummary({
  analysis,
  trackerAddress: "Tracker!A1:AG73",
  outputAddress: "Tracker!AH1:AV73",
  ranAt: "2026-12-01 09:30",
  moneyFormat: "#,##0",
});

describe("the summary's column widths", () => {
  it("fit every table cell and header (but text in a table's last column, which runs on)", () => {
    const pointsFor = (chars: number) => Math.min(360, chars * 6 + 12);
    for (const block of plan.blocks.filter((b) => b.style === "table")) {
      const last = block.cells[0].length - 1;
      block.cells.forEach((row, r) =>
        row.forEach((cell, i) => {
          if (i === last && r > 0 && typeof cell === "string") return;
          expect(plan.columnWidths[block.column + i], `${String(block.cells[0][i])}: ${String(cell)}`).toBeGreaterThanOrEqual(
            pointsFor(shownLength(cell, block.formats[i])),
          );
        }),
      );
    }
  });

  it("count numbers as Excel shows them", () => {
    expect(shownLength(1234567.8, "#,##0")).toBe("1,234,568".length);
    expect(shownLength(-12.5, "#,##0.0")).toBe("-12.5".length);
    expect(shownLength(0.123, "0.0%")).toBe("12.3%".length);
    expect(shownLength("'00123", "General")).toBe(5);
  });

  it("leave sentences out: they run on into empty cells", () => {
    expect(columnWidths([{ column: 0, style: "text", cells: [["x".repeat(500)]], formats: ["General"] }])).toEqual([]);
  });
});

describe("the summary's print layout", () => {
  it("is landscape, one page wide, with title rows, the tracker and date above and page numbers below", () => {
    expect(printLayout("Q&A tracker", "2026-12-01 09:30", 120, 14)).toEqual({
      orientation: "Landscape",
      pagesWide: 1,
      area: "A1:N120",
      titleRows: "$1:$2",
      leftHeader: "CIP Analyst summary: Q&&A tracker",
      rightHeader: "Run 2026-12-01 09:30",
      centerFooter: "Page &P of &N",
    });
    expect(printLayout("x".repeat(400), "", 1, 1).leftHeader.length).toBeLessThanOrEqual(255);
  });

  it("is set on the summary sheet where Excel has the page layout API, and left alone where not", async () => {
    for (const supported of [true, false]) {
      const pane = openPane(trackerBook(), (set, version) => supported || !(set === "ExcelApi" && version === "1.9"));
      const written = await pane.gateway.writeSummary(plan, null);
      expect(written.ok).toBe(true);
      const sheet = pane.book.snapshot().sheets.find((s) => s.name === "CIP Summary")!;
      expect(Object.values(sheet.columnWidths).slice(0, 3)).toEqual(plan.columnWidths.slice(0, 3));
      if (!supported) {
        expect(sheet.pageLayout).toBeUndefined();
        continue;
      }
      expect(sheet.pageLayout).toMatchObject({
        orientation: "Landscape",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printTitleRows: "$1:$2",
        headersFooters: { centerFooter: "Page &P of &N", rightHeader: "Run 2026-12-01 09:30" },
      });
    }
  });
});
