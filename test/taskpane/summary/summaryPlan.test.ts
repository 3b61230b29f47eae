// The "CIP Summary" sheet as blocks: they never overlap, the group table has a row per group and
// the total, the worst list is ranked and bounded, the chart's data covers the groups with a
// delivery %, and the settings table names every threshold.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseTracker } from "../../../src/core/analyseTracker";
import { GROUP_TABLE_HEADER } from "../../../src/core/groupTable";
import { recogniseColumns } from "../../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS, FORECAST_METHOD_LABELS, type Settings } from "../../../src/core/settings";
import { intersect, type Rect } from "../../../src/taskpane/geometry/rect";
import { DEFAULT_MONEY_FORMAT, SHARE_FORMAT } from "../../../src/taskpane/output/outputPlan";
import { planSummary, SUMMARY_SHEET, type SummaryBlock, type SummaryPlan } from "../../../src/taskpane/summary/summaryPlan";

const load = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, "../../../assets", name), "utf8")) as {
    header: unknown[];
    rows: unknown[][];
    monthsElapsed: number;
  };

function summaryOf(tracker: { header: unknown[]; rows: unknown[][] }, settings: Settings, moneyFormat = "#,##0") {
  const mapping = recogniseColumns(tracker.header);
  const analysis = analyseTracker(tracker.rows, mapping, settings);
  const plan = planSummary({
    analysis,
    trackerAddress: "'Trust CIP'!A1:AG73",
    outputAddress: "'Trust CIP'!AH1:AU73",
    ranAt: "2011-10-14 09:30",
    moneyFormat,
  });
  return { analysis, plan };
}

const trust = load("sample-trust-cip-tracker.json");
const pct = load("sample-pct-qipp-tracker.json");
const { analysis, plan } = summaryOf(trust, { ...DEFAULT_SETTINGS, monthsElapsed: trust.monthsElapsed });

const width = (b: SummaryBlock) => Math.max(0, ...b.cells.map((r) => r.length));
const rectOf = (b: SummaryBlock): Rect => ({ row: b.row, column: b.column, rows: b.cells.length, columns: width(b) });
const texts = (p: SummaryPlan) => p.blocks.map((b) => b.cells[0]?.[0]);
/** The table right under the heading whose text starts `heading`. */
const tableAfter = (p: SummaryPlan, heading: string | RegExp) => {
  const i = p.blocks.findIndex(
    (b) =>
      b.style === "heading" && (typeof heading === "string" ? b.cells[0][0] === heading : heading.test(String(b.cells[0][0]))),
  );
  if (i < 0) return undefined;
  return p.blocks[i + 1];
};

function expectWellFormed(p: SummaryPlan) {
  const nonEmpty = p.blocks.filter((b) => b.cells.length > 0);
  for (let i = 0; i < nonEmpty.length; i++)
    for (let j = i + 1; j < nonEmpty.length; j++) expect(intersect(rectOf(nonEmpty[i]), rectOf(nonEmpty[j]))).toBeNull();
  for (const b of p.blocks) {
    expect(b.row).toBeGreaterThanOrEqual(0);
    expect(b.column).toBe(0);
    if (b.cells.length > 0) expect(b.formats).toHaveLength(width(b));
    if (b.style === "table") for (const row of b.cells) expect(row).toHaveLength(b.cells[0].length);
    for (const row of b.cells)
      for (const cell of row) {
        expect(["number", "string"]).toContain(typeof cell);
        if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
      }
  }
  // Charts cover rows no block uses.
  for (const chart of [p.chart, p.trajectoryChart]) {
    if (!chart) continue;
    const area: Rect = { row: chart.row, column: chart.column, rows: chart.rows, columns: chart.columns };
    for (const b of nonEmpty) expect(intersect(area, rectOf(b))).toBeNull();
  }
  // In order down the sheet.
  for (let i = 1; i < p.blocks.length; i++) expect(p.blocks[i].row).toBeGreaterThanOrEqual(p.blocks[i - 1].row);
  // A heading sits right above what it heads.
  p.blocks.forEach((b, i) => {
    if (b.style === "heading") expect(p.blocks[i + 1].row).toBe(b.row + 1);
  });
}

describe("planSummary on the trust sample", () => {
  it("is for the sheet named CIP Summary", () => {
    expect(SUMMARY_SHEET).toBe("CIP Summary");
  });

  it("lays out title, note, headlines, groups, worst list, settings and chart data without overlap", () => {
    expectWellFormed(plan);
    expect(plan.blocks.map((b) => b.style)).toEqual([
      "title",
      "note",
      "heading",
      "text",
      "heading",
      "table",
      "note",
      "heading",
      "table",
      "heading",
      "table",
      "heading",
      "text",
      "heading",
      "table",
    ]);
    expect(texts(plan).slice(0, 3)).toEqual([
      "CIP Analyst summary",
      "Tracker 'Trust CIP'!A1:AG73; results in 'Trust CIP'!AH1:AU73. Run 2011-10-14 09:30.",
      "Headlines",
    ]);
    expect(plan.blocks[0].row).toBe(0);
    expect(plan.blocks[1].row).toBe(1);
    expect(plan.blocks[2].row).toBe(3); // a blank row under the note
  });

  it("puts the headlines one per row", () => {
    const headlines = tableAfter(plan, "Headlines")!;
    expect(headlines.cells).toEqual(analysis.headlines.map((h) => [h]));
    expect(headlines.cells[0][0]).toBe(
      "49 of 72 organisations (68%) are behind plan to date; 7 have delivered less than a fifth of their annual plan; 5 meet all three distress tests.",
    );
  });

  it("has one group row per group plus the total, with units in the money headers", () => {
    const table = tableAfter(plan, "By group")!;
    const [header, ...body] = table.cells;
    expect(header).toEqual([
      "Group",
      "Organisations",
      "Behind plan",
      "Behind plan %",
      "Annual plan (£k)",
      "YTD plan (£k)",
      "YTD actual (£k)",
      "YTD shortfall (£k)",
      "YTD delivery %",
      "Forecast (£k)",
      "% of annual plan",
      "Distress",
      "Rows with problems",
      "YTD variance, net (£k)",
    ]);
    expect(body).toHaveLength(analysis.rollup.groups.length + 1);
    expect(body.map((r) => r[0])).toEqual([...analysis.rollup.groups.map((g) => g.group), analysis.rollup.total.group]);
    const total = body[body.length - 1];
    expect(total.slice(1, 3)).toEqual([72, 49]);
    expect(total[11]).toBe(5); // distress
    expect(total[12]).toBe(0);
    // The groups add up to the total.
    for (const c of [1, 2, 4, 5, 6, 7, 9, 11, 12, 13]) {
      const sum = body.slice(0, -1).reduce((s, r) => s + (r[c] as number), 0);
      expect(sum).toBeCloseTo(total[c] as number, 6);
    }
    expect(table.formats).toEqual([
      "General",
      "0",
      "0",
      SHARE_FORMAT,
      "#,##0",
      "#,##0",
      "#,##0",
      "#,##0",
      SHARE_FORMAT,
      "#,##0",
      SHARE_FORMAT,
      "0",
      "0",
      "#,##0",
    ]);
    // The two shortfalls: the sum of those behind and the net, both shown and told apart.
    expect(total[7]).toBeCloseTo(analysis.rollup.total.shortfall, 6);
    expect(total[13]).toBeCloseTo(analysis.rollup.total.ytdActual - analysis.rollup.total.ytdPlan, 6);
    expect(total[7]).not.toBeCloseTo(-(total[13] as number), 0);
    expect(texts(plan)).toContain(
      "YTD shortfall is the sum of the shortfalls of the organisations behind plan; YTD variance, net is " +
        "Σ actual − Σ plan, in which delivery above plan by some offsets the shortfalls of others. " +
        "Variance = actual − plan: negative is under-delivery.",
    );
    // The columns CIP.SUMMARY also writes come first, in its order.
    expect(header.slice(0, GROUP_TABLE_HEADER.length).map((h) => String(h).replace(" (£k)", ""))).toEqual([
      ...GROUP_TABLE_HEADER,
    ]);
  });

  it("ranks the largest shortfalls, at most worstCount, largest first, with sheet row numbers", () => {
    const table = tableAfter(plan, /largest shortfalls to date$/)!;
    const [header, ...body] = table.cells;
    // The names first, in the columns where the group table has its names too.
    expect(header).toEqual([
      "Organisation",
      "Group",
      "Rank",
      "YTD shortfall (£k)",
      "YTD shortfall %",
      "YTD delivery %",
      "Row",
      "Flags",
    ]);
    expect(body.length).toBeLessThanOrEqual(DEFAULT_SETTINGS.worstCount);
    expect(body).toHaveLength(analysis.worst.length);
    expect(body.map((r) => r[2])).toEqual(body.map((_, i) => i + 1));
    for (let i = 1; i < body.length; i++) expect(body[i][3] as number).toBeLessThanOrEqual(body[i - 1][3] as number);
    body.forEach((r, i) => {
      const w = analysis.worst[i];
      expect(r[0]).toBe(w.organisation);
      expect(r[6]).toBe(w.row + 2);
      expect(r[3]).toBeGreaterThan(0);
    });
    expect(texts(plan)).toContain(`${analysis.worst.length} largest shortfalls to date`);
    expect(table.formats).toEqual(["General", "General", "0", "#,##0", SHARE_FORMAT, SHARE_FORMAT, "0", "General"]);
  });

  it("charts the groups that have a delivery %, against the 100% plan", () => {
    expect(plan.chart).not.toBeNull();
    const chart = plan.chart!;
    expect(plan.blocks).toContain(chart.data);
    const [header, ...body] = chart.data.cells;
    expect(header).toEqual(["Group", "YTD delivery %", "Plan"]);
    const withDelivery = analysis.rollup.groups.filter((g) => g.deliveryPct !== null);
    expect(body).toEqual(withDelivery.map((g) => [g.group, g.deliveryPct, 1]));
    expect(chart.data.formats).toEqual(["General", SHARE_FORMAT, SHARE_FORMAT]);
    expect(chart.title).toBe("YTD delivery % by group against plan (100%)");
    // Under the group table, in rows of its own, as wide as the widest table (the printed page).
    const groups = tableAfter(plan, "By group")!;
    expect(chart.row).toBeGreaterThan(groups.row + groups.cells.length);
    expect(chart.columns).toBe(Math.max(8, plan.columnWidths.length));
    expect(chart.axisTitles).toEqual({ category: "Group", value: "YTD delivery % (plan = 100%)" });
  });

  it("names every threshold in the settings of the run", () => {
    const table = tableAfter(plan, "Settings of this run")!;
    const [header, ...body] = table.cells;
    expect(header).toEqual(["Setting", "Value"]);
    const value = Object.fromEntries(body.map(([k, v]) => [k, v]));
    expect(value).toEqual({
      "Months elapsed": 6,
      // The trust sample has a forecast column, so no projection was made.
      "Forecast used": "the tracker's own forecast column",
      "Forecast method": "none: the tracker's own forecast was used",
      "Amounts in": "£k, every amount column converted to it",
      "Sign convention": "variance = actual − plan; negative = under-delivery",
      "YTD delivery RAG": "green at 95%, amber at 80%",
      "Forecast shortfall RAG": "green at 5%, amber at 10%",
      "CIP % of turnover RAG": "green at 4%, amber at 5%",
      "Non-recurrent share RAG": "green at 25%, amber at 50%",
      "Unidentified share RAG": "green at 10%, amber at 25%",
      "H2 share RAG": "green at 55%, amber at 65%",
      "Required vs achieved run rate RAG": "green at 1.5×, amber at 2×",
      "Severely behind: YTD actual below": "50% of YTD plan",
      "Under a fifth: YTD actual below": "20% of annual plan",
      "High non-recurrent above": "50%",
      "High unidentified above": "25%",
      "Back-loaded: H2 share above": "65%",
    });
    // One row per band and per flag threshold of the settings, besides months, forecast, method, unit and signs.
    const bands = Object.entries(DEFAULT_SETTINGS).filter(([, v]) => typeof v === "object").length;
    expect(body).toHaveLength(5 + bands + 5);
  });

  it("records where the months came from and the unit of each column when they differ", () => {
    const a = analyseTracker(trust.rows, recogniseColumns(trust.header), { ...DEFAULT_SETTINGS, monthsElapsed: 6 });
    const withSource = planSummary({
      analysis: a,
      trackerAddress: "A1:AG73",
      outputAddress: "AH1:AU73",
      ranAt: "now",
      moneyFormat: "",
      monthsSource: "Worked out from the tracker: the last monthly actual filled in is Sep.",
      units: { annualPlan: "£k", ytdPlan: "£k", turnover: "£m" },
    });
    const value = Object.fromEntries(
      tableAfter(withSource, "Settings of this run")!
        .cells.slice(1)
        .map(([k, v]) => [k, v]),
    );
    expect(value["Months elapsed from"]).toBe("Worked out from the tracker: the last monthly actual filled in is Sep.");
    expect(value["Units of the columns"]).toBe("£k: Annual plan, YTD plan; £m: Turnover");
  });

  it("shows changed settings as set, to a tenth of a percent", () => {
    const s: Settings = {
      ...DEFAULT_SETTINGS,
      monthsElapsed: 9,
      forecastMethod: "runRate",
      forecastBasis: "projected",
      deliveryRag: { greenAt: 0.975, amberAt: 0.825 },
      runRateRag: { greenAt: 1.25, amberAt: 3 },
      underFifthBelow: 0.333,
    };
    const table = tableAfter(summaryOf(trust, s).plan, "Settings of this run")!;
    const value = Object.fromEntries(table.cells.slice(1).map(([k, v]) => [k, v]));
    expect(value["Months elapsed"]).toBe(9);
    expect(value["Forecast method"]).toBe(FORECAST_METHOD_LABELS.runRate);
    expect(value["Forecast used"]).toBe("a projection from the year to date");
    expect(value["YTD delivery RAG"]).toBe("green at 97.5%, amber at 82.5%");
    expect(value["Required vs achieved run rate RAG"]).toBe("green at 1.25×, amber at 3×");
    expect(value["Under a fifth: YTD actual below"]).toBe("33.3% of annual plan");
  });

  it("uses the default money format when the tracker's is General or unknown", () => {
    for (const f of ["", "General"]) {
      const table = tableAfter(summaryOf(trust, DEFAULT_SETTINGS, f).plan, "By group")!;
      expect(table.formats[4]).toBe(DEFAULT_MONEY_FORMAT);
    }
  });
});

describe("planSummary on other trackers", () => {
  it("lays out the PCT QIPP sample without overlap", () => {
    const { analysis: a, plan: p } = summaryOf(pct, { ...DEFAULT_SETTINGS, monthsElapsed: pct.monthsElapsed });
    expectWellFormed(p);
    expect(tableAfter(p, "By group")!.cells).toHaveLength(a.rollup.groups.length + 2);
  });

  it("leaves out the worst list when nobody is behind, and the chart when no group has a plan to date", () => {
    const ahead = {
      header: ["Trust", "Cluster", "Annual plan", "YTD plan", "YTD actual"],
      rows: [
        ["A", "North", 100, 50, 60],
        ["B", "South", 100, 50, 50],
      ],
    };
    const { plan: p } = summaryOf(ahead, DEFAULT_SETTINGS);
    expectWellFormed(p);
    expect(texts(p).some((t) => String(t).includes("largest shortfalls"))).toBe(false);
    expect(p.chart).not.toBeNull();

    const noPlans = {
      header: ["Trust", "Cluster", "Annual plan", "YTD plan", "YTD actual"],
      rows: [
        ["A", "North", 100, 0, 0],
        ["B", "South", 100, null, null],
      ],
    };
    const none = summaryOf(noPlans, DEFAULT_SETTINGS).plan;
    expectWellFormed(none);
    expect(none.chart).toBeNull();
  });

  it("charts only the groups with a delivery %", () => {
    const mixed = {
      header: ["Trust", "Cluster", "Annual plan", "YTD plan", "YTD actual"],
      rows: [
        ["A", "North", 100, 50, 40],
        ["B", "Nothing planned yet", 100, 0, 0],
        ["C", "South", 100, 50, 45],
      ],
    };
    const p = summaryOf(mixed, DEFAULT_SETTINGS).plan;
    expect(p.chart!.data.cells.slice(1).map((r) => r[0])).toEqual(["North", "South"]);
    expect(tableAfter(p, "By group")!.cells.map((r) => r[0])).toEqual([
      "Group",
      "North",
      "Nothing planned yet",
      "South",
      expect.any(String),
    ]);
  });

  it("never overlaps and bounds the worst list, for any tracker and worstCount (property)", () => {
    const amount = fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null });
    const row = fc.tuple(
      fc.string({ minLength: 1, maxLength: 6 }).map((s) => `Org ${s}`),
      fc.constantFrom("North", "South", "London", "Midlands"),
      amount,
      amount,
      amount,
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.integer({ min: 1, max: 12 }), (rows, worstCount) => {
        const { analysis: a, plan: p } = summaryOf(
          { header: ["Trust", "Cluster", "Annual plan", "YTD plan", "YTD actual"], rows },
          { ...DEFAULT_SETTINGS, worstCount },
        );
        expectWellFormed(p);
        expect(a.worst.length).toBeLessThanOrEqual(worstCount);
        const worst = tableAfter(p, /largest shortfalls to date$/);
        if (a.worst.length === 0) expect(worst).toBeUndefined();
        else expect(worst!.cells.slice(1).map((r) => r[2])).toEqual(a.worst.map((_, i) => i + 1));
        expect(tableAfter(p, "By group")!.cells).toHaveLength(a.rollup.groups.length + 2);
        const charted = a.rollup.groups.filter((g) => g.deliveryPct !== null);
        if (charted.length === 0) expect(p.chart).toBeNull();
        else expect(p.chart!.data.cells.slice(1).map((r) => r[0])).toEqual(charted.map((g) => g.group));
      }),
      { numRuns: 100 },
    );
  });
});
