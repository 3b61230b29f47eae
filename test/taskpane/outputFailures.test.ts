// A failure at every request of the output write, of a first run and of a re-run, in every output
// mode and destination: afterwards the workbook is cell for cell (formats, rules, names, sheets,
// panes and widths included) either as it was before the run or as the finished run leaves it. The
// summary sheet is left to succeed: the failure is injected only into the output write's syncs.
import { describe, expect, it } from "vitest";
import { FAILURE_CASES, readyPane, type FailureCase } from "../support/failureCases";
import { spillingEvaluate } from "../support/liveSpills";
import { loadSample, openPane, trackerBook } from "../support/paneHarness";

const sample = loadSample();
const WIDTH = sample.header.length;
const LAST_ROW = sample.rows.length + 1;
// A smaller tracker keeps the many runs quick; the re-run shrinks it further, so its block changes shape.
const ROWS = 24;

/** The pane read and ready to Analyse, with a first run done when `rerun`. */
const ready = (c: FailureCase) =>
  readyPane(c, ROWS, async (pane) => {
    // The analyst deletes the last four organisations and edits a figure.
    pane.book.setValues(
      `Tracker!A${ROWS - 2}:AG${ROWS + 1}`,
      Array.from({ length: 4 }, () => new Array(WIDTH).fill(null)),
    );
    pane.book.setValues("Tracker!H2", [[12345]]);
    pane.book.select(`Tracker!A1:AG${ROWS - 3}`);
    await pane.controller.readSelection();
  });

/** How many syncs the output write takes, measured on a run that succeeds. */
async function writeSyncs(c: FailureCase): Promise<{ syncs: number; finished: unknown }> {
  const pane = await ready(c);
  const write = pane.gateway.writeOutput.bind(pane.gateway);
  let syncs = 0;
  pane.gateway.writeOutput = async (...args) => {
    const start = pane.book.stats.syncs;
    const out = await write(...args);
    syncs = pane.book.stats.syncs - start;
    return out;
  };
  await pane.controller.analyse();
  expect(pane.state().phase, pane.state().status.text).toBe("done");
  return { syncs, finished: pane.book.snapshot({ settings: false }) };
}

describe.each(FAILURE_CASES)("a failure in the output write ($mode, $destination, re-run: $rerun)", (c) => {
  it("leaves the workbook as before or as finished, at every sync", async () => {
    const { syncs, finished } = await writeSyncs(c);
    expect(syncs).toBeGreaterThan(3);
    for (let n = 1; n <= syncs; n++) {
      const pane = await ready(c);
      const before = pane.book.snapshot({ settings: false });
      // Armed as the output write starts, so that only its syncs count (reading the tracker again at
      // Analyse, or the summary after it, are not this test's).
      const write = pane.gateway.writeOutput.bind(pane.gateway);
      pane.gateway.writeOutput = (...args) => {
        pane.gateway.writeOutput = write;
        pane.book.failSync(n);
        return write(...args);
      };
      await pane.controller.analyse();
      const after = pane.book.snapshot({ settings: false });
      if (pane.state().phase === "done") expect(after, `sync ${n}`).toEqual(finished);
      else {
        expect(after, `sync ${n}: ${pane.state().status.text}`).toEqual(before);
        // And the next run, with nothing failing, finishes the job as if nothing had happened.
        await pane.controller.analyse();
        expect(pane.state().phase, pane.state().status.text).toBe("done");
        expect(pane.book.snapshot({ settings: false }), `sync ${n}, run again`).toEqual(finished);
      }
    }
  });
});

it("keeps the sample's first block whole when a re-run fails half-way through a request", async () => {
  for (let n = 1; n <= 12; n++) {
    const pane = openPane({ ...trackerBook(), evaluate: spillingEvaluate });
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    await pane.controller.analyse();
    await pane.controller.readSelection();
    const before = pane.book.snapshot({ settings: false });
    pane.book.failSyncAfter(n);
    await pane.controller.analyse();
    if (pane.state().phase !== "done")
      expect(pane.book.snapshot({ settings: false }), `sync ${n} ${pane.state().status.detail}`).toEqual(before);
  }
  expect(LAST_ROW).toBe(73);
});
