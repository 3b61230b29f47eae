// The runs the failure-injection tests repeat at every sync: each output mode and destination, as a
// first run and as a re-run, on a small slice of the sample whose live formulas spill as in Excel.
import { expect } from "vitest";
import type { Destination, OutputMode } from "../../src/taskpane/options";
import { spillingEvaluate } from "./liveSpills";
import { loadSample, openPane, trackerBook, type Pane } from "./paneHarness";

export type FailureCase = { mode: OutputMode; destination: Destination; rerun: boolean };

export const FAILURE_CASES: FailureCase[] = (["values", "live", "portable"] as const).flatMap((mode) =>
  (["beside", "newSheet"] as const).flatMap((destination) => [false, true].map((rerun) => ({ mode, destination, rerun }))),
);

/**
 * The pane read and ready to Analyse the sample's first `rows` organisations; for a re-run, a first
 * run done and then `change` (what the analyst did since) applied.
 */
export async function readyPane(
  { mode, destination, rerun }: FailureCase,
  rows: number,
  change: (pane: Pane) => Promise<void> | void,
): Promise<Pane> {
  const sample = loadSample();
  const pane = openPane({ ...trackerBook({ ...sample, rows: sample.rows.slice(0, rows) }), evaluate: spillingEvaluate });
  pane.book.select("Tracker!A1");
  await pane.controller.readSelection();
  pane.controller.changeOptions({ outputMode: mode, destination });
  if (rerun) {
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    await change(pane);
  }
  return pane;
}
