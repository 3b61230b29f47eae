// Live output over dynamic-array spills, as real Excel shows them: each live column is one formula
// in the first data row whose other rows are filled by Excel's spill, and a spilled cell has no
// formula of its own (Range.formulas reads its value there). A re-run must know those values for
// its own, a value typed into the spill area (the formula then shows #SPILL!) for the analyst's, and
// an undo must leave the spill area empty so the formulas spill again.
import { describe, expect, it } from "vitest";
import { columnLetter } from "../../src/core/excelConventions";
import { withoutHistory } from "../support/historyCheck";
import { spillingEvaluate } from "../support/liveSpills";
import { loadSample, openPane, trackerBook, type Pane } from "../support/paneHarness";

const sample = loadSample();
const OUT = columnLetter(sample.header.length); // the block's first column: a live one
const LAST_ROW = sample.rows.length + 1;

async function liveRun(pane: Pane): Promise<void> {
  pane.book.select("Tracker!A1");
  await pane.controller.readSelection();
  pane.controller.changeOptions({ outputMode: "live" });
  await pane.controller.analyse();
}

function livePane(): Pane {
  return openPane({ ...trackerBook(), evaluate: (f) => spillingEvaluate(f) });
}

describe("a live block whose formulas spill", () => {
  it("spills its live columns over every data row", async () => {
    const pane = livePane();
    await liveRun(pane);
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    const anchor = pane.book.snapshot().sheets[0].cells[`${OUT}2`];
    expect(anchor).toMatchObject({ spill: `${OUT}2:${OUT}${LAST_ROW}` });
    expect(pane.book.formulas(`Tracker!${OUT}3`)[0][0]).toBe(2 / 8);
  });

  it("is replaced on a re-run: the spilled values are the add-in's own", async () => {
    const pane = livePane();
    await liveRun(pane);
    // The second run is the first with a last run to compare with (its forecast movement column is 0s).
    await liveRun(pane);
    const after = withoutHistory(pane.book.snapshot({ settings: false }));
    await liveRun(pane);
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    // The run history gains a run; everything else is as the run before left it.
    expect(withoutHistory(pane.book.snapshot({ settings: false }))).toEqual(after);
  });

  it("is not overwritten when the analyst typed into a spill area (the formula shows #SPILL!), naming the cell", async () => {
    const pane = livePane();
    await liveRun(pane);
    pane.book.setValues(`Tracker!${OUT}10`, [[42]]);
    expect(pane.book.values(`Tracker!${OUT}2`)).toEqual([["#SPILL!"]]);
    const before = pane.book.snapshot({ settings: false });
    await liveRun(pane);
    expect(pane.state().status.kind).toBe("error");
    expect(pane.state().status.text).toContain(`Tracker!${OUT}10 no longer holds`);
    expect(pane.book.snapshot({ settings: false })).toEqual(before);
  });

  it("is put back spilling when a re-run fails at its last request", async () => {
    const pane = livePane();
    await liveRun(pane);
    const before = pane.book.snapshot({ settings: false });
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    pane.book.failSync((sync) => sync.mutates && sync.operations > 20);
    await pane.controller.analyse();
    expect(pane.state().status.text).toContain("could not be written");
    expect(pane.book.values(`Tracker!${OUT}2`)).not.toEqual([["#SPILL!"]]);
    expect(pane.book.snapshot({ settings: false })).toEqual(before);
  });
});

describe("where Excel cannot say where formulas spill (no ExcelApi 1.12: no dynamic arrays)", () => {
  it("re-runs a live block without asking, and still refuses a value typed below a live formula", async () => {
    const pane = openPane(trackerBook(), (set, version) => !(set === "ExcelApi" && version === "1.12"));
    await liveRun(pane);
    await liveRun(pane);
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    pane.book.setValues(`Tracker!${OUT}10`, [[42]]);
    await liveRun(pane);
    expect(pane.state().status.text).toContain(`Tracker!${OUT}10 no longer holds`);
  });
});
