// The CIP Summary sheet is built whole before it replaces the old one: a failure at any sync of its
// write leaves the workbook as it was before the summary step, and a later run still makes
// "CIP Summary", never "CIP Summary 2". Its text is written as text, and a protected summary sheet
// or workbook structure is found before anything is written.
import { describe, expect, it } from "vitest";
import { analyseTracker } from "../../src/core/analyseTracker";
import { recogniseColumns } from "../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { planSummary, type SummaryPlan } from "../../src/taskpane/summary/summaryPlan";
import { HISTORY_SHEET } from "../../src/taskpane/excel/history";
import { STATE_KEY } from "../../src/taskpane/workbookState";
import { createWorkbookDouble } from "../../packages/excel-double";
import { attach, loadSample, openPane, trackerBook, type Pane } from "../support/paneHarness";

const sample = loadSample();

function summaryPlan(ranAt: string, rows: unknown[][] = sample.rows): SummaryPlan {
  const analysis = analyseTracker(rows, recogniseColumns(sample.header), { ...DEFAULT_SETTINGS, monthsElapsed: 6 });
  return planSummary({ analysis, trackerAddress: "Tracker!A1:AG73", outputAddress: "Tracker!AH1:AU73", ranAt, moneyFormat: "" });
}

const paneOn = () => attach(createWorkbookDouble({ ...trackerBook(), sheets: { ...trackerBook().sheets, Notes: [["mine"]] } }));

/** How many syncs a clean summary write takes on a pane made by `setUp`, and the workbook it leaves. */
async function cleanRun(setUp: () => Promise<{ pane: Pane; own: string | null }>, plan: SummaryPlan) {
  const { pane, own } = await setUp();
  pane.book.resetStats();
  const written = await pane.gateway.writeSummary(plan, own);
  expect(written.ok).toBe(true);
  return { syncs: pane.book.stats.syncs, after: pane.book.snapshot() };
}

async function everySync(setUp: () => Promise<{ pane: Pane; own: string | null }>, plan: SummaryPlan) {
  const clean = await cleanRun(setUp, plan);
  expect(clean.syncs).toBeGreaterThanOrEqual(2);
  for (let n = 1; n <= clean.syncs; n++) {
    const { pane, own } = await setUp();
    const before = pane.book.snapshot();
    pane.book.failSync(n);
    const written = await pane.gateway.writeSummary(plan, own);
    expect(written.ok, `sync ${n}`).toBe(false);
    expect(pane.book.snapshot(), `sync ${n}`).toEqual(before);
    // The next run is not put off by anything the failed one left.
    const again = await pane.gateway.writeSummary(plan, own);
    expect(again.ok && again.sheetName, `sync ${n}`).toBe("CIP Summary");
    expect(pane.book.snapshot(), `sync ${n}`).toEqual(clean.after);
  }
}

describe("the summary sheet is replaced whole or not at all", () => {
  it("on a first run, whichever sync fails", async () => {
    await everySync(async () => ({ pane: paneOn(), own: null }), summaryPlan("2026-12-01 09:30"));
  });

  it("on a re-run, whichever sync fails, the old summary stays as it was, chart included", async () => {
    const setUp = async () => {
      const pane = paneOn();
      const first = await pane.gateway.writeSummary(summaryPlan("2026-11-01 09:30"), null);
      if (!first.ok) throw new Error(first.message);
      // The analyst looks at it and moves it before Notes.
      await pane.book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(first.sheetId);
        sheet.position = 1;
        sheet.activate();
        await context.sync();
      });
      return { pane, own: first.sheetId };
    };
    await everySync(setUp, summaryPlan("2026-12-01 09:30", sample.rows.slice(0, 40)));
    const { pane, own } = await setUp();
    await pane.gateway.writeSummary(summaryPlan("2026-12-01 09:30"), own);
    expect(pane.book.sheetNames()).toEqual(["Tracker", "CIP Summary", "Notes"]);
    expect(pane.book.activeSheet()).toBe("CIP Summary");
  });

  it("records the new summary only once it is complete, so the next run rebuilds the same sheet", async () => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    // Fail the summary's last sync, the swap: Analyse takes 4 syncs to read the tracker, 1 the run history,
    // 7 to write the block, 2 for the summary.
    pane.book.failSync(14);
    await pane.controller.analyse();
    expect(pane.state().status.detail).toContain("The summary sheet could not be written.");
    // Nor is the run added to the history: run again, it is still the first.
    expect(pane.book.sheetNames()).toEqual(["Tracker"]);
    expect(JSON.parse(String(pane.book.settings.get(STATE_KEY))).summarySheetId).toBeNull();
    await pane.controller.analyse();
    expect(pane.state().result?.summarySheet).toBe("CIP Summary");
    expect(pane.book.sheetNames()).toEqual(["Tracker", "CIP Summary", HISTORY_SHEET]);
  });
});

describe("text on the summary sheet", () => {
  it("stays text: group and organisation names are never formulas, numbers or errors", async () => {
    const names = ['=HYPERLINK("http://x","y")', "00123", "#N/A", "1e3", "+44 1234", "'quoted"];
    const pane = openPane(trackerBook());
    // Typed with an apostrophe, as an analyst keeps them text in the tracker.
    await pane.book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      sheet.getRange("C2:C73").values = sample.rows.map((_, i) => [`'${names[i % names.length]}`]); // Cluster: the group
      sheet.getRange("A2:A7").values = names.map((n) => [`'${n}`]); // Trust: the organisation
      await context.sync();
    });
    expect(pane.book.values("Tracker!A2")).toEqual([[names[0]]]);
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    await pane.controller.analyse();
    expect(pane.state().result?.summarySheet, pane.state().status.detail).toBe("CIP Summary");
    const values = pane.book.values("'CIP Summary'!A1:M200").flat();
    const types = pane.book.valueTypes("'CIP Summary'!A1:M200").flat();
    for (const name of names) {
      const at = values.indexOf(name);
      expect(at, name).toBeGreaterThanOrEqual(0);
      expect(types[at], name).toBe("String");
    }
    expect(types).not.toContain("Error");
  });
});

describe("protection is found before anything is written", () => {
  async function ranOnce(): Promise<Pane> {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    await pane.controller.analyse();
    expect(pane.state().phase).toBe("done");
    pane.book.setValues("Tracker!H2", [[1]]);
    return pane;
  }

  it("a protected summary sheet: nothing is written, and the message names it", async () => {
    const pane = await ranOnce();
    pane.book.protect("CIP Summary");
    const before = pane.book.snapshot();
    await pane.controller.analyse();
    expect(pane.state().status).toMatchObject({
      kind: "error",
      text: "The summary sheet CIP Summary is protected, so CIP Analyst cannot rebuild it. Nothing was changed.",
    });
    expect(pane.book.snapshot()).toEqual(before);
    expect(pane.book.sheetNames()).not.toContain("CIP Summary 2");
  });

  it("a protected workbook structure on a first run: nothing is written, and the message says so", async () => {
    const pane = openPane(trackerBook());
    pane.book.protectStructure(true);
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    const before = pane.book.snapshot();
    await pane.controller.analyse();
    expect(pane.state().status.text).toBe(
      "The workbook's structure is protected, so CIP Analyst cannot add its summary sheet. Nothing was changed.",
    );
    expect(pane.state().status.detail).toContain("Protect Workbook");
    expect(pane.book.snapshot()).toEqual(before);
  });

  it("a protected workbook structure on a re-run names the summary sheet it would replace", async () => {
    const pane = await ranOnce();
    pane.book.protectStructure(true);
    const before = pane.book.snapshot();
    await pane.controller.analyse();
    expect(pane.state().status.text).toBe(
      "The workbook's structure is protected, so CIP Analyst cannot replace its summary sheet CIP Summary. Nothing was changed.",
    );
    expect(pane.book.snapshot()).toEqual(before);
  });
});
