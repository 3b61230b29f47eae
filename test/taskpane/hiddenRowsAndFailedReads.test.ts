// Hidden and filtered-out rows are analysed like any other, and the pane says how many there are and
// that the results beside them are hidden with them. After a Use selection that failed, Analyse says
// what went wrong with it, not "Check the options".
import { describe, expect, it } from "vitest";
import { columnLetter } from "../../src/core/excelConventions";
import { loadSample, openPane, trackerBook, type Pane } from "../support/paneHarness";

const sample = loadSample();
const WIDTH = sample.header.length;
const LAST_ROW = sample.rows.length + 1;

async function read(pane: Pane, select = "Tracker!A1"): Promise<void> {
  pane.book.select(select);
  await pane.controller.readSelection();
}

describe("hidden and filtered-out rows", () => {
  it("are analysed and counted, and the pane says the results beside them are hidden too", async () => {
    const pane = openPane(trackerBook());
    pane.book.hideRows("Tracker!5:7");
    await read(pane);
    expect(pane.state().status.detail).toBe("3 of them are hidden or filtered out; Analyse includes them all the same.");
    await pane.controller.analyse();
    const s = pane.state();
    expect(s.phase, s.status.text).toBe("done");
    expect(s.result?.outputAddress).toMatch(new RegExp(`${LAST_ROW}$`));
    expect(s.status.kind).toBe("warning");
    expect(s.status.detail).toContain(
      "3 of the 72 rows are hidden or filtered out: they are analysed and counted all the same, and the results beside them are hidden with them.",
    );
    const out = columnLetter(WIDTH);
    expect(pane.book.rowsHidden(`Tracker!${out}4:${out}8`)).toEqual([false, true, true, true, false]);
    expect(s.result?.headlines[0]).toMatch(/ of 72 organisations/);
  });

  it("counts the rows an AutoFilter leaves out", async () => {
    const pane = openPane(trackerBook());
    const london = sample.rows.filter((r) => r[2] === "London").length;
    expect(london).toBeGreaterThan(0);
    await pane.book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      sheet.autoFilter.apply(`A1:AG${LAST_ROW}`, 2, { filterOn: "Values" as Excel.FilterOn, values: ["London"] });
      await context.sync();
    });
    await read(pane);
    const hidden = 72 - london;
    expect(pane.state().status.detail).toBe(`${hidden} of them are hidden or filtered out; Analyse includes them all the same.`);
  });

  it("on a sheet of its own, says their results are not hidden", async () => {
    const pane = openPane(trackerBook());
    pane.book.hideRows("Tracker!3:3");
    await read(pane);
    pane.controller.changeOptions({ destination: "newSheet" });
    await pane.controller.analyse();
    expect(pane.state().status.detail).toContain(
      "1 of the 72 rows is hidden or filtered out: it is analysed and counted all the same, and its results on the output sheet are not hidden.",
    );
  });
});

describe("after a Use selection that failed", () => {
  it("Analyse says what was wrong with the selection", async () => {
    const pane = openPane(trackerBook());
    await read(pane);
    pane.book.merge("Tracker!A3:B3");
    await read(pane);
    expect(pane.state().status.text).toContain("merged cells");
    pane.controller.changeOptions({ monthsElapsed: 6 });
    await pane.controller.analyse();
    expect(pane.state().status.kind).toBe("error");
    expect(pane.state().status.text).toBe(
      "Use selection did not read a tracker: The tracker has merged cells (Tracker!A3:B3); their values cannot be read one per row and column.",
    );
    expect(pane.state().status.text).not.toContain("Check the options");
    expect(pane.book.sheetNames()).toEqual(["Tracker"]);
  });

  it("Analyse with no tracker read at all says to read one, with the reason the last read failed", async () => {
    const pane = openPane(trackerBook());
    await read(pane, "Tracker!AZ200");
    await pane.controller.analyse();
    expect(pane.state().status.text).toBe(
      "Use selection did not read a tracker: The selected cell is empty and has nothing around it.",
    );
    expect(pane.state().status.detail).toContain("Then press Use selection again.");
  });

  it("a good Use selection afterwards clears the failure", async () => {
    const pane = openPane(trackerBook());
    await read(pane, "Tracker!AZ200");
    await read(pane);
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
  });
});
