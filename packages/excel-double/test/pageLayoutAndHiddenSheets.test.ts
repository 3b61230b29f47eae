import { describe, expect, it } from "vitest";
import { isExcelError } from "..";
import { rejection, tracker } from "./helpers";

describe("page layout", () => {
  it("reads PropertyNotLoaded before a load, Excel's defaults after", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("CIP Summary").pageLayout;
      expect(() => layout.orientation).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      layout.load("orientation, zoom, centerHorizontally, leftMargin");
      await context.sync();
      expect([layout.orientation, layout.zoom, layout.centerHorizontally, layout.leftMargin]).toEqual([
        "Portrait",
        { scale: 100 },
        false,
        50.4,
      ]);
    });
    expect(book.snapshot().sheets[1].pageLayout).toBeUndefined();
  });

  it("keeps a board paper's print set-up and shows it in the snapshot", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("CIP Summary").pageLayout;
      layout.orientation = "Landscape";
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.centerHorizontally = true;
      layout.topMargin = 36;
      layout.setPrintTitleRows("$1:$2");
      layout.setPrintArea("A1:H40");
      layout.headersFooters.defaultForAllPages.centerHeader = "CIP tracker — run 3 Oct 2025";
      layout.headersFooters.defaultForAllPages.rightFooter = "Page &P of &N";
      await context.sync();
      const footer = layout.headersFooters.defaultForAllPages.load("rightFooter, centerHeader");
      layout.load("zoom");
      await context.sync();
      expect(footer.rightFooter).toBe("Page &P of &N");
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    });
    expect(book.snapshot().sheets[1].pageLayout).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0, scale: null },
      centerHorizontally: true,
      margins: { topMargin: 36, leftMargin: 50.4 },
      printArea: "A1:H40",
      printTitleRows: "$1:$2",
      headersFooters: { centerHeader: "CIP tracker — run 3 Oct 2025", rightFooter: "Page &P of &N", leftHeader: "" },
    });
  });

  it("refuses what Excel refuses", async () => {
    const book = tracker();
    const refused = async (change: (layout: Excel.PageLayout) => void) =>
      (
        await rejection(
          book.run(async (context) => {
            change(context.workbook.worksheets.getItem("CIP Summary").pageLayout);
            await context.sync();
          }),
        )
      ).code;
    expect(await refused((l) => (l.zoom = { scale: 5 }))).toBe("InvalidArgument");
    expect(await refused((l) => (l.zoom = { scale: 90, horizontalFitToPages: 1 }))).toBe("InvalidArgument");
    expect(await refused((l) => (l.headersFooters.defaultForAllPages.centerHeader = "x".repeat(256)))).toBe("InvalidArgument");
    expect(await refused((l) => l.setPrintArea("Tracker!A1:B2"))).toBe("InvalidArgument");
    expect(book.snapshot().sheets[1].pageLayout).toBeUndefined();
  });
});

describe("very hidden sheets", () => {
  it("are left out of the visible count, cannot be activated, and show their visibility in the snapshot", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.add("CIP History");
      sheet.visibility = "VeryHidden";
      sheet.getRange("A1:A2").values = [["header"], ["|part"]];
      await context.sync();
      const visible = context.workbook.worksheets.getCount(true);
      const all = context.workbook.worksheets.getCount(false);
      await context.sync();
      expect([visible.value, all.value]).toEqual([2, 3]);
      sheet.activate();
      await context.sync().then(
        () => expect.fail("activated a very hidden sheet"),
        (e: unknown) => expect(isExcelError(e, "InvalidOperation")).toBe(true),
      );
    });
    expect(book.snapshot().sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Tracker", "Visible"],
      ["CIP Summary", "Visible"],
      ["CIP History", "VeryHidden"],
    ]);
    expect(book.activeSheet()).toBe("Tracker");
    expect(book.values("'CIP History'!A1:A2")).toEqual([["header"], ["|part"]]);
  });
});
