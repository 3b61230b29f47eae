// A scheme register's sections of the "CIP Summary" sheet (docs/scheme-registers.md): a table per
// dimension chosen (the group table's columns plus identified, unidentified and the risk-adjusted
// forecast), the bridge from target to forecast gap in total and per organisation, and the data of
// the bridge's chart. Pure blocks and a chart plan: summaryPlan.ts places them, writeSummary.ts
// (excel/writeBridgeChart.ts) draws the chart.
import { GROUP_TABLE_HEADER, GROUP_TABLE_MONEY } from "../../core/groupTable";
import type { Bridge } from "../../core/schemes/bridge";
import type { DimensionGroup, DimensionRollup } from "../../core/schemes/dimensionRollup";
import { totalCell } from "../../core/totals";
import { groupTableCells, groupTotal } from "./groupCells";
import { numCell, type OutputCell } from "../output/outputPlan";
import type { Dimension } from "../../core/schemes/dimensionRollup";
import type { SchemeReport } from "../../core/schemes/schemeReport";

/** A scheme register's report and the dimensions chosen (schemePlan.ts makes it). */
export interface SchemeSummaryInput {
  readonly report: SchemeReport;
  readonly dimensions: readonly Dimension[];
}
type SchemeRun = SchemeSummaryInput;

/** 0.0%, as outputPlan.ts's SHARE_FORMAT (not imported from there to keep this module's imports to types). */
const SHARE = "0.0%";

export interface SchemeBlock {
  readonly style: "heading" | "table" | "note";
  readonly cells: OutputCell[][];
  readonly formats: string[];
}

/** Where the bridge chart gets its data: one block for a waterfall, one for the stacked column that stands in for it. */
export interface BridgeChartPlan {
  readonly title: string;
  /** Step and change: a waterfall of the target less each gap lands on the risk-adjusted forecast. */
  readonly waterfall: SchemeBlock;
  /** Step, what remains and what the step takes: a stacked column where the waterfall type cannot be added. */
  readonly stacked: SchemeBlock;
}

const BRIDGE_HEADING = "Bridge: annual target to forecast gap";
const EXTRA_HEADER = ["Identified", "Unidentified", "Risk-adjusted forecast", "Schemes risk-adjusted"] as const;

/** The dimension tables and the bridge, in the order the sheet shows them. */
export function schemeBlocks(run: SchemeRun, money: string, unit: string): SchemeBlock[] {
  const blocks: SchemeBlock[] = [];
  for (const dimension of run.dimensions) {
    const rollup = run.report.rollup(dimension);
    blocks.push({ style: "heading", cells: [[`By ${rollup.label.toLowerCase()}`]], formats: ["General"] });
    blocks.push(dimensionTable(rollup, money, unit, run.report.schemes.organisationNoun));
  }
  const { total, organisations } = run.report.bridges;
  blocks.push({ style: "heading", cells: [[BRIDGE_HEADING]], formats: ["General"] });
  const header = ["", ...BRIDGE_COLUMNS.map((c) => c.label + unit), "Recurrent gap carried forward" + unit];
  blocks.push({
    style: "table",
    cells: [header, ...[total, ...organisations].map(bridgeRow)],
    formats: ["General", ...BRIDGE_COLUMNS.map(() => money), money],
  });
  const targetNote = total.targetGiven
    ? "Targets as given."
    : "Each organisation's target is the sum of the plans on its rows (its schemes and its Unidentified lines); the register gives no target of its own.";
  blocks.push({
    style: "note",
    cells: [
      [
        `${targetNote} Risk adjustment = identified − risk-adjusted forecast; forecast gap = target − risk-adjusted forecast. ` +
          "Risk-adjusted forecast = YTD actual + remaining plan × the weight of the scheme's likelihood, else stage, else risk RAG; unidentified 0.",
      ],
    ],
    formats: ["General"],
  });
  return blocks;
}

const BRIDGE_COLUMNS: readonly { label: string; of: (b: Bridge) => number }[] = [
  { label: "Annual target", of: (b) => b.target },
  { label: "Identified", of: (b) => b.identified },
  { label: "Unidentified gap", of: (b) => b.unidentifiedGap },
  { label: "Risk adjustment", of: (b) => b.riskAdjustment },
  { label: "Risk-adjusted forecast", of: (b) => b.riskAdjustedForecast },
  { label: "Forecast gap", of: (b) => b.forecastGap },
];

function bridgeRow(b: Bridge): OutputCell[] {
  const cell = (x: number, what: string) => numCell(totalCell(x, what, b.name));
  return [b.name, ...BRIDGE_COLUMNS.map((c) => cell(c.of(b), c.label)), cell(b.recurrentGapCarriedForward, "recurrent gap")];
}

function dimensionTable(r: DimensionRollup, moneyFormat: string, unit: string, noun: string): SchemeBlock {
  const header: OutputCell[] = [
    r.label,
    "Schemes",
    ...GROUP_TABLE_HEADER.slice(2).map((h, i) => (GROUP_TABLE_MONEY.includes(i + 2) ? h + unit : h)),
    ...EXTRA_HEADER.map((h, i) => (i < 3 ? h + unit : h)),
  ];
  const rows = [...r.groups, { ...r.total, group: `All ${noun}`.trim() }].map((g) => dimensionRow(g));
  const formats = ["General", "0", "0", SHARE, moneyFormat, moneyFormat, moneyFormat, moneyFormat, SHARE, moneyFormat];
  return { style: "table", cells: [header, ...rows], formats: [...formats, moneyFormat, moneyFormat, moneyFormat, "0"] };
}

function dimensionRow(g: DimensionGroup): OutputCell[] {
  return [
    ...groupTableCells(g),
    groupTotal(g, g.identified, "identified"),
    groupTotal(g, g.unidentified, "unidentified"),
    g.riskAdjustedCount > 0 ? groupTotal(g, g.riskAdjustedForecast, "risk-adjusted forecast") : "",
    g.riskAdjustedCount,
  ];
}

/**
 * The bridge in total as chart data. The waterfall gets changes only (the target, then each gap as
 * a fall), because Office.js cannot mark a bar "set as total": the level it ends on is the
 * risk-adjusted forecast, and the two falls together are the forecast gap. The stacked column shows
 * per step what remains below and what the step takes above it.
 */
export function bridgeChart(run: SchemeRun, unit: string, money: string): BridgeChartPlan {
  const b = run.report.bridges.total;
  const waterfall: SchemeBlock = {
    style: "table",
    cells: [
      ["Bridge", `Change${unit}`],
      ["Annual target", b.target],
      ["Unidentified gap", -b.unidentifiedGap],
      ["Risk adjustment", -b.riskAdjustment],
    ],
    formats: ["General", money],
  };
  const stacked: SchemeBlock = {
    style: "table",
    cells: [
      ["Bridge", `Remaining${unit}`, `Step${unit}`],
      ["Annual target", 0, b.target],
      ["Unidentified gap", b.identified, b.unidentifiedGap],
      ["Risk adjustment", b.riskAdjustedForecast, b.riskAdjustment],
      ["Risk-adjusted forecast", 0, b.riskAdjustedForecast],
    ],
    formats: ["General", money, money],
  };
  return { title: `${b.name}: annual target to risk-adjusted forecast${unit}`, waterfall, stacked };
}

/** The bridge chart as placed on the sheet: its two data blocks and where the chart goes. */
export interface PlacedBridgeChart<B> {
  readonly title: string;
  readonly waterfall: B;
  readonly stacked: B;
  readonly row: number;
  readonly column: number;
}

/**
 * Adds the sections with summaryPlan's `add` (which places each block below the last) and returns
 * the bridge chart: beside the bridge table, its data below the bridge's note.
 */
export function addSchemeSections<B extends { readonly row: number }>(
  run: SchemeRun,
  moneyFormat: string,
  unit: string,
  add: (style: SchemeBlock["style"], cells: OutputCell[][], formats: string[]) => B,
): PlacedBridgeChart<B> {
  let bridgeRow = 0;
  for (const block of schemeBlocks(run, moneyFormat, unit)) {
    const placed = add(block.style, block.cells, block.formats);
    if (block.cells[0]?.[0] === BRIDGE_HEADING) bridgeRow = placed.row;
  }
  const chart = bridgeChart(run, unit, moneyFormat);
  const waterfall = add("table", chart.waterfall.cells, chart.waterfall.formats);
  const stacked = add("table", chart.stacked.cells, chart.stacked.formats);
  return { title: chart.title, waterfall, stacked, row: bridgeRow, column: BRIDGE_COLUMNS.length + 3 };
}
