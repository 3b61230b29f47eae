// The run history over the Excel double: written on a very hidden sheet and read back, movement
// matched by name whatever the order, duplicates said, the first run, the limit of 13 runs, a
// damaged history kept aside, and a failure at any sync of the history's write leaving the previous
// history whole.
import { describe, expect, it } from "vitest";
import { FIRST_RUN_HEADLINE } from "../../src/core/history/movementHeadline";
import { HISTORY_LIMIT, serialiseHistory } from "../../src/core/history/historyFormat";
import { columnLetter } from "../../src/core/excelConventions";
import { HISTORY_BUILDING, HISTORY_DAMAGED, HISTORY_PREVIOUS, HISTORY_SHEET } from "../../src/taskpane/excel/history";
import { historyCells, storedHistory } from "../support/historyCheck";
import { loadSample, openPane, trackerBook, type Pane } from "../support/paneHarness";

const sample = loadSample();
const ROWS = 16;
const WIDTH = sample.header.length;
const rows = () => sample.rows.slice(0, ROWS).map((r) => [...r]);
/** The movement column: the last of the block beside the tracker (14 results, then the movement). */
const MOVEMENT = columnLetter(WIDTH + 14);
const FORECAST = 8;

async function analyse(pane: Pane): Promise<void> {
  pane.book.select("Tracker!A1");
  await pane.controller.readSelection();
  await pane.controller.analyse();
  expect(pane.state().phase, `${pane.state().status.text} ${pane.state().status.detail}`).toBe("done");
}

const paneWith = (data: unknown[][]) => openPane(trackerBook({ ...sample, rows: data }));
const setRows = (pane: Pane, data: unknown[][]) =>
  pane.book.setValues(`Tracker!A2:${columnLetter(WIDTH - 1)}${data.length + 1}`, data);
const summaryColumn = (pane: Pane) => pane.book.values("'CIP Summary'!A1:A400").map((r) => r[0]);
const summaryRows = (pane: Pane) => pane.book.values("'CIP Summary'!A1:H400");

describe("the run history", () => {
  it("is written on a very hidden sheet and read back as the run it records", async () => {
    const pane = paneWith(rows());
    await analyse(pane);
    expect(pane.book.snapshot().sheets.find((s) => s.name === HISTORY_SHEET)?.visibility).toBe("VeryHidden");
    const history = storedHistory(pane.book);
    expect(history.runs).toHaveLength(1);
    const run = history.runs[0];
    expect(run.info).toMatchObject({ runAt: "2026-12-01T09:30:00.000Z", monthsElapsed: 6, unit: "£k" });
    expect(run.totals.rows).toBe(ROWS);
    expect(run.totals.forecast).toBeCloseTo(
      rows().reduce((s, r) => s + (r[FORECAST] as number), 0),
      6,
    );
    expect(run.detail?.organisations).toEqual(rows().map((r) => r[0]));
    // The first run says there is nothing to compare with, in the pane and on the summary.
    expect(pane.state().result?.headlines.at(-1)).toBe(FIRST_RUN_HEADLINE);
    expect(summaryColumn(pane)).toContain(FIRST_RUN_HEADLINE);
  });

  it("matches rows by name after sorting, renaming, adding and removing rows", async () => {
    const pane = paneWith(rows());
    await analyse(pane);
    const next = rows();
    const [renamedFrom, removed] = [next[0][0], next[1][0]];
    next[0][0] = "Renamed Trust";
    next[1] = [...next[1]];
    next[1][0] = "New Trust";
    (next[2][FORECAST] as number) += 100;
    (next[2] as unknown[])[FORECAST] = (rows()[2][FORECAST] as number) - 250;
    next.reverse(); // sorted the other way
    setRows(pane, next);
    await analyse(pane);
    const movement = pane.book.values(`Tracker!${MOVEMENT}1:${MOVEMENT}${ROWS + 1}`).map((r) => r[0]);
    expect(movement[0]).toBe("CIP: Forecast movement");
    next.forEach((row, i) => {
      const cell = movement[i + 1];
      if (row[0] === "Renamed Trust" || row[0] === "New Trust") expect(cell, String(row[0])).toBe("");
      else if (row[0] === rows()[2][0]) expect(cell).toBeCloseTo(-250, 6);
      else expect(cell, String(row[0])).toBe(0);
    });
    const summary = summaryRows(pane);
    const find = (change: unknown, name: unknown) => summary.find((r) => r[0] === name && r[1] === change);
    expect(find("Added", "Renamed Trust")).toBeDefined();
    expect(find("Added", "New Trust")).toBeDefined();
    expect(find("Removed", renamedFrom)).toBeDefined();
    expect(find("Removed", removed)).toBeDefined();
    expect(pane.state().result?.headlines.at(-1)).toMatch(
      /^Forecast down £250k since the last run \(1 Dec 2026\); biggest movers: /,
    );
    expect(summaryColumn(pane)).toContain("Movement since the last run");
  });

  it("says which organisations appear twice and leaves them out of the row comparison", async () => {
    const data = rows();
    data[5][0] = data[4][0];
    const pane = paneWith(data);
    await analyse(pane);
    await analyse(pane);
    const notes = summaryColumn(pane).filter((c) => typeof c === "string" && c.includes("appears in 2 rows (rows 6 and 7)"));
    expect(notes).toHaveLength(1);
    const movement = pane.book.values(`Tracker!${MOVEMENT}6:${MOVEMENT}7`).map((r) => r[0]);
    expect(movement).toEqual(["", ""]);
    expect(pane.book.values(`Tracker!${MOVEMENT}5`)[0][0]).toBe(0);
  });

  it(`keeps the last ${HISTORY_LIMIT} runs`, async () => {
    const pane = paneWith(rows());
    for (let run = 1; run <= HISTORY_LIMIT + 1; run++) {
      const data = rows();
      data[0][FORECAST] = run; // tells the runs apart
      setRows(pane, data);
      await analyse(pane);
    }
    const history = storedHistory(pane.book);
    expect(history.runs).toHaveLength(HISTORY_LIMIT);
    // The oldest went; only the newest keeps its rows one by one.
    expect(history.runs.map((r) => r.detail !== null)).toEqual([...new Array(HISTORY_LIMIT - 1).fill(false), true]);
    expect(history.runs[HISTORY_LIMIT - 1].detail?.amounts.forecast[0]).toBe(HISTORY_LIMIT + 1);
  });

  it("keeps a history it cannot read under another name, says so, and starts a new one", async () => {
    const pane = paneWith(rows());
    await analyse(pane);
    pane.book.setValues(`'${HISTORY_SHEET}'!A2`, [["|{damaged"]]);
    const damaged = historyCells(pane.book);
    await analyse(pane);
    expect(pane.state().status.detail).toContain("The stored run history is damaged");
    expect(pane.state().status.detail).toContain(HISTORY_DAMAGED);
    expect(historyCells(pane.book, HISTORY_DAMAGED)).toEqual(damaged);
    expect(storedHistory(pane.book).runs).toHaveLength(1);
    expect(pane.state().result?.headlines.at(-1)).toBe(FIRST_RUN_HEADLINE);
  });

  it("finds a history a cut-short write left set aside, and puts it back", async () => {
    const pane = paneWith(rows());
    await analyse(pane);
    await pane.book.run(async (context) => {
      context.workbook.worksheets.getItem(HISTORY_SHEET).name = HISTORY_PREVIOUS;
      await context.sync();
    });
    await analyse(pane);
    expect(pane.state().result?.headlines.at(-1)).toMatch(/^Forecast unchanged since the last run/);
    expect(storedHistory(pane.book).runs).toHaveLength(2);
    expect(pane.book.sheetNames()).not.toContain(HISTORY_PREVIOUS);
  });

  it("refuses before writing anything when the workbook's structure is protected", async () => {
    const pane = paneWith(rows());
    pane.book.protectStructure(true);
    const before = pane.book.snapshot();
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    await pane.controller.analyse();
    expect(pane.state().status.text).toMatch(/structure is protected.*Nothing was changed\./);
    expect(pane.book.snapshot()).toEqual(before);
  });
});

describe("a failure while the history is written", () => {
  /** A pane that has run once, its history, and the syncs of a second run before and during the history's write. */
  async function measure() {
    const pane = paneWith(rows());
    await analyse(pane);
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    const start = pane.book.stats.syncs;
    let historyFrom = -1;
    const write = pane.gateway.writeHistory.bind(pane.gateway);
    pane.gateway.writeHistory = (history, keepOld) => {
      historyFrom = pane.book.stats.syncs - start;
      return write(history, keepOld);
    };
    await pane.controller.analyse();
    return { historyFrom, total: pane.book.stats.syncs - start, after: storedHistory(pane.book) };
  }

  it.each(["failSync", "failSyncAfter"] as const)("leaves the previous history whole at every sync (%s)", async (how) => {
    const { historyFrom, total, after } = await measure();
    expect(total - historyFrom).toBeGreaterThanOrEqual(3);
    expect(after.runs).toHaveLength(2);
    for (let n = historyFrom + 1; n <= total; n++) {
      const pane = paneWith(rows());
      await analyse(pane);
      const previous = serialiseHistory(storedHistory(pane.book));
      pane.book.select("Tracker!A1");
      await pane.controller.readSelection();
      if (how === "failSync") pane.book.failSync(n);
      else pane.book.failSyncAfter(n, "GeneralException");
      await pane.controller.analyse();
      const label = `sync ${n} of ${total}`;
      expect(pane.state().phase, label).toBe("done");
      expect(pane.state().status.kind, label).toBe("warning");
      expect(pane.state().status.detail, label).toContain("could not be added to the run history, which is kept as it was");
      expect(serialiseHistory(storedHistory(pane.book)), label).toBe(previous);
      expect(pane.book.sheetNames(), label).not.toContain(HISTORY_BUILDING);
      expect(pane.book.sheetNames(), label).not.toContain(HISTORY_PREVIOUS);
      // And the next run adds to it as if nothing had happened.
      await pane.controller.analyse();
      expect(serialiseHistory(storedHistory(pane.book)), `${label}, run again`).toBe(serialiseHistory(after));
    }
  });
});

describe("a history near its size budget", () => {
  // The largest history kept row by row (some tens of thousands of rows; beyond its budget a run keeps totals only)
  // goes through the Excel double, which refuses any request or response over Excel's 5 MB.
  it("is written and read back within Excel's request limits, its newest run row by row", async () => {
    const { SYNTHETIC_HEADER, syntheticTracker } = await import("../../packages/synthetic-tracker");
    const pane = openPane({ sheets: { Tracker: [SYNTHETIC_HEADER, ...syntheticTracker(40_000)] }, active: "Tracker" });
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    pane.controller.changeOptions({ monthsElapsed: 6 });
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    pane.book.resetStats();
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    expect(pane.book.stats.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
    const history = storedHistory(pane.book);
    expect(history.runs).toHaveLength(2);
    expect(history.runs[1].detail?.count).toBe(40_000);
    expect(serialiseHistory(history).length).toBeGreaterThan(1_500_000);
  }, 120_000);
});
