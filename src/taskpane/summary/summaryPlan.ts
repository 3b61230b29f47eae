// The "CIP Summary" sheet as blocks of cells: headline sentences, the per-group table, the largest
// shortfalls, the chart's data and the run's settings. Pure: the gateway only places the blocks.
import type { TrackerAnalysis } from "../../core/analyseTracker";
import { flagText } from "../../core/flags";
import { GROUP_TABLE_HEADER, GROUP_TABLE_MONEY } from "../../core/groupTable";
import type { GroupSummary } from "../../core/rollup";
import { FORECAST_METHOD_LABELS, type Bands, type Settings } from "../../core/settings";
import { numCell, SHARE_FORMAT, DEFAULT_MONEY_FORMAT, type OutputCell } from "../output/outputPlan";

export const SUMMARY_SHEET = "CIP Summary";

/** Excel's most characters in a cell, less one for the apostrophe that keeps text as text. */
export const CELL_TEXT_MAX = 32_766;
/** The chart shows at most this many groups; the group table lists them all. */
export const CHART_GROUPS_MAX = 50;

export type BlockStyle = "title" | "note" | "heading" | "text" | "table";

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
  readonly title: string;
  /** Where the chart's top-left corner goes (0-based row and column). */
  readonly row: number;
  readonly column: number;
}

export interface SummaryPlan {
  readonly blocks: readonly SummaryBlock[];
  readonly chart: SummaryChart | null;
}

export interface SummaryInput {
  readonly analysis: TrackerAnalysis;
  /** Where the tracker and the output are, for the note at the top. */
  readonly trackerAddress: string;
  readonly outputAddress: string;
  /** When the run happened, as the analyst reads it. */
  readonly ranAt: string;
  readonly moneyFormat: string;
}

const GROUP_HEADER = [...GROUP_TABLE_HEADER, "% of annual plan", "Distress", "Rows with problems"] as const;

export function planSummary(input: SummaryInput): SummaryPlan {
  const { analysis: a } = input;
  const money = input.moneyFormat && input.moneyFormat !== "General" ? input.moneyFormat : DEFAULT_MONEY_FORMAT;
  const unit = ` (${a.unit})`;
  const blocks: SummaryBlock[] = [];
  let row = 0;
  const add = (style: BlockStyle, cells: OutputCell[][], formats: string[]): SummaryBlock => {
    const block = { row, column: 0, style, cells: cells.map((r) => r.map(fitCell)), formats };
    blocks.push(block);
    // Text and tables are followed by a blank row; a heading sits right above what it heads.
    row += cells.length + (style === "text" || style === "table" ? 1 : 0);
    return block;
  };
  const text = (t: string) => [[t]];

  add("title", text("CIP Analyst summary"), ["General"]);
  add("note", text(`Tracker ${input.trackerAddress}; results in ${input.outputAddress}. Run ${input.ranAt}.`), ["General"]);
  row += 1;
  add("heading", text("Headlines"), ["General"]);
  add(
    "text",
    a.headlines.map((h) => [h]),
    ["General"],
  );

  add("heading", text("By group"), ["General"]);
  const groups = [...a.rollup.groups, a.rollup.total];
  const header = GROUP_HEADER.map((h, i) => (GROUP_TABLE_MONEY.includes(i) ? h + unit : h));
  add("table", [header, ...groups.map(groupRow)], groupFormats(money));

  if (a.worst.length > 0) {
    add("heading", text(`${a.worst.length} largest shortfalls to date`), ["General"]);
    add(
      "table",
      [
        ["Rank", "Organisation", "Group", `YTD shortfall${unit}`, "YTD shortfall %", "YTD delivery %", "Flags", "Row"],
        ...a.worst.map((w, i) => [
          i + 1,
          w.organisation,
          w.group,
          w.shortfall,
          numCell(w.shortfallPct),
          numCell(w.deliveryPct),
          flagText(w.flags),
          a.rowNumber(w.row),
        ]),
      ],
      ["0", "General", "General", money, SHARE_FORMAT, SHARE_FORMAT, "General", "0"],
    );
  }

  add("heading", text("Settings of this run"), ["General"]);
  add("table", [["Setting", "Value"], ...settingRows(a.settings)], ["General", "General"]);

  const withDelivery = a.rollup.groups.filter((g) => g.deliveryPct !== null);
  const chartGroups = withDelivery.slice(0, CHART_GROUPS_MAX);
  let chart: SummaryChart | null = null;
  if (chartGroups.length > 0) {
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
    chart = { data, title: `YTD delivery % by group against plan (100%)${cut}`, row: 3, column: GROUP_HEADER.length + 1 };
  }
  return { blocks, chart };
}

/** Text cut to what a cell can hold, saying so; numbers as they are. */
export function fitCell(cell: OutputCell): OutputCell {
  if (typeof cell !== "string" || cell.length <= CELL_TEXT_MAX) return cell;
  const tail = " … (cut to fit one cell)";
  return cell.slice(0, CELL_TEXT_MAX - tail.length) + tail;
}

function groupRow(g: GroupSummary): OutputCell[] {
  const orNone = (x: number | null): OutputCell => (x === null ? "" : x);
  return [
    g.group,
    g.organisations,
    g.behindPlan,
    orNone(g.behindPlanShare),
    g.annualPlan,
    g.ytdPlan,
    g.ytdActual,
    g.shortfall,
    orNone(g.deliveryPct),
    g.forecastCount > 0 ? g.forecast : "",
    orNone(g.progressPct),
    g.flags.DISTRESS,
    g.problemRows,
  ];
}

function groupFormats(money: string): string[] {
  return ["General", "0", "0", SHARE_FORMAT, money, money, money, money, SHARE_FORMAT, money, SHARE_FORMAT, "0", "0"];
}

function settingRows(s: Settings): OutputCell[][] {
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const bands = (b: Bands, asPct = true) =>
    asPct ? `green at ${pct(b.greenAt)}, amber at ${pct(b.amberAt)}` : `green at ${b.greenAt}×, amber at ${b.amberAt}×`;
  return [
    ["Months elapsed", s.monthsElapsed],
    ["Forecast method", FORECAST_METHOD_LABELS[s.forecastMethod]],
    [
      "Forecast used for the forecast shortfall",
      s.forecastBasis === "reported" ? "the tracker's own forecast, where it has one" : "the projection",
    ],
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
