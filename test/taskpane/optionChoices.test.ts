// The options as set so far: what a change does to them, where the months elapsed come from, which
// forecast a tracker gets, and what the form shows.
import { describe, expect, it } from "vitest";
import { recogniseColumns } from "../../src/core/recogniseColumns";
import {
  applyOptionsChange,
  choicesFromWorkbook,
  forecastChoice,
  monthsForTracker,
  optionsView,
  resolveChoices,
} from "../../src/taskpane/optionChoices";
import { selectTracker } from "../../src/taskpane/selectedTracker";
import { EMPTY_STATE, type WorkbookState } from "../../src/taskpane/workbookState";
import { loadSample } from "../support/paneHarness";

const sample = loadSample();
const range = {
  sheetName: "Tracker",
  sheetId: "{1}",
  rect: { row: 0, column: 0, rows: sample.rows.length + 1, columns: sample.header.length },
  address: "Tracker!A1:AG73",
  header: sample.header,
  rows: sample.rows,
  numberFormats: sample.header.map(() => ""),
};
const tracker = selectTracker(range, EMPTY_STATE);
const noForecast = recogniseColumns(["Trust", "Annual plan", "YTD plan", "YTD actual"]);

describe("option choices", () => {
  it("start from the workbook's last run", () => {
    const state: WorkbookState = { ...EMPTY_STATE, forecast: "runRate", outputMode: "live", destination: "newSheet" };
    expect(choicesFromWorkbook(state)).toMatchObject({ forecast: "runRate", outputMode: "live", destination: "newSheet" });
  });

  it("keep months the analyst typed when a tracker is read again, and otherwise work them out", () => {
    const typed = applyOptionsChange(choicesFromWorkbook(EMPTY_STATE), { monthsElapsed: 4 });
    expect(typed).toMatchObject({ monthsElapsed: 4, monthsTyped: true, monthsNote: "As you entered it." });
    expect(monthsForTracker(typed, EMPTY_STATE, tracker).monthsElapsed).toBe(4);
    const inferred = monthsForTracker(choicesFromWorkbook(EMPTY_STATE), EMPTY_STATE, tracker);
    expect(inferred.monthsElapsed).toBe(sample.monthsElapsed);
    expect(inferred.monthsNote).toMatch(/^Worked out from the tracker/);
    const saved = { ...EMPTY_STATE, lastRun: { at: "", monthsElapsed: 9, outputAddress: "" } };
    expect(monthsForTracker(choicesFromWorkbook(saved), saved, tracker)).toMatchObject({
      monthsElapsed: 9,
      monthsNote: "From this workbook's last run.",
    });
  });

  it("use the tracker's own forecast only when it has one", () => {
    const c = choicesFromWorkbook(EMPTY_STATE);
    expect(forecastChoice(c, tracker.mapping)).toBe("reported");
    expect(forecastChoice(c, noForecast)).toBe("deliveryRatio");
    expect(forecastChoice({ ...c, forecast: "reported" }, noForecast)).toBe("deliveryRatio");
    const projected = resolveChoices({ ...c, monthsElapsed: 6, forecast: "runRate" }, tracker.mapping);
    expect(projected.ok && projected.settings).toMatchObject({ forecastBasis: "projected", forecastMethod: "runRate" });
  });

  it("ask for the months elapsed only once a tracker is read", () => {
    const c = choicesFromWorkbook(EMPTY_STATE);
    expect(optionsView(c, null).problems).toEqual([]);
    expect(optionsView(c, tracker.mapping).problems.map((p) => p.key)).toContain("monthsElapsed");
  });

  it("show a threshold as typed even when it cannot be used", () => {
    const c = applyOptionsChange(choicesFromWorkbook(EMPTY_STATE), { threshold: { key: "deliveryRag.amberAt", value: 99 } });
    const view = optionsView({ ...c, monthsElapsed: 6 }, tracker.mapping);
    expect(view.thresholds.find((t) => t.key === "deliveryRag.amberAt")?.value).toBe(99);
    expect(view.problems).toEqual([{ key: "deliveryRag.greenAt", message: expect.stringContaining("amber cut-off") }]);
  });
});

describe("the note beside months elapsed", () => {
  const read = (header: unknown[], rows: unknown[][]) =>
    selectTracker({ ...range, header, rows, numberFormats: header.map(() => ""), address: "Tracker!A1:Z9" }, EMPTY_STATE);

  it("says the months change nothing when the YTD columns are read as they are and no monthly column is used", () => {
    const t = read(["Trust", "Annual plan £k", "YTD plan £k", "YTD actual £k"], [["A", 120, 60, 50]]);
    const c = applyOptionsChange(monthsForTracker(choicesFromWorkbook(EMPTY_STATE), EMPTY_STATE, t), { monthsElapsed: 6 });
    const note = optionsView(c, t.mapping).monthsElapsedNote;
    expect(note).toMatch(/^As you entered it\. /);
    expect(note).toContain("They change no figure here");
    // A run-rate projection divides by the months: then they count.
    const runRate = applyOptionsChange(c, { forecast: "runRate" });
    expect(optionsView(runRate, t.mapping).monthsElapsedNote).toBe("As you entered it.");
    // So does the sample, whose phasing and monthly actuals the months read.
    const sampleChoices = applyOptionsChange(choicesFromWorkbook(EMPTY_STATE), { monthsElapsed: 6 });
    expect(optionsView(sampleChoices, tracker.mapping).monthsElapsedNote).toBe("As you entered it.");
  });

  it("warns when the months go beyond the last monthly actual filled in", () => {
    const c = applyOptionsChange(monthsForTracker(choicesFromWorkbook(EMPTY_STATE), EMPTY_STATE, tracker), { monthsElapsed: 9 });
    expect(optionsView(c, tracker.mapping).monthsElapsedNote).toBe(
      "As you entered it. Warning: the last monthly actual filled in is Sep (month 6); " +
        "where a YTD actual is added up from the months, Oct to Dec count as nothing delivered.",
    );
    const six = applyOptionsChange(c, { monthsElapsed: 6 });
    expect(optionsView(six, tracker.mapping).monthsElapsedNote).toBe("As you entered it.");
  });
});
