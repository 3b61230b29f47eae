// Analyse works on the tracker as it is when pressed: edits, sorts and rows added or removed after
// Use selection (or after an earlier Analyse) are read again, and every result sits beside its own
// row; a tracker that moved or whose header changed is refused with a message saying so.
import { describe, expect, it } from "vitest";
import { columnLetter } from "../../src/core/excelConventions";
import { loadSample, openPane, trackerBook, type Pane } from "../support/paneHarness";

const sample = loadSample();
const WIDTH = sample.header.length; // A:AG
const LAST_ROW = sample.rows.length + 1;
const PLAN = "G"; // YTD plan £k
const ACTUAL = "H"; // YTD actual £k

/** The column letter of an output header in the block beside the tracker. */
function outputColumn(pane: Pane, header: string): string {
  const headers = pane.book.values(`Tracker!${columnLetter(WIDTH)}1:${columnLetter(WIDTH + 20)}1`)[0];
  const at = headers.indexOf(header);
  expect(at, header).toBeGreaterThanOrEqual(0);
  return columnLetter(WIDTH + at);
}

/** Every written YTD shortfall equals its own row's plan minus actual (or 0 when ahead). */
function expectShortfallsBesideTheirRows(pane: Pane, lastRow = LAST_ROW): void {
  const out = outputColumn(pane, "CIP: YTD shortfall");
  const plan = pane.book.values(`Tracker!${PLAN}2:${PLAN}${lastRow}`).flat() as number[];
  const actual = pane.book.values(`Tracker!${ACTUAL}2:${ACTUAL}${lastRow}`).flat() as number[];
  const written = pane.book.values(`Tracker!${out}2:${out}${lastRow}`).flat();
  written.forEach((v, i) => expect(v, `row ${i + 2}`).toBeCloseTo(Math.max(0, plan[i] - actual[i]), 6));
}

async function read(pane: Pane, select = "Tracker!A1"): Promise<void> {
  pane.book.select(select);
  await pane.controller.readSelection();
  expect(pane.state().phase, pane.state().status.text).toBe("mapped");
}

describe("Analyse reads the tracker as it is when pressed", () => {
  it("uses a figure edited after Use selection", async () => {
    const pane = openPane(trackerBook());
    await read(pane);
    pane.book.setValues(`Tracker!${ACTUAL}2`, [[1]]);
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    expectShortfallsBesideTheirRows(pane);
  });

  it("writes every result beside its own row after the tracker was sorted", async () => {
    const pane = openPane(trackerBook());
    await read(pane);
    pane.book.setValues(`Tracker!A2:AG${LAST_ROW}`, [...sample.rows].reverse());
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    expectShortfallsBesideTheirRows(pane);
    const notes = pane.book.values(`Tracker!A2:A3`).flat();
    expect(notes).toEqual([sample.rows[71][0], sample.rows[70][0]]);
  });

  it("picks up an edit made between two Analyses", async () => {
    const pane = openPane(trackerBook());
    await read(pane);
    await pane.controller.analyse();
    pane.book.setValues(`Tracker!${ACTUAL}5:${ACTUAL}6`, [[0], [99999]]);
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    expectShortfallsBesideTheirRows(pane);
  });

  it("includes rows added below a tracker found from one cell, and says the count changed", async () => {
    const pane = openPane(trackerBook());
    await read(pane, "Tracker!C5");
    pane.book.setValues(`Tracker!A${LAST_ROW + 1}:AG${LAST_ROW + 2}`, sample.rows.slice(0, 2));
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    expect(pane.state().result?.outputAddress).toMatch(new RegExp(`${LAST_ROW + 2}$`));
    expect(pane.state().status.detail).toContain("74 rows now (72 at Use selection)");
    expectShortfallsBesideTheirRows(pane, LAST_ROW + 2);
  });

  it("leaves out rows cleared at the end of a tracker found from one cell", async () => {
    const pane = openPane(trackerBook());
    await read(pane, "Tracker!C5");
    pane.book.setValues(`Tracker!A${LAST_ROW}:AG${LAST_ROW}`, [new Array(WIDTH).fill("")]);
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    expect(pane.state().result?.outputAddress).toMatch(new RegExp(`${LAST_ROW - 1}$`));
  });

  it("refuses, writing nothing, when rows inserted above moved the tracker's header", async () => {
    const pane = openPane(trackerBook());
    await read(pane);
    // What inserting a title row above leaves: everything one row lower.
    pane.book.setValues(`Tracker!A1:AG${LAST_ROW + 1}`, [new Array(WIDTH).fill(""), sample.header, ...sample.rows]);
    const before = pane.book.snapshot();
    await pane.controller.analyse();
    expect(pane.state().status.kind).toBe("error");
    expect(pane.state().status.text).toContain("header row changed since Use selection");
    expect(pane.state().status.detail).toContain("Use selection");
    expect(pane.book.snapshot()).toEqual(before);
  });

  it("refuses when a header was renamed, naming the column", async () => {
    const pane = openPane(trackerBook());
    await read(pane);
    pane.book.setValues("Tracker!H1", [["Actual to date"]]);
    const before = pane.book.snapshot();
    await pane.controller.analyse();
    expect(pane.state().status.text).toContain("header row changed since Use selection");
    expect(pane.state().status.detail).toContain('H was "YTD actual £k", now "Actual to date"');
    expect(pane.book.snapshot()).toEqual(before);
  });

  it("keeps the analyst's column corrections when only figures changed", async () => {
    const pane = openPane(trackerBook());
    await read(pane);
    // The analyst reads column G (YTD plan) as the annual plan: % of annual plan becomes YTD progress.
    const g = pane.state().mapping?.rows.findIndex((r) => r.letter === "F") ?? -1;
    pane.controller.changeMapping(g, null);
    pane.book.setValues(`Tracker!${ACTUAL}2`, [[1]]);
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    const headers = pane.book.values(`Tracker!${columnLetter(WIDTH)}1:${columnLetter(WIDTH + 20)}1`)[0];
    expect(headers).not.toContain("CIP: % of annual plan");
    expect(pane.state().mapping?.rows[g].field).toBeNull();
    expectShortfallsBesideTheirRows(pane);
  });

  it("says so when the tracker's sheet is gone", async () => {
    const pane = openPane(trackerBook(sample, { Other: [["x"]] }));
    await read(pane);
    await pane.book.run(async (context) => {
      context.workbook.worksheets.getItem("Tracker").delete();
      await context.sync();
    });
    await pane.controller.analyse();
    expect(pane.state().status.text).toContain("sheet Tracker");
    expect(pane.state().status.text).toContain("no longer");
  });
});
