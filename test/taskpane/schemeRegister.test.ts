// The sample scheme register through the real pane and gateway over the Excel double: rows read as
// schemes, the risk-adjusted forecast and its basis in every output mode, the dimension tables and
// the bridge on the summary with its waterfall (or the stacked column where Excel refuses one),
// and bad rows reaching the problem list and the Notes column.
import { describe, expect, it } from "vitest";
import { attach, loadSample, openPane, trackerBook, type Sample } from "../support/paneHarness";
import { SUMMARY_SHEET } from "../../src/taskpane/summary/summaryPlan";
import type { WorkbookDoubleOptions } from "../../packages/excel-double";

const register = loadSample("sample-scheme-register.json");
const col = (name: string) => register.header.indexOf(name);

async function analysed(sample: Sample, mode: "values" | "live" | "portable", extra: Partial<WorkbookDoubleOptions> = {}) {
  const pane = openPane({ ...trackerBook(sample), ...extra });
  pane.book.select("Tracker!A1");
  await pane.controller.readSelection();
  const read = pane.state();
  pane.controller.changeOptions({ outputMode: mode });
  await pane.controller.analyse();
  expect(pane.state().phase, pane.state().status.text).toBe("done");
  const address = pane.state().result!.outputAddress.replace(/^.*!/, "");
  return { pane, read, block: pane.book.formulas(`Tracker!${address}`) as unknown[][] };
}

/** Every value in a summary sheet column A, for finding sections. */
function summaryColumn(values: unknown[][]): string[] {
  return values.map((r) => String(r[0] ?? ""));
}

describe("a scheme register in the task pane", () => {
  it("says rows are schemes and which year's plan is analysed", async () => {
    const { read } = await analysed(register, "values");
    expect(read.status.detail).toMatch(/Rows are schemes/);
    expect(read.status.detail).toMatch(/The 20\d\d\/\d\d plan is analysed/);
    // The column list shows the new fields, and the other year's plan as context.
    const rows = read.mapping!.rows;
    for (const [header, field] of [
      ["Stage", "stage"],
      ["Likelihood", "likelihood"],
      ["Lead", "lead"],
      ["Division", "division"],
    ])
      expect(rows.find((r) => r.header === header)?.field, header).toBe(field);
    const plans = rows.filter((r) => /^Plan 20/.test(r.header));
    expect(plans.filter((r) => r.field === "annualPlan")).toHaveLength(1);
    expect(plans.find((r) => r.field === null)?.note).toMatch(
      /^Annual plan for 20\d\d\/\d\d: kept as context; the 20\d\d\/\d\d one is analysed\.$/,
    );
    expect(read.mapping!.messages.join(" ")).toMatch(/context/i);
  });

  it("names no year when no header names one", async () => {
    const header = register.header.map((h) =>
      h === "Plan 2025/26 £k" ? "Annual plan £k" : h === "Plan 2026/27 £k" ? "Notes" : h,
    );
    const { read } = await analysed({ ...register, header }, "values");
    expect(read.status.detail).toMatch(/Rows are schemes/);
    expect(read.status.detail).not.toMatch(/plan is analysed/);
  });

  it.each(["values", "live", "portable"] as const)("writes the risk-adjusted forecast and its basis (%s)", async (mode) => {
    const { block, pane } = await analysed(register, mode);
    const header = block[0];
    const raf = header.indexOf("CIP: Risk-adjusted forecast");
    const basis = header.indexOf("CIP: Risk basis");
    expect(raf).toBeGreaterThan(0);
    expect(basis).toBe(raf + 1);
    // Notes, then the forecast movement since the last run, close the block.
    expect(header.slice(-2)).toEqual(["CIP: Notes", "CIP: Forecast movement"]);
    const cells = block.slice(1).map((r) => r[raf]);
    if (mode === "values") expect(cells.filter((c) => typeof c === "number").length).toBeGreaterThan(300);
    else expect(cells.filter((c) => typeof c === "string" && c.startsWith("=IF(")).length).toBeGreaterThan(300);
    const bases = new Set(block.slice(1).map((r) => r[basis]));
    expect([...bases].some((b) => b === "Likelihood" || b === "Stage" || b === "Risk RAG")).toBe(true);
    expect(pane.state().result!.headlines[0]).toMatch(/schemes/);
  });

  it("writes a table per dimension and the bridge on the summary, with a waterfall chart", async () => {
    const { pane } = await analysed(register, "values");
    const values = pane.book.values(`'${SUMMARY_SHEET}'!A1:P400`);
    const a = summaryColumn(values);
    for (const heading of ["By organisation", "By division", "By category", "By lead", "By stage"])
      expect(
        a.some((t) => t.toLowerCase() === heading.toLowerCase()),
        heading,
      ).toBe(true);
    const bridgeAt = a.indexOf("Bridge: annual target to forecast gap");
    expect(bridgeAt).toBeGreaterThan(0);
    const header = values[bridgeAt + 1].map(String);
    expect(header.slice(1, 7).map((h) => h.replace(/ \(.*\)$/, ""))).toEqual([
      "Annual target",
      "Identified",
      "Unidentified gap",
      "Risk adjustment",
      "Risk-adjusted forecast",
      "Forecast gap",
    ]);
    const total = values[bridgeAt + 2] as number[];
    // target − identified = gap; identified − adjustment = forecast; target − forecast = forecast gap.
    expect(total[1] - total[2]).toBeCloseTo(total[3], 6);
    expect(total[2] - total[4]).toBeCloseTo(total[5], 6);
    expect(total[1] - total[5]).toBeCloseTo(total[6], 6);
    const trusts = new Set(register.rows.map((r) => r[col("Trust")]));
    expect(a.slice(bridgeAt + 3, bridgeAt + 3 + trusts.size).sort()).toEqual([...trusts].map(String).sort());
    const charts = pane.book.charts(SUMMARY_SHEET);
    expect(charts.map((c) => c.type)).toContain("Waterfall");
  });

  it("draws a stacked column where the waterfall type cannot be added", async () => {
    const { pane } = await analysed(register, "values", { unsupportedChartTypes: ["Waterfall"] });
    const types = pane.book.charts(SUMMARY_SHEET).map((c) => c.type);
    expect(types).toContain("ColumnStacked");
    expect(types).not.toContain("Waterfall");
  });

  it("lists bad scheme rows in the problems and their Notes", async () => {
    const rows = register.rows.map((r) => [...r]);
    rows[0][col("Stage")] = "Gate 7";
    rows[1][col("Likelihood")] = 150;
    rows[2][col("Trust")] = "";
    rows[4][col("Scheme")] = rows[3][col("Scheme")];
    rows[4][col("Trust")] = rows[3][col("Trust")];
    const { pane, block } = await analysed({ ...register, rows }, "values");
    const notesAt = block[0].indexOf("CIP: Notes");
    const notes = block.map((r) => String(r[notesAt]));
    expect(notes[1]).toMatch(/Gate 7/);
    expect(notes[1]).toMatch(/Stage words/);
    expect(notes[2]).toMatch(/likelihood is from 0% to 100%/);
    expect(notes[3]).toMatch(/no organisation/);
    expect(notes[5]).toMatch(/appears twice/);
    const problems = pane.state().problems.map((p) => `${p.address} ${p.message}`);
    for (const [row, pattern] of [
      [2, /Gate 7/],
      [3, /100%/],
      [4, /no organisation/],
      [6, /twice/],
    ] as const)
      expect(
        problems.some((p) => p.startsWith(`Tracker!A${row} `) && pattern.test(p)),
        String(pattern),
      ).toBe(true);
  });
});

describe("a scheme register's options", () => {
  async function read(sample: Sample = register) {
    const pane = openPane(trackerBook(sample));
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    return pane;
  }
  const problemsOf = (pane: Awaited<ReturnType<typeof read>>) => pane.state().options.problems;

  it("are offered only when rows are schemes", async () => {
    expect((await read()).state().options.scheme?.dimensions.map((d) => d.dimension)).toEqual([
      "organisation",
      "division",
      "category",
      "lead",
      "stage",
    ]);
    expect((await read(loadSample())).state().options.scheme ?? null).toBeNull();
  });

  it("check each weight, with its message beside its box, and stop Analyse until it is fixed", async () => {
    const pane = await read();
    const weight = (key: string, percent: number) => pane.controller.changeOptions({ scheme: { weight: { key, percent } } });
    weight("stageWeights.planning", 150);
    weight("likelihoodWeights.high", Number.NaN);
    weight("stageWeights.unidentified", 10);
    const problems = problemsOf(pane);
    expect(problems.find((p) => p.key === "stageWeights.planning")?.message).toMatch(/from 0% to 100%; got 150%/);
    expect(problems.find((p) => p.key === "likelihoodWeights.high")?.message).toMatch(/enter a percentage/);
    expect(problems.find((p) => p.key === "stageWeights.unidentified")?.message).toMatch(/weighted 0%/);
    expect(pane.state().canAnalyse).toBe(false);
    weight("stageWeights.planning", 40);
    weight("likelihoodWeights.high", 80);
    weight("stageWeights.unidentified", 0);
    expect(problemsOf(pane)).toEqual([]);
    expect(pane.state().canAnalyse).toBe(true);
  });

  it("use the weights typed, save them in the workbook and show them again when it is opened", async () => {
    const pane = await read();
    await pane.controller.analyse();
    const before = pane.book.values(`Tracker!${pane.state().result!.outputAddress.replace(/^.*!/, "")}`);
    pane.controller.changeOptions({ scheme: { weight: { key: "likelihoodWeights.low", percent: 5 } } });
    await pane.controller.analyse();
    const after = pane.book.values(`Tracker!${pane.state().result!.outputAddress.replace(/^.*!/, "")}`);
    const raf = before[0].indexOf("CIP: Risk-adjusted forecast");
    const low = register.rows.findIndex((r) => r[col("Likelihood")] === "Low");
    expect(low).toBeGreaterThanOrEqual(0);
    expect(after[low + 1][raf]).toBeLessThan(before[low + 1][raf] as number);
    const saved = JSON.parse(String(pane.book.savedSettings()["CIPAnalyst.state"]));
    expect(saved.schemeOptions.settings.likelihoodWeights.low).toBeCloseTo(0.05, 12);
    const reopened = attach(pane.book);
    pane.book.select("Tracker!A1");
    await reopened.controller.readSelection();
    expect(reopened.state().options.scheme!.weights.find((w) => w.key === "likelihoodWeights.low")!.percent).toBeCloseTo(5, 9);
  });

  it("write a table only for the dimensions chosen", async () => {
    const pane = await read();
    pane.controller.changeOptions({ scheme: { dimensions: ["organisation", "stage"] } });
    expect(
      pane
        .state()
        .options.scheme!.dimensions.filter((d) => d.checked)
        .map((d) => d.dimension),
    ).toEqual(["organisation", "stage"]);
    await pane.controller.analyse();
    const a = summaryColumn(pane.book.values(`'${SUMMARY_SHEET}'!A1:A400`));
    expect(a).toContain("By stage");
    expect(a).not.toContain("By lead");
    expect(a).not.toContain("By division");
  });

  it("analyse the year chosen, keeping the other year's plan as context", async () => {
    const pane = await read();
    const years = pane.state().options.scheme!.years.map((y) => y.label);
    expect(years).toEqual(expect.arrayContaining(["2025/26", "2026/27"]));
    for (const [year, header] of [
      [2025, "Plan 2025/26 £k"],
      [2026, "Plan 2026/27 £k"],
    ] as const) {
      pane.controller.changeOptions({ scheme: { financialYear: year } });
      const annual = pane.state().mapping!.rows.filter((r) => r.field === "annualPlan");
      expect(annual.map((r) => r.header)).toEqual([header]);
      expect(pane.state().status.detail).toContain(`The ${header.slice(5, 12)} plan is analysed`);
    }
  });

  it("read the analyst's own stage words", async () => {
    const rows = register.rows.map((r) => [...r]);
    rows[0][col("Stage")] = "Gate 7";
    rows[0][col("Likelihood")] = null;
    const pane = await read({ ...register, rows });
    pane.controller.changeOptions({ scheme: { stageWord: { word: "Gate 7", stage: "planning" } } });
    expect(pane.state().options.scheme!.stageWords).toEqual([{ word: "Gate 7", stage: "planning" }]);
    await pane.controller.analyse();
    const block = pane.book.values(`Tracker!${pane.state().result!.outputAddress.replace(/^.*!/, "")}`);
    expect(String(block[1][block[0].length - 1])).not.toMatch(/Gate 7/);
    expect(block[1][block[0].indexOf("CIP: Risk basis")]).toBe("Stage");
  });
});
