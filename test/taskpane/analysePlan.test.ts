// The planner of one Analyse: the core's analysis of the tracker as it sits on the sheet, the output
// block for each mode and destination, and the summary once the block's address is known.
import { describe, expect, it } from "vitest";
import { analyseTracker } from "../../src/core/analyseTracker";
import { recogniseColumns } from "../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { planAnalysis, type AnalyseRequest } from "../../src/taskpane/analysePlan";
import type { TrackerRange } from "../../src/taskpane/excel/readTracker";
import { DEFAULT_MONEY_FORMAT } from "../../src/taskpane/output/outputPlan";
import { loadSample } from "../support/paneHarness";

const sample = loadSample();
const mapping = recogniseColumns(sample.header, { firstColumn: 1 });
const settings = { ...DEFAULT_SETTINGS, monthsElapsed: sample.monthsElapsed };
const ANNUAL = sample.header.indexOf("Annual plan £k");

/** The sample as read from 'Trust CIP'!B3: header in row 3, data from row 4, first column B. */
function trackerRange(numberFormats: string[] = sample.header.map(() => "General")): TrackerRange {
  const rect = { row: 2, column: 1, rows: sample.rows.length + 1, columns: sample.header.length };
  return {
    sheetName: "Trust CIP",
    sheetId: "{1}",
    rect,
    address: "'Trust CIP'!B3:AH75",
    header: sample.header,
    rows: sample.rows,
    numberFormats,
  };
}

const request = (over: Partial<AnalyseRequest> = {}): AnalyseRequest => ({
  tracker: trackerRange(),
  mapping,
  settings,
  mode: "values",
  destination: "beside",
  ...over,
});

describe("planAnalysis", () => {
  it("analyses the tracker's rows with their sheet row numbers", () => {
    const { analysis } = planAnalysis(request());
    const core = analyseTracker(sample.rows, mapping, settings, { firstRowNumber: 4 });
    expect(analysis.headlines).toEqual(core.headlines);
    expect(analysis.rowNumber(0)).toBe(4);
    expect(analysis.rowCount).toBe(sample.rows.length);
  });

  it("plans a block beside the data with one row per tracker row and no leading columns", () => {
    const { output } = planAnalysis(request());
    expect(output.rowCount).toBe(sample.rows.length);
    expect(output.mode).toBe("values");
    expect(output.header[0]).not.toBe(sample.header[0]);
  });

  it("starts a block on a sheet of its own with the organisation and group, as text or as formulas", () => {
    const values = planAnalysis(request({ destination: "newSheet" })).output;
    expect(values.header.slice(0, 2)).toEqual(["Trust", "Cluster"]);
    expect(values.rows(0, 1)[0].slice(0, 2)).toEqual([sample.rows[0][0], sample.rows[0][2]]);
    const live = planAnalysis(request({ destination: "newSheet", mode: "live" })).output;
    // Column A of the tracker is sheet column B; its first data row is sheet row 4.
    expect(live.rows(0, 1)[0][0]).toBe(`=IF('Trust CIP'!B4="","",'Trust CIP'!B4)`);
  });

  it("formats money like the tracker's annual plan, or the default when that is General", () => {
    const formats = sample.header.map(() => "General");
    formats[ANNUAL] = "#,##0;[Red](#,##0)";
    const own = planAnalysis(request({ tracker: trackerRange(formats) })).output;
    expect(own.numberFormats).toContain("#,##0;[Red](#,##0)");
    const general = planAnalysis(request()).output;
    expect(general.numberFormats).toContain(DEFAULT_MONEY_FORMAT);
    expect(general.numberFormats).not.toContain("#,##0;[Red](#,##0)");
  });

  it("plans the summary once the block is written, naming both places and the time of the run", () => {
    const plan = planAnalysis(request());
    const summary = plan.summary({ outputAddress: "'Trust CIP'!AI3:AV75", ranAt: new Date(2026, 11, 1, 9, 5) });
    const texts = summary.blocks.flatMap((b) => b.cells.flat()).filter((c): c is string => typeof c === "string");
    expect(texts.some((t) => t.includes("'Trust CIP'!B3:AH75") && t.includes("'Trust CIP'!AI3:AV75"))).toBe(true);
    expect(texts.some((t) => t.includes("2026-12-01 09:05"))).toBe(true);
  });

  it("is pure: the same request gives the same plans", () => {
    const a = planAnalysis(request({ mode: "portable" }));
    const b = planAnalysis(request({ mode: "portable" }));
    expect(a.output.rows(0, 5)).toEqual(b.output.rows(0, 5));
    const written = { outputAddress: "X!A1:B2", ranAt: new Date(0) };
    expect(a.summary(written)).toEqual(b.summary(written));
  });
});
