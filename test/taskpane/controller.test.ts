// The task pane end to end, without Excel: the real controller and gateway on the sample tracker in
// the Excel double, which throws where Excel throws and enforces Excel's request limits.
import { describe, expect, it } from "vitest";
import { analyseTracker } from "../../src/core/analyseTracker";
import { columnLetter } from "../../src/core/excelConventions";
import { FIRST_RUN_HEADLINE } from "../../src/core/history/movementHeadline";
import { recogniseColumns } from "../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { outputColumnsFor, outputWidthFor } from "../../src/taskpane/output/outputColumns";
import { numCell } from "../../src/taskpane/output/outputPlan";
import { flagText } from "../../src/core/flags";
import { HISTORY_SHEET } from "../../src/taskpane/excel/history";
import { STATE_KEY } from "../../src/taskpane/workbookState";
import { storedHistory, withoutHistory } from "../support/historyCheck";
import { attach, loadSample, openPane, trackerBook, type Pane } from "../support/paneHarness";

const sample = loadSample();
const WIDTH = sample.header.length; // 33 columns: A to AG
const OUT = columnLetter(WIDTH); // the block starts right of the data
const LAST_ROW = sample.rows.length + 1;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function analyseSample(pane: Pane, select = "Tracker!A1"): Promise<void> {
  pane.book.select(select);
  await pane.controller.readSelection();
  expect(pane.state().phase, pane.state().status.text).toBe("mapped");
  await pane.controller.analyse();
}

function coreAnalysis() {
  const mapping = recogniseColumns(sample.header);
  return {
    mapping,
    analysis: analyseTracker(sample.rows, mapping, { ...DEFAULT_SETTINGS, monthsElapsed: sample.monthsElapsed }),
  };
}

describe("reading the selection", () => {
  it("takes the block around one selected cell and shows how each column was read", async () => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!C5");
    await pane.controller.readSelection();
    const s = pane.state();
    expect(s.phase).toBe("mapped");
    expect(s.selection).toBe(`Tracker!A1:AG${LAST_ROW}: 72 rows, 33 columns`);
    expect(s.mapping?.missing).toEqual([]);
    const annual = s.mapping?.rows.find((r) => r.header === "Annual plan £k");
    expect(annual).toMatchObject({ letter: "F", field: "annualPlan", unit: "£k", chosen: false });
    expect(s.options.monthsElapsed).toBe(6); // the last monthly actual is September
    expect(s.options.monthsElapsedNote).toContain("Sep");
    expect(s.options.forecast).toBe("reported");
    expect(s.canAnalyse).toBe(true);
  });

  it("refuses a multi-area selection, saying what to select instead", async () => {
    const pane = openPane(trackerBook());
    pane.book.select(["Tracker!A1:B5", "Tracker!D1:E5"]);
    await pane.controller.readSelection();
    expect(pane.state().status).toMatchObject({ kind: "error", text: expect.stringContaining("2 separate areas") });
    expect(pane.state().status.detail).toContain("Select the tracker including its header row");
    expect(pane.state().canAnalyse).toBe(false);
  });

  it("refuses an empty cell with nothing around it", async () => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!AZ200");
    await pane.controller.readSelection();
    expect(pane.state().status.text).toBe("The selected cell is empty and has nothing around it.");
  });

  it("refuses an empty sheet", async () => {
    const pane = openPane({ sheets: { Tracker: sample.rows.slice(0, 1), Empty: [] }, active: "Empty" });
    pane.book.select("Empty!B2");
    await pane.controller.readSelection();
    expect(pane.state().status.text).toBe("Sheet Empty is empty.");
  });

  it("refuses a block with no header row", async () => {
    const pane = openPane({
      sheets: {
        Tracker: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      },
    });
    pane.book.select("Tracker!A1:C2");
    await pane.controller.readSelection();
    expect(pane.state().status.text).toBe("The first row of the selection holds figures, not headers.");
  });

  it("refuses a header row with nothing below it", async () => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!A1:AG1");
    await pane.controller.readSelection();
    expect(pane.state().status.text).toBe("The selection is only a header row, with no organisations below it.");
  });

  it("refuses merged cells and names them", async () => {
    const pane = openPane(trackerBook());
    pane.book.merge("Tracker!A3:B3");
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    expect(pane.state().status.text).toContain("merged cells (Tracker!A3:B3)");
    expect(pane.state().status.detail).toContain("Unmerge");
  });

  it("takes the whole Excel table a selected cell is in", async () => {
    const pane = openPane(trackerBook(sample, { Notes: [["Trust", "Comment"]] }));
    pane.book.addTable("Tracker", `A1:AG${LAST_ROW}`, "Tracker2011");
    pane.book.setValues(`Tracker!A${LAST_ROW + 1}`, [["Totals are elsewhere"]]);
    pane.book.select("Tracker!D9");
    await pane.controller.readSelection();
    expect(pane.state().selection).toContain(`Tracker!A1:AG${LAST_ROW}:`);
  });

  it("leaves a column free between an Excel table and its results, so the table does not swallow them", async () => {
    const pane = openPane(trackerBook());
    pane.book.addTable("Tracker", `A1:AG${LAST_ROW}`, "Tracker2011");
    await analyseSample(pane, "Tracker!D9");
    expect(pane.state().result?.outputAddress).toMatch(new RegExp(`^Tracker!${columnLetter(WIDTH + 1)}1:`));
    expect(
      pane.book
        .values(`Tracker!${OUT}1:${OUT}${LAST_ROW}`)
        .flat()
        .every((v) => v === ""),
    ).toBe(true);
    // The rebuilt summary sheet has a new id, saved in the settings; the analyst sees the same workbook
    // (once a re-run has a run to compare with).
    await analyseSample(pane, "Tracker!D9");
    const first = withoutHistory(pane.book.snapshot({ settings: false }));
    await analyseSample(pane, "Tracker!D9");
    expect({ ...withoutHistory(pane.book.snapshot({ settings: false })), selection: [] }).toEqual({ ...first, selection: [] });
  });

  it("says plainly when a block holds no savings figures at all", async () => {
    const pane = openPane({
      sheets: {
        Tracker: [
          ["Trust", "Comment"],
          ["Leeds", "on track"],
          ["York", "late"],
        ],
      },
    });
    pane.book.select("Tracker!A1:B3");
    await pane.controller.readSelection();
    expect(pane.state().status.text).toBe(
      "None of these columns holds savings figures CIP Analyst recognises, such as Annual plan, YTD plan or YTD actual.",
    );
    expect(pane.state().canAnalyse).toBe(false);
  });

  it("trims a whole-column selection to the rows in use", async () => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!A1:AG1048576");
    await pane.controller.readSelection();
    expect(pane.state().selection).toContain(`Tracker!A1:AG${LAST_ROW}`);
  });

  it("names the missing required columns and will not analyse", async () => {
    const keep = sample.header.map((h, i) => i).filter((i) => !/YTD actual|^Actual /.test(String(sample.header[i])));
    const book = trackerBook({
      ...sample,
      header: keep.map((i) => sample.header[i]),
      rows: sample.rows.map((r) => keep.map((i) => r[i])),
    });
    const pane = openPane(book);
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    expect(pane.state().mapping?.missing).toEqual([
      "YTD actual is missing: choose the column that holds savings delivered to date.",
    ]);
    expect(pane.state().canAnalyse).toBe(false);
    const before = JSON.stringify(pane.book.snapshot().sheets);
    await pane.controller.analyse();
    expect(JSON.stringify(pane.book.snapshot().sheets)).toBe(before);
    expect(pane.state().status).toMatchObject({ kind: "error", text: "Choose the missing columns first." });
  });

  it("asks for the months elapsed when nothing says it", async () => {
    const keep = sample.header.map((h, i) => i).filter((i) => !/^Actual /.test(String(sample.header[i])));
    const pane = openPane(
      trackerBook({ ...sample, header: keep.map((i) => sample.header[i]), rows: sample.rows.map((r) => keep.map((i) => r[i])) }),
    );
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    expect(pane.state().options.monthsElapsed).toBeNull();
    expect(pane.state().canAnalyse).toBe(false);
    pane.controller.changeOptions({ monthsElapsed: 6 });
    expect(pane.state().canAnalyse).toBe(true);
  });
});

describe("analysing the sample tracker", () => {
  it("writes the core's values beside the data, with number formats and conditional formats", async () => {
    const pane = openPane(trackerBook());
    await analyseSample(pane);
    const s = pane.state();
    expect(s.phase, s.status.text).toBe("done");
    const columns = outputColumnsFor(coreAnalysis().mapping.columns);
    // The forecast movement column comes last (blank on a first run).
    const lastColumn = columnLetter(WIDTH + columns.length);
    expect(s.result?.outputAddress).toBe(`Tracker!${OUT}1:${lastColumn}${LAST_ROW}`);

    const header = pane.book.values(`Tracker!${OUT}1:${lastColumn}1`)[0];
    expect(header).toEqual([...columns.map((c) => c.header), "CIP: Forecast movement"]);
    const movement = pane.book.values(`Tracker!${lastColumn}2:${lastColumn}${LAST_ROW}`);
    expect(movement.every(([v]) => v === "")).toBe(true);
    const body = pane.book.values(`Tracker!${OUT}2:${lastColumn}${LAST_ROW}`);
    const { analysis } = coreAnalysis();
    columns.forEach((c, j) => {
      for (let row = 0; row < analysis.rowCount; row++) {
        const expected =
          c.metric !== undefined
            ? numCell(analysis.metrics[c.metric].get(row))
            : c.rag !== undefined
              ? (analysis.rag(c.rag, row) ?? "")
              : c.kind === "flags"
                ? flagText(analysis.flags[row])
                : undefined;
        if (expected !== undefined) expect(body[row][j], `${c.header} row ${row + 2}`).toEqual(expected);
      }
    });

    const formats = pane.book.numberFormats(`Tracker!${OUT}2:${lastColumn}2`)[0];
    const sourceMoney = pane.book.numberFormats("Tracker!F2")[0][0];
    columns.forEach((c, j) => {
      if (c.kind === "share") expect(formats[j]).toBe("0.0%");
      if (c.kind === "money") expect(formats[j]).toBe(sourceMoney === "General" ? "#,##0.0" : sourceMoney);
    });

    const rules = pane.book.conditionalFormats("Tracker");
    const ragColumn = columnLetter(WIDTH + columns.findIndex((c) => c.id === "deliveryRag"));
    const onRag = rules.filter((r) => r.address === `Tracker!${ragColumn}2:${ragColumn}${LAST_ROW}`);
    const byText = Object.fromEntries(onRag.map((r) => [(r.rule as { text: string }).text, r]));
    expect(Object.keys(byText).sort()).toEqual(["Amber", "Green", "Red"]);
    expect(byText.Green).toMatchObject({ type: "ContainsText", rule: { operator: "Contains" }, format: { fill: "#C6EFCE" } });
    expect(byText.Amber.format.fill).toBe("#FFEB9C");
    expect(byText.Red.format.fill).toBe("#FFC7CE");
    const flagsColumn = columnLetter(WIDTH + columns.findIndex((c) => c.id === "flags"));
    expect(rules.find((r) => r.address === `Tracker!${flagsColumn}2:${flagsColumn}${LAST_ROW}`)).toMatchObject({
      rule: { operator: "Contains", text: "DISTRESS" },
      format: { bold: true },
    });
    expect(pane.book.freeze("Tracker")).toEqual({ rows: 1, columns: 0 });
    expect(pane.book.names().map((n) => n.name)).toEqual(["CIPAnalyst_Output_1"]);
  });

  it("shows a row's problems in that row and lists them with the cell address", async () => {
    const rows = sample.rows.map((r) => [...r]);
    rows[4][7] = "n/a"; // YTD actual of row 6
    rows[9][5] = -100; // a negative annual plan in row 11
    const pane = openPane(trackerBook({ ...sample, rows }));
    await analyseSample(pane);
    const columns = outputColumnsFor(coreAnalysis().mapping.columns);
    const at = (id: string, row: number) =>
      pane.book.values(`Tracker!${columnLetter(WIDTH + columns.findIndex((c) => c.id === id))}${row}`)[0][0];
    expect(at("variance", 6)).toBe("#VALUE!");
    expect(at("notes", 6)).toContain('YTD actual in row 6 is the text "n/a", not a number.');
    expect(at("progressPct", 11)).toBe("#NUM!");
    expect(pane.state().problems.map((p) => p.address)).toEqual(["Tracker!A6", "Tracker!A11"]);
    expect(pane.state().problems[0].message).toContain(String(sample.rows[4][0]));
    expect(pane.state().status.detail).toBe("2 rows have problems: see the list below and the Notes column.");
  });

  it("formats money results like the tracker's own money columns", async () => {
    const pane = openPane(trackerBook());
    pane.book.setNumberFormat(`Tracker!F2:H${LAST_ROW}`, "#,##0;[Red](#,##0)");
    await analyseSample(pane);
    const columns = outputColumnsFor(coreAnalysis().mapping.columns);
    const formats = pane.book.numberFormats(`Tracker!${OUT}2:${columnLetter(WIDTH + columns.length - 1)}2`)[0];
    expect(formats[columns.findIndex((c) => c.id === "shortfall")]).toBe("#,##0;[Red](#,##0)");
    expect(formats[columns.findIndex((c) => c.id === "deliveryPct")]).toBe("0.0%");
  });

  it("reads merged cells as they are when Excel cannot report them (before ExcelApi 1.13)", async () => {
    const pane = openPane(trackerBook(), (set, version) => !(set === "ExcelApi" && version === "1.13"));
    pane.book.merge("Tracker!A3:B3");
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    expect(pane.state().phase).toBe("mapped");
  });

  it("builds the CIP Summary sheet with the headlines, group table, largest shortfalls and a chart", async () => {
    const pane = openPane(trackerBook());
    await analyseSample(pane);
    expect(pane.book.sheetNames()).toEqual(["Tracker", "CIP Summary", HISTORY_SHEET]);
    const { analysis } = coreAnalysis();
    const cells = pane.book.values("'CIP Summary'!A1:M200");
    const column = cells.map((r) => r[0]);
    expect(column[0]).toBe("CIP Analyst summary");
    expect(column).toContain(analysis.headlines[0]);
    expect(column).toContain("By group");
    expect(column).toContain("10 largest shortfalls to date");
    const worstAt = column.indexOf("10 largest shortfalls to date");
    expect(cells[worstAt + 2][0]).toBe(analysis.worst[0].organisation);
    expect(column).toContain("Settings of this run");
    const charts = pane.book.charts("CIP Summary");
    // The sample has month columns: the delivery by group, then the monthly trajectory.
    expect(charts).toHaveLength(2);
    expect(charts[0]).toMatchObject({
      type: "ColumnClustered",
      title: "YTD delivery % by group against plan (100%)",
      axisTitles: { category: "Group", value: "YTD delivery % (plan = 100%)" },
    });
    expect(charts[1]).toMatchObject({
      type: "Line",
      title: "Cumulative plan, actual and forecast by month",
      series: ["Plan, cumulative (£k)", "Actual, cumulative (£k)", "Forecast, cumulative (£k)"],
    });
    expect(column).toContain("Movement since the last run");
    expect(column).toContain(FIRST_RUN_HEADLINE);
    expect(pane.state().result?.headlines).toEqual([...analysis.headlines, FIRST_RUN_HEADLINE]);
  });

  it("gives the same workbook when run again, the run history apart", async () => {
    const pane = openPane(trackerBook());
    await analyseSample(pane);
    // The first re-run is the first with a run to compare with; from then on nothing changes but the history.
    await analyseSample(pane);
    // The rebuilt summary is a new sheet with a new id (the analyst sees the same sheet in the same place).
    const snapshot = () => {
      const s = pane.book.snapshot({ settings: false });
      return { ...s, selection: [], sheets: s.sheets.filter((x) => x.name !== HISTORY_SHEET) };
    };
    const saved = () => ({ ...JSON.parse(String(pane.book.settings.get(STATE_KEY))), summarySheetId: null });
    const first = snapshot();
    const firstSaved = saved();
    await analyseSample(pane);
    expect(snapshot()).toEqual(first);
    expect(saved()).toEqual(firstSaved);
    // Also from a cell inside the earlier output, which the block around it now includes.
    await analyseSample(pane, `Tracker!${OUT}5`);
    expect(snapshot()).toEqual(first);
    expect(saved()).toEqual(firstSaved);
    expect(storedHistory(pane.book).runs).toHaveLength(4);
  });

  it("replaces exactly its own block when the tracker shrinks or grows", async () => {
    const pane = openPane(trackerBook());
    await analyseSample(pane);
    const lastOut = columnLetter(WIDTH + outputWidthFor(coreAnalysis().mapping.columns) - 1);
    // The analyst deletes the last ten organisations.
    pane.book.setValues(
      `Tracker!A${LAST_ROW - 9}:AG${LAST_ROW}`,
      Array.from({ length: 10 }, () => new Array(WIDTH).fill(null)),
    );
    await analyseSample(pane, `Tracker!A1:AG${LAST_ROW - 10}`);
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    expect(
      pane.book
        .values(`Tracker!${OUT}${LAST_ROW - 9}:${lastOut}${LAST_ROW}`)
        .flat()
        .every((v) => v === ""),
    ).toBe(true);
    expect(pane.book.conditionalFormats("Tracker").every((r) => r.address.endsWith(`${LAST_ROW - 10}`))).toBe(true);
    // And then adds them back.
    pane.book.setValues(`Tracker!A${LAST_ROW - 9}:AG${LAST_ROW}`, sample.rows.slice(-10));
    await analyseSample(pane);
    expect(pane.state().result?.outputAddress).toBe(`Tracker!${OUT}1:${lastOut}${LAST_ROW}`);
  });

  it("finds its block by the workbook name, which moves with rows inserted above the tracker", async () => {
    const pane = openPane(trackerBook());
    await analyseSample(pane);
    await analyseSample(pane);
    const first = withoutHistory(pane.book.snapshot()).sheets;
    // What inserting a title row above would leave: the recorded header row is no longer right,
    // but the name still points beside the tracker.
    const state = JSON.parse(String(pane.book.settings.get(STATE_KEY)));
    state.outputs[0].sourceHeaderRow = 7;
    pane.book.settings.set(STATE_KEY, JSON.stringify(state));
    const reviewer = attach(pane.book);
    await analyseSample(reviewer);
    expect(reviewer.state().phase, reviewer.state().status.text).toBe("done");
    expect(withoutHistory(reviewer.book.snapshot()).sheets).toEqual(first);
  });

  it("leaves the analyst's own sheet called CIP Summary alone", async () => {
    const pane = openPane(trackerBook(sample, { "CIP Summary": [["My own notes"]] }));
    await analyseSample(pane);
    expect(pane.book.values("'CIP Summary'!A1:B2")).toEqual([
      ["My own notes", ""],
      ["", ""],
    ]);
    expect(pane.state().result?.summarySheet).toBe("CIP Summary 2");
    expect(pane.book.values("'CIP Summary 2'!A1")).toEqual([["CIP Analyst summary"]]);
  });

  it("refuses to overwrite the analyst's data beside the tracker, and offers a new sheet", async () => {
    const pane = openPane(trackerBook());
    pane.book.setValues(`Tracker!${columnLetter(WIDTH + 3)}10`, [["my note"]]);
    const before = pane.book.snapshot();
    await analyseSample(pane);
    const s = pane.state();
    expect(s.status.kind).toBe("error");
    expect(s.status.text).toContain(`Tracker!${columnLetter(WIDTH + 3)}10 already holds other data`);
    expect(s.offerNewSheet).toBe(true);
    expect(pane.book.snapshot().sheets).toEqual(before.sheets);

    await pane.controller.useNewSheet();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    expect(pane.book.values("'CIP Output'!A1:B2")).toEqual([
      ["Trust", "Cluster"],
      [sample.rows[0][0], sample.rows[0][2]],
    ]);
    expect(pane.book.values(`Tracker!${columnLetter(WIDTH + 3)}10`)).toEqual([["my note"]]);
  });

  it("writes nothing to a protected sheet and says how to go on", async () => {
    const pane = openPane(trackerBook());
    pane.book.protect("Tracker");
    const before = pane.book.snapshot();
    await analyseSample(pane);
    expect(pane.state().status.text).toBe(
      "Sheet Tracker is protected, so CIP Analyst cannot write its results there. Nothing was changed.",
    );
    expect(pane.state().offerNewSheet).toBe(true);
    expect(pane.book.snapshot()).toEqual(before);
  });

  // The write takes seven syncs: five of checks and of reading what an undo needs, the rows, then
  // rules, names and panes (test/taskpane/outputFailures.test.ts fails every sync of every mode);
  // before it, Analyse reads the tracker again in four (its sheet, the block around A1, its header, its
  // rows) and the run history in one (there is none yet).
  it.each([6, 7])("leaves no half-written block when Excel fails in sync %i of the write", async (n) => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    const before = pane.book.snapshot().sheets;
    pane.book.failSyncAfter(5 + n, "GeneralException");
    await pane.controller.analyse();
    expect(pane.state().status.kind).toBe("error");
    expect(pane.state().status.text).toContain("The output could not be written.");
    expect(pane.state().status.detail).toBe("What had been written was cleared again.");
    expect(pane.book.snapshot().sheets).toEqual(before);
    expect(pane.book.names()).toEqual([]);
  });

  it("stops cleanly when the analyst cancels, writing nothing", async () => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    const before = pane.book.snapshot().sheets;
    const analysing = pane.controller.analyse();
    expect(pane.state().progress).toMatchObject({ label: "Analysing", cancellable: true });
    pane.controller.cancel();
    await analysing;
    expect(pane.state().status.text).toBe("Cancelled: nothing was written.");
    expect(pane.state().progress).toBeNull();
    expect(pane.book.snapshot().sheets).toEqual(before);
    expect(pane.state().canAnalyse).toBe(true);
  });

  it("writes live CIP.* formulas, one spilled formula per column", async () => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    pane.controller.changeOptions({ outputMode: "live" });
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    const [first, second] = pane.book.formulas(`Tracker!${OUT}2:${columnLetter(WIDTH + 3)}3`);
    // The sample has a YTD plan column and a phasing behind it: a blank YTD plan falls back on the phasing, as in the core.
    const ytdPlan = `IF(G2:G${LAST_ROW}="",CIP.YTDPLAN(IF(P2:AA${LAST_ROW}="","",P2:AA${LAST_ROW}),6),G2:G${LAST_ROW})`;
    expect(first[0]).toMatch(new RegExp(`^=CIP\\.VARIANCE\\(${escape(ytdPlan)},`));
    expect(first[1]).toMatch(/^=CIP\.SHORTFALL\(/);
    expect(first[2]).toMatch(/^=CIP\.SHORTFALLPCT\(/);
    expect(first[3]).toMatch(new RegExp(`^=CIP\\.DELIVERY\\(.*,${escape(ytdPlan)}\\)$`));
    expect(second).toEqual(["", "", "", ""]);
  });

  it("writes portable formulas in every row", async () => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    pane.controller.changeOptions({ outputMode: "portable" });
    await pane.controller.analyse();
    const variance = pane.book.formulas(`Tracker!${OUT}2:${OUT}${LAST_ROW}`).map((r) => r[0]);
    expect(variance.every((f) => typeof f === "string" && f.startsWith("=") && !f.includes("CIP."))).toBe(true);
    expect(variance[4]).toContain("H6");
  });
});

describe("what the workbook remembers", () => {
  it("saves options, months elapsed and column corrections in the workbook for the next person", async () => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    const riskColumn = sample.header.indexOf("Risk");
    pane.controller.changeMapping(riskColumn, "category");
    pane.controller.changeOptions({ monthsElapsed: 5, threshold: { key: "deliveryRag.greenAt", value: 90 } });
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    expect(pane.book.savedSettings()[STATE_KEY]).toBeTypeOf("string");

    const reviewer = attach(pane.book);
    reviewer.book.select("Tracker!A1");
    await reviewer.controller.readSelection();
    const s = reviewer.state();
    expect(s.options.monthsElapsed).toBe(5);
    expect(s.options.monthsElapsedNote).toBe("From this workbook's last run.");
    expect(s.options.thresholds.find((t) => t.key === "deliveryRag.greenAt")?.value).toBe(90);
    expect(s.mapping?.rows[riskColumn]).toMatchObject({ field: "category", chosen: true });
  });

  it("reports a bad threshold next to its box and will not analyse", async () => {
    const pane = openPane(trackerBook());
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    pane.controller.changeOptions({ threshold: { key: "deliveryRag.amberAt", value: 99 } });
    const problems = pane.state().options.problems;
    expect(problems).toEqual([
      {
        key: "deliveryRag.greenAt",
        message: expect.stringContaining("amber cut-off (0.99) must be below or at the green cut-off"),
      },
    ]);
    expect(pane.state().canAnalyse).toBe(false);
  });
});

describe("text copied from the tracker", () => {
  it("stays text on a sheet of its own, never a formula, a number or an error", async () => {
    const rows = sample.rows.slice(0, 4).map((r) => [...r]);
    rows[0][0] = "@Leeds - written as it is, Excel would read it as a formula";
    rows[1][0] = "00123";
    rows[2][0] = "#N/A";
    const pane = openPane(trackerBook({ ...sample, rows }));
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    pane.controller.changeOptions({ destination: "newSheet" });
    await pane.controller.analyse();
    expect(pane.book.valueTypes("'CIP Output'!A2:A5").map((r) => r[0])).toEqual(["String", "String", "String", "String"]);
    expect(pane.book.values("'CIP Output'!A2:A5").map((r) => r[0])).toEqual([rows[0][0], "00123", "#N/A", rows[3][0]]);
  });
});
