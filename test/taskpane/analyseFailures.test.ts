// A failure at every request of a whole Analyse — reading the tracker again, checking, writing the
// output block, building and swapping in the summary sheet — of a first run and of a re-run, in every
// output mode and destination. Afterwards no sheet is half-written: each is cell for cell (formats,
// rules, charts, panes and widths included) either as it was before the run or as the finished run
// leaves it, the workbook's names are one set or the other, and a run with nothing failing then
// finishes as if nothing had happened. (outputFailures.test.ts and summarySheet.test.ts go deeper
// into each step; this one covers the seams between them.) The very hidden run history is one of the
// sheets, and it holds this run only when everything else is finished.
import { describe, expect, it } from "vitest";
import type { WorkbookSnapshot } from "../../packages/excel-double";
import { HISTORY_SHEET } from "../../src/taskpane/excel/history";
import { FAILURE_CASES, readyPane, type FailureCase } from "../support/failureCases";
import type { Pane } from "../support/paneHarness";

const ROWS = 16;
const ready = (c: FailureCase) => readyPane(c, ROWS, (pane) => pane.book.setValues("Tracker!H2", [[12345]]));

const snapshot = (pane: Pane) => pane.book.snapshot({ settings: false });

/** Every sheet as before or as finished (by name), and the names as one or the other. */
function wholeSheets(after: WorkbookSnapshot, before: WorkbookSnapshot, finished: WorkbookSnapshot, label: string): void {
  for (const sheet of after.sheets) {
    const options = [before, finished].map((s) => s.sheets.find((x) => x.name === sheet.name)).filter(Boolean);
    expect(
      options.some((o) => JSON.stringify(o) === JSON.stringify(sheet)),
      `${label}: sheet "${sheet.name}" is neither as before nor as finished`,
    ).toBe(true);
  }
  const names = JSON.stringify(after.names);
  expect(
    [before, finished].map((s) => JSON.stringify(s.names)),
    `${label}: names`,
  ).toContain(names);
}

describe.each(FAILURE_CASES)("a failure anywhere in Analyse ($mode, $destination, re-run: $rerun)", (c) => {
  it("leaves every sheet as before or as finished, at every sync", async () => {
    const measured = await ready(c);
    const start = measured.book.stats.syncs;
    await measured.controller.analyse();
    expect(measured.state().phase, measured.state().status.text).toBe("done");
    const syncs = measured.book.stats.syncs - start;
    const finished = snapshot(measured);
    expect(syncs).toBeGreaterThan(8);
    for (let n = 1; n <= syncs; n++) {
      const pane = await ready(c);
      const before = snapshot(pane);
      pane.book.failSync(n);
      await pane.controller.analyse();
      const after = snapshot(pane);
      const label = `sync ${n} of ${syncs}: ${pane.state().status.text}`;
      if (pane.state().phase === "done" && pane.state().status.kind === "success") {
        expect(after, label).toEqual(finished);
        continue;
      }
      expect(pane.state().status.kind, label).not.toBe("busy");
      wholeSheets(after, before, finished, label);
      // The history (a very hidden sheet, in the snapshot like any other) records the run only once
      // everything else is finished, so the next run compares with the same last run.
      const history = (s: WorkbookSnapshot) => JSON.stringify(s.sheets.find((x) => x.name === HISTORY_SHEET) ?? null);
      if (history(after) === history(finished)) expect(after, `${label}: history written before the rest`).toEqual(finished);
      else expect(history(after), label).toBe(history(before));
      await pane.controller.analyse();
      expect(pane.state().phase, `${label}, run again`).toBe("done");
      expect(snapshot(pane), `${label}, run again`).toEqual(finished);
    }
  });
});
