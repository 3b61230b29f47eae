// ?runs=2: the preview's sample opens with last month's run in its history, and Analyse shows what moved.
import { describe, expect, it } from "vitest";
import { createWorkbookDouble } from "../../packages/excel-double";
import { readSpec, specQuery } from "../../src/preview/bridge";
import { seedLastRun } from "../../src/preview/lastRun";
import { dressTracker, previewWorkbook } from "../../src/preview/workbooks";
import { storedHistory } from "../support/historyCheck";
import { attach } from "../support/paneHarness";

describe("the preview's second run", () => {
  it("is asked for with ?runs=2 and kept in links", () => {
    expect(readSpec("?runs=2").runs).toBe(2);
    expect(readSpec("").runs).toBe(1);
    expect(readSpec("?runs=7").runs).toBe(1);
    expect(specQuery(readSpec("?runs=2"))).toBe("?runs=2");
  });

  it("shows the movement since last month's run", async () => {
    const spec = readSpec("?runs=2");
    const workbook = previewWorkbook(spec);
    const book = createWorkbookDouble(workbook.options);
    await dressTracker(book, workbook);
    await seedLastRun(book, workbook);
    expect(storedHistory(book).runs).toHaveLength(1);
    const pane = attach(book);
    book.select("Tracker!C5");
    await pane.controller.readSelection();
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.detail).toBe("done");
    expect(pane.state().result?.headlines.at(-1)).toMatch(/^Forecast down £[\d,.]+[km]? since the August run; biggest movers: /);
    expect(storedHistory(book).runs).toHaveLength(2);
  });
});
