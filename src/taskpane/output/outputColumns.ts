// The columns the task pane writes beside a tracker, in order. Every header starts "CIP: " so that
// recogniseColumns never reads an earlier run's output back as input, and so the analyst can see at
// a glance which columns are the add-in's.
import type { Field } from "../../core/fields";
import type { MetricName, RagName } from "../../core/metrics";

export const OUTPUT_PREFIX = "CIP: ";

export type OutputColumnId =
  | "variance"
  | "shortfall"
  | "shortfallPct"
  | "deliveryPct"
  | "progressPct"
  | "forecast"
  | "forecastShortfallPct"
  | "deliveryRag"
  | "forecastRag"
  | "flags"
  | "cipOfTurnover"
  | "nonRecurrentShare"
  | "unidentifiedShare"
  // A scheme register's (schemeColumns.ts): written only when rows are schemes.
  | "riskAdjusted"
  | "riskBasis"
  | "notes";

/** money: in the tracker's unit, formatted like its money columns; share: 0.0%; rag/text: words. */
export type OutputKind = "money" | "share" | "rag" | "flags" | "text";

export interface OutputColumn {
  readonly id: OutputColumnId;
  /** The header cell, "CIP: " included. */
  readonly header: string;
  readonly kind: OutputKind;
  /** The core metric or RAG the column shows (flags and notes have neither). */
  readonly metric?: MetricName;
  readonly rag?: RagName;
  /** Input fields that must be mapped for the column to be written at all. */
  readonly needs: readonly Field[];
}

const column = (
  id: OutputColumnId,
  label: string,
  kind: OutputKind,
  source: { metric?: MetricName; rag?: RagName },
  needs: readonly Field[] = [],
): OutputColumn => ({ id, header: OUTPUT_PREFIX + label, kind, ...source, needs });

/** Every column the pane can write, in the order it writes them. */
export const OUTPUT_COLUMNS: readonly OutputColumn[] = [
  column("variance", "YTD variance", "money", { metric: "variance" }),
  column("shortfall", "YTD shortfall", "money", { metric: "shortfall" }),
  column("shortfallPct", "YTD shortfall %", "share", { metric: "shortfallPct" }),
  column("deliveryPct", "YTD delivery %", "share", { metric: "deliveryPct" }),
  column("progressPct", "% of annual plan", "share", { metric: "progressPct" }, ["annualPlan"]),
  column("forecast", "Forecast", "money", { metric: "forecastUsed" }, ["annualPlan"]),
  column("forecastShortfallPct", "Forecast shortfall %", "share", { metric: "forecastShortfallPct" }, ["annualPlan"]),
  column("deliveryRag", "Delivery RAG", "rag", { rag: "deliveryRag" }),
  column("forecastRag", "Forecast RAG", "rag", { rag: "forecastRag" }, ["annualPlan"]),
  column("flags", "Flags", "flags", {}),
  column("cipOfTurnover", "CIP % of turnover", "share", { metric: "cipOfTurnover" }, ["annualPlan", "turnover"]),
  column("nonRecurrentShare", "Non-recurrent share", "share", { metric: "nonRecurrentShare" }, ["recurrent", "nonRecurrent"]),
  column("unidentifiedShare", "Unidentified share", "share", { metric: "unidentifiedShare" }, ["annualPlan", "unidentified"]),
  column("notes", "Notes", "text", {}),
];

/** The columns to write for a tracker whose fields are mapped as `columns`. */
export function outputColumnsFor(columns: Partial<Record<Field, number>>): OutputColumn[] {
  return OUTPUT_COLUMNS.filter((c) => c.needs.every((field) => columns[field] !== undefined));
}

/**
 * "CIP: Forecast movement": each row's forecast less the last run's (run history, core/history).
 * No formula can read the history, so it is written as a number (or blank) in every output mode,
 * after the other columns; written whenever the forecast is.
 */
export const FORECAST_MOVEMENT_HEADER = OUTPUT_PREFIX + "Forecast movement";
export const FORECAST_MOVEMENT_NEEDS: readonly Field[] = ["annualPlan"];

/** How many result columns a block has for a tracker mapped as `columns`: the movement column included. */
export function outputWidthFor(columns: Partial<Record<Field, number>>): number {
  const movement = FORECAST_MOVEMENT_NEEDS.every((field) => columns[field] !== undefined) ? 1 : 0;
  return outputColumnsFor(columns).length + movement;
}
