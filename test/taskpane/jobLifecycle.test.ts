// A job that throws, at any step (reading, recognising, planning, writing, the summary, saving the
// state, drawing the pane), ends: the pane leaves "running", the progress bar goes, Analyse can be
// pressed again and works, and the status says which step failed. The real controller and gateway
// over the Excel double; a throw is injected at each step in turn.
import { afterEach, describe, expect, it, vi } from "vitest";
import { columnLetter } from "../../src/core/excelConventions";
import { recogniseColumns } from "../../src/core/recogniseColumns";
import { outputWidthFor } from "../../src/taskpane/output/outputColumns";
import { loadSample, openPane, trackerBook, type Pane } from "../support/paneHarness";

/** Switches that make the next call of a pure step throw; the planner and recognition are real otherwise. */
const breaks = vi.hoisted(() => {
  const armed = { plan: false, recognise: false };
  const breakable =
    <A extends unknown[], R>(key: keyof typeof armed, message: string, step: (...args: A) => R) =>
    (...args: A): R => {
      if (armed[key]) {
        armed[key] = false;
        throw new Error(message);
      }
      return step(...args);
    };
  return { armed, breakable };
});

vi.mock("../../src/taskpane/analysePlan", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/taskpane/analysePlan")>();
  return { ...actual, planAnalysis: breaks.breakable("plan", "The planner broke.", actual.planAnalysis) };
});

vi.mock("../../src/taskpane/selectedTracker", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/taskpane/selectedTracker")>();
  return { ...actual, selectTracker: breaks.breakable("recognise", "Recognition broke.", actual.selectTracker) };
});

afterEach(() => {
  breaks.armed.plan = false;
  breaks.armed.recognise = false;
  vi.restoreAllMocks();
});

const sample = loadSample();
const WIDTH = sample.header.length;
const BLOCK = `Tracker!${columnLetter(WIDTH)}1:${columnLetter(
  WIDTH + outputWidthFor(recogniseColumns(sample.header).columns) - 1,
)}${sample.rows.length + 1}`;

/** What office.js rejects with: an error with a code. */
const excelError = () => Object.assign(new Error("The request failed."), { code: "GeneralException" });

async function readPane(): Promise<Pane> {
  const pane = openPane(trackerBook());
  pane.book.select("Tracker!A1");
  await pane.controller.readSelection();
  expect(pane.state().phase, pane.state().status.text).toBe("mapped");
  return pane;
}

/** Not busy, no progress, Analyse offered, and the status is the failure. */
function expectEnded(pane: Pane, text: string, detail: string | RegExp): void {
  const s = pane.state();
  expect(s.phase).not.toBe("running");
  expect(s.progress).toBeNull();
  expect(s.status.kind).toBe("error");
  expect(s.status.text).toBe(text);
  expect(s.status.detail).toMatch(detail);
}

/** Analyse works again: the job was really ended. */
async function expectUsable(pane: Pane): Promise<void> {
  expect(pane.state().canAnalyse).toBe(true);
  await pane.controller.analyse();
  expect(pane.state().phase, pane.state().status.text).toBe("done");
  expect(pane.state().result?.outputAddress).toBe(BLOCK);
}

describe("a job that throws", () => {
  it("while reading the selection ends, says the selection could not be read, and can read again", async () => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!A1");
    vi.spyOn(pane.gateway, "readSelection").mockRejectedValueOnce(excelError());
    await pane.controller.readSelection();
    expectEnded(pane, "The selection could not be read.", /Excel reported an internal error/);
    expect(pane.state().phase).toBe("empty");
    expect(pane.state().canAnalyse).toBe(false);
    await pane.controller.readSelection();
    expect(pane.state().phase).toBe("mapped");
    await expectUsable(pane);
  });

  it("while recognising the cells ends, keeping no half-read tracker", async () => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!A1");
    breaks.armed.recognise = true;
    await pane.controller.readSelection();
    expectEnded(pane, "The selected cells could not be read as a tracker.", "Recognition broke.");
    expect(pane.state().phase).toBe("empty");
    expect(pane.state().selection).toBe("");
    await pane.controller.readSelection();
    await expectUsable(pane);
  });

  it("while planning the analysis ends, writing nothing", async () => {
    const pane = await readPane();
    const before = pane.book.snapshot();
    breaks.armed.plan = true;
    await pane.controller.analyse();
    expectEnded(pane, "The analysis could not be worked out, so nothing was written.", "The planner broke.");
    expect(pane.state().phase).toBe("mapped");
    expect(pane.book.snapshot()).toEqual(before);
    await expectUsable(pane);
  });

  it("in the gateway while writing the output ends and says the output could not be written", async () => {
    const pane = await readPane();
    const before = pane.book.snapshot();
    vi.spyOn(pane.gateway, "writeOutput").mockRejectedValueOnce(excelError());
    await pane.controller.analyse();
    expectEnded(pane, "The output could not be written.", /Excel reported an internal error/);
    expect(pane.book.snapshot()).toEqual(before);
    await expectUsable(pane);
  });

  it("in the view while the rows are written ends, with what was written cleared again", async () => {
    const pane = await readPane();
    const before = pane.book.snapshot().sheets;
    pane.breakRender((s) => s.progress?.label === "Writing the results" && s.progress.done > 0);
    await pane.controller.analyse();
    expectEnded(pane, "The output could not be written. Excel reported: The view failed to draw.", /cleared again/);
    expect(pane.book.snapshot().sheets).toEqual(before);
    expect(pane.book.names()).toEqual([]);
    await expectUsable(pane);
  });

  it("in the gateway while writing the summary ends, saying the results are written all the same", async () => {
    const pane = await readPane();
    vi.spyOn(pane.gateway, "writeSummary").mockRejectedValueOnce(excelError());
    await pane.controller.analyse();
    expectEnded(
      pane,
      `The results were written to ${BLOCK}, but the summary sheet could not be written.`,
      /Excel reported an internal error/,
    );
    expect(pane.book.values(BLOCK.split(":")[0])[0][0]).not.toBe("");
    // The re-run finds and replaces the block this run wrote, rather than refusing to overwrite it.
    await expectUsable(pane);
  });

  it("in the gateway while saving the state ends, saying the results are written all the same", async () => {
    const pane = await readPane();
    vi.spyOn(pane.gateway, "saveState").mockRejectedValueOnce(excelError());
    await pane.controller.analyse();
    expectEnded(
      pane,
      `The results were written to ${BLOCK}, but the settings could not be saved in the workbook.`,
      /Excel reported an internal error/,
    );
    await expectUsable(pane);
  });

  it("in the view as the job starts ends it before anything is read", async () => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!A1");
    pane.breakRender((s) => s.phase === "running");
    await pane.controller.readSelection();
    expectEnded(pane, "The pane could not be redrawn.", "The view failed to draw.");
    expect(pane.state().phase).toBe("empty");
    await pane.controller.readSelection();
    await expectUsable(pane);
  });

  it("in the view as the job ends still leaves the pane usable and says so", async () => {
    const pane = await readPane();
    pane.breakRender((s) => s.phase === "done");
    await pane.controller.analyse();
    expectEnded(pane, "The pane could not be redrawn.", "The view failed to draw.");
    expect(pane.state().phase).toBe("mapped");
    await expectUsable(pane);
  });
});

describe("a step that fails the way Excel fails", () => {
  // Analyse reads the tracker again in four syncs and the run history in one, the write takes seven;
  // the summary's first comes next.
  it("a refused summary still ends the run as done, with the reason in the detail", async () => {
    const pane = await readPane();
    pane.book.failSyncAfter(5 + 8, "GeneralException");
    await pane.controller.analyse();
    const s = pane.state();
    expect(s.phase, s.status.text).toBe("done");
    expect(s.status).toMatchObject({ kind: "warning", text: `Done: results written to ${BLOCK}.` });
    expect(s.status.detail).toMatch(/^The summary sheet could not be written\. Excel reported an internal error/);
    expect(s.result?.summarySheet).toBe("");
    await expectUsable(pane);
  });

  it("settings that cannot be saved still end the run as done, with the reason in the detail", async () => {
    const pane = await readPane();
    pane.book.failNextSettingsSave();
    await pane.controller.analyse();
    const s = pane.state();
    expect(s.phase, s.status.text).toBe("done");
    expect(s.status.kind).toBe("warning");
    expect(s.status.detail).toMatch(/^The settings could not be saved in the workbook/);
    await expectUsable(pane);
  });
});
