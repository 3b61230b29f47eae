// The "CIP Summary" sheet as blocks of cells: headline sentences, the per-group table, the largest
// shortfalls, the movement since the last run, the monthly trajectory, the run's settings, notes on
// method and the charts' data, one under another; the column widths that fit them and the print
// layout of a board paper. Pure: the gateway only places the blocks.
import type { Movement } from "../../core/history/movement";
import type { Trajectory } from "../../core/history/trajectory";
import type { TrackerAnalysis } from "../../core/analyseTracker";
import { flagText } from "../../core/flags";
import { GROUP_TABLE_HEADER, GROUP_TABLE_MONEY } from "../../core/groupTable";
import type { GroupSummary } from "../../core/rollup";
import { totalCell, totalShareCell } from "../../core/totals";
import { FORECAST_METHOD_LABELS, type Bands, type Settings } from "../../core/settings";
import { FIELD_LABELS, type NumericField } from "../../core/fields";
import type { Unit } from "../../core/units";
import { addSchemeSections, type PlacedBridgeChart, type SchemeSummaryInput } from "./schemeSections";
import { literalText, numCell, SHARE_FORMAT, DEFAULT_MONEY_FORMAT, type OutputCell } from "../output/outputPlan";
import { methodNotes } from "./methodNotes";
import { movementSection } from "./movementSection";
import { printLayout, columnWidths, CHART_ROWS, type PrintLayout } from "./summaryLayout";
import type { BlockStyle, SummaryPart } from "./summaryParts";
import { trajectorySection, TRAJECTORY_CHART_TITLE } from "./trajectorySection";

export type { BlockStyle } from "./summaryParts";

export const SUMMARY_SHEET = "CIP Summary";

/** Excel's most characters in a cell, less one for the apostrophe that keeps text as text. */
export const CELL_TEXT_MAX = 32_766;
/** The chart shows at most this many groups; the group table lists them all. */
export const CHART_GROUPS_MAX = 50;

export interface SummaryBlock {
  /** 0-based sheet row and column of the block's top-left cell. */
  readonly row: number;
  readonly column: number;
  readonly style: BlockStyle;
  /** For tables, the first row is the header. */
  readonly cells: readonly (readonly OutputCell[])[];
  /** Number format per column ("General" for text). */
  readonly formats: readonly string[];
}

export interface SummaryChart {
  /** The block holding the chart's data (group names, then one column per series, header first). */
  readonly data: SummaryBlock;
  /** How many of the data block's columns the chart draws (all when not given). */
  readonly dataColumns?: number;
  readonly kind: "ColumnClustered" | "Line";
  readonly title: string;
  readonly axisTitles: { readonly category: string; readonly value: string };
  /** Where the chart's top-left corner goes (0-based row and column), and how many rows and columns it covers. */
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export interface SummaryPlan {
  readonly blocks: readonly SummaryBlock[];
  /** The delivery by group chart. */
  readonly chart: SummaryChart | null;
  /** A scheme register's bridge as a waterfall (or a stacked column where Excel cannot add one). */
  readonly bridgeChart?: PlacedBridgeChart<SummaryBlock> | null;
  /** The monthly trajectory's line chart. */
  readonly trajectoryChart: SummaryChart | null;
  /** Each column's width in points, fitted to what the tables hold. */
  readonly columnWidths: readonly number[];
  readonly print: PrintLayout;
}

/** What the run history adds to the summary (taskpane/historyPlan.ts gives it). */
export interface SummaryHistory {
  readonly movement: Movement;
  readonly headline: string;
  readonly trajectory: Trajectory | null;
  readonly trajectoryReason: string;
}

export interface SummaryInput {
  readonly analysis: TrackerAnalysis;
  /** Where the tracker and the output are, for the note at the top. */
  readonly trackerAddress: string;
  readonly outputAddress: string;
  /** When the run happened, as the analyst reads it. */
  readonly ranAt: string;
  readonly moneyFormat: string;
  /** Where the months elapsed came from, as the pane said beside the field ("From this workbook's last run."). */
  readonly monthsSource?: string;
  /** The unit each amount column was read in (the column mapping's). */
  readonly units?: Partial<Record<NumericField, Unit>>;
  /** A scheme register's report and the dimensions chosen (schemeSections.ts). */
  readonly schemes?: SchemeSummaryInput | null;
  /** Movement since the last run and the monthly trajectory; left out when not given. */
  readonly history?: SummaryHistory;
  /** The tracker's sheet, for the printed page's header. */
  readonly trackerName?: string;
}

const NET_VARIANCE = "YTD variance, net";
const GROUP_HEADER = [...GROUP_TABLE_HEADER, "% of annual plan", "Distress", "Rows with problems", NET_VARIANCE] as const;
/** Columns of GROUP_HEADER that hold money: CIP.SUMMARY's, and the net variance. */
const GROUP_MONEY = [...GROUP_TABLE_MONEY, GROUP_HEADER.length - 1];

/** The two shortfalls (cip-domain.md), named where both are shown. */
const SHORTFALLS_NOTE =
  "YTD shortfall is the sum of the shortfalls of the organisations behind plan; YTD variance, net is " +
  "Σ actual − Σ plan, in which delivery above plan by some offsets the shortfalls of others. " +
  "Variance = actual − plan: negative is under-delivery.";

export function planSummary(input: SummaryInput): SummaryPlan {
  const { analysis: a, history } = input;
  const money = input.moneyFormat && input.moneyFormat !== "General" ? input.moneyFormat : DEFAULT_MONEY_FORMAT;
  const unit = ` (${a.unit})`;
  const blocks: SummaryBlock[] = [];
  let row = 0;
  const place = (part: SummaryPart): SummaryBlock => {
    const block = { row, column: 0, style: part.style, cells: part.cells.map((r) => r.map(fitCell)), formats: [...part.formats] };
    blocks.push(block);
    // Text and tables are followed by a blank row; a heading sits right above what it heads.
    row += part.cells.length + (part.style === "text" || part.style === "table" || part.style === "note" ? 1 : 0);
    return block;
  };
  const add = (style: BlockStyle, cells: OutputCell[][], formats: string[]): SummaryBlock => place({ style, cells, formats });
  const text = (t: string) => [[t]];
  /** Rows kept free for a chart, the width of the widest table (set once every table is placed). */
  const reserveChart = () => {
    const at = row;
    row += CHART_ROWS + 1;
    return at;
  };

  add("title", text("CIP Analyst summary"), ["General"]);
  add("note", text(`Tracker ${input.trackerAddress}; results in ${input.outputAddress}. Run ${input.ranAt}.`), ["General"]);
  add("heading", text("Headlines"), ["General"]);
  add(
    "text",
    [...(input.schemes?.report.headlines ?? a.headlines), ...(history ? [history.headline] : [])].map((h) => [h]),
    ["General"],
  );

  add("heading", text("By group"), ["General"]);
  const groups = [...a.rollup.groups, a.rollup.total];
  const header = GROUP_HEADER.map((h, i) => (GROUP_MONEY.includes(i) ? h + unit : h));
  add("table", [header, ...groups.map(groupRow)], groupFormats(money));
  add("note", text(SHORTFALLS_NOTE), ["General"]);

  const withDelivery = a.rollup.groups.filter((g) => g.deliveryPct !== null && Number.isFinite(g.deliveryPct));
  const chartGroups = withDelivery.slice(0, CHART_GROUPS_MAX);
  const groupChartRow = chartGroups.length > 0 ? reserveChart() : -1;
  // A scheme register's tables and bridge, its chart in rows of its own below them.
  const bridge = input.schemes ? addSchemeSections(input.schemes, money, unit, add) : null;
  const bridgeChart = bridge ? { ...bridge, row: reserveChart(), column: 0 } : null;

  if (a.worst.length > 0) {
    add("heading", text(`${a.worst.length} largest shortfalls to date`), ["General"]);
    add(
      "table",
      [
        ["Organisation", "Group", "Rank", `YTD shortfall${unit}`, "YTD shortfall %", "YTD delivery %", "Row", "Flags"],
        ...a.worst.map((w, i) => [
          w.organisation,
          w.group,
          i + 1,
          w.shortfall,
          numCell(w.shortfallPct),
          numCell(w.deliveryPct),
          a.rowNumber(w.row),
          flagText(w.flags),
        ]),
      ],
      ["General", "General", "0", money, SHARE_FORMAT, SHARE_FORMAT, "0", "General"],
    );
  }

  let trajectoryChart: Omit<SummaryChart, "columns"> | null = null;
  if (history) {
    for (const part of movementSection(history.movement, history.headline, a.unit, money, (r) => a.rowNumber(r))) place(part);
    const section = trajectorySection(history.trajectory, history.trajectoryReason, a.unit, money);
    const placed = section.parts.map(place);
    if (section.chartTable !== null) {
      trajectoryChart = {
        data: placed[section.chartTable],
        dataColumns: 4,
        kind: "Line",
        title: TRAJECTORY_CHART_TITLE,
        axisTitles: { category: "Month (financial year)", value: `Cumulative${unit}` },
        row: reserveChart(),
        column: 0,
        rows: CHART_ROWS,
      };
    }
  }

  add("heading", text("Settings of this run"), ["General"]);
  add("table", [["Setting", "Value"], ...runRows(a, input), ...settingRows(a.settings)], ["General", "General"]);
  for (const part of methodNotes(a.unit, history?.trajectory ?? null)) place(part);

  let groupChart: Omit<SummaryChart, "columns"> | null = null;
  if (chartGroups.length > 0) {
    add("heading", text("Data of the chart of delivery by group"), ["General"]);
    const data = add(
      "table",
      [["Group", "YTD delivery %", "Plan"], ...chartGroups.map((g) => [g.group, g.deliveryPct as number, 1])],
      ["General", SHARE_FORMAT, SHARE_FORMAT],
    );
    // A column per group stops being readable long before Excel's own limits.
    const cut =
      withDelivery.length > chartGroups.length
        ? ` (the first ${chartGroups.length} of ${withDelivery.length.toLocaleString("en-GB")} groups; the table has them all)`
        : "";
    groupChart = {
      data,
      kind: "ColumnClustered",
      title: `YTD delivery % by group against plan (100%)${cut}`,
      axisTitles: { category: "Group", value: "YTD delivery % (plan = 100%)" },
      row: groupChartRow,
      column: 0,
      rows: CHART_ROWS,
    };
  }
  const widths = columnWidths(blocks);
  // Charts as wide as the widest table: the print area, one page wide.
  const columns = Math.max(8, widths.length);
  const sized = (c: Omit<SummaryChart, "columns"> | null): SummaryChart | null => (c ? { ...c, columns } : null);
  return {
    blocks,
    chart: sized(groupChart),
    trajectoryChart: sized(trajectoryChart),
    bridgeChart,
    columnWidths: widths,
    print: printLayout(input.trackerName ?? input.trackerAddress, input.ranAt, row, columns),
  };
}

/** Text cut to what a cell can hold, saying so; numbers as they are. */
export function fitCell(cell: OutputCell): OutputCell {
  if (typeof cell !== "string" || cell.length <= CELL_TEXT_MAX) return cell;
  const tail = " … (cut to fit one cell)";
  return cell.slice(0, CELL_TEXT_MAX - tail.length) + tail;
}

/** One line of the group table; a total past what a number holds is #NUM! (totals.ts). */
function groupRow(g: GroupSummary): OutputCell[] {
  const total = (x: number, what: string) => numCell(totalCell(x, what, g.group));
  const share = (x: number | null, what: string) => numCell(totalShareCell(x, what, g.group));
  return [
    g.group,
    g.organisations,
    g.behindPlan,
    share(g.behindPlanShare, "behind plan %"),
    total(g.annualPlan, "annual plan"),
    total(g.ytdPlan, "YTD plan"),
    total(g.ytdActual, "YTD actual"),
    total(g.shortfall, "YTD shortfall"),
    share(g.deliveryPct, "YTD delivery %"),
    g.forecastCount > 0 ? total(g.forecast, "forecast") : "",
    share(g.progressPct, "% of annual plan"),
    g.flags.DISTRESS,
    g.problemRows,
    total(g.variance, "YTD variance"),
  ];
}

function groupFormats(money: string): string[] {
  return ["General", "0", "0", SHARE_FORMAT, money, money, money, money, SHARE_FORMAT, money, SHARE_FORMAT, "0", "0", money];
}

/**
 * What this run used, exactly: months elapsed and where they came from, which forecast (the
 * tracker's own or a projection, and then by which method), the units and the sign convention.
 */
function runRows(a: TrackerAnalysis, input: SummaryInput): OutputCell[][] {
  const s = a.settings;
  const reported = s.forecastBasis === "reported" && a.columns.forecast !== undefined;
  const rows: OutputCell[][] = [["Months elapsed", s.monthsElapsed]];
  if (input.monthsSource) rows.push(["Months elapsed from", literalText(input.monthsSource)]);
  rows.push(
    ["Forecast used", reported ? "the tracker's own forecast column" : "a projection from the year to date"],
    ["Forecast method", reported ? "none: the tracker's own forecast was used" : FORECAST_METHOD_LABELS[s.forecastMethod]],
    ["Amounts in", `${a.unit}, every amount column converted to it`],
  );
  const units = columnUnits(input.units);
  if (units) rows.push(["Units of the columns", units]);
  rows.push(["Sign convention", "variance = actual − plan; negative = under-delivery"]);
  return rows;
}

/** "£k: annual plan, YTD plan; £m: turnover", or "" when the tracker's amounts are all in one unit. */
function columnUnits(units: Partial<Record<NumericField, Unit>> | undefined): string {
  if (!units) return "";
  const byUnit = new Map<Unit, string[]>();
  for (const [field, unit] of Object.entries(units) as [NumericField, Unit][]) {
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), FIELD_LABELS[field]]);
  }
  if (byUnit.size < 2) return "";
  return [...byUnit].map(([unit, fields]) => `${unit}: ${fields.join(", ")}`).join("; ");
}

function settingRows(s: Settings): OutputCell[][] {
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const bands = (b: Bands, asPct = true) =>
    asPct ? `green at ${pct(b.greenAt)}, amber at ${pct(b.amberAt)}` : `green at ${b.greenAt}×, amber at ${b.amberAt}×`;
  return [
    ["YTD delivery RAG", bands(s.deliveryRag)],
    ["Forecast shortfall RAG", bands(s.forecastShortfallRag)],
    ["CIP % of turnover RAG", bands(s.cipOfTurnoverRag)],
    ["Non-recurrent share RAG", bands(s.nonRecurrentRag)],
    ["Unidentified share RAG", bands(s.unidentifiedRag)],
    ["H2 share RAG", bands(s.h2ShareRag)],
    ["Required vs achieved run rate RAG", bands(s.runRateRag, false)],
    ["Severely behind: YTD actual below", pct(s.severelyBehindBelow) + " of YTD plan"],
    ["Under a fifth: YTD actual below", pct(s.underFifthBelow) + " of annual plan"],
    ["High non-recurrent above", pct(s.highNonRecurrentAbove)],
    ["High unidentified above", pct(s.highUnidentifiedAbove)],
    ["Back-loaded: H2 share above", pct(s.backLoadedAbove)],
  ];
}
