// A scheme register's part of one Analyse (docs/scheme-registers.md): when the tracker has a scheme
// column, the core's scheme report over the same rows and analysis, the dimensions the analyst
// chose that the register has, and what the pane shows of it (headlines, problems by row). Pure.
import type { TrackerAnalysis } from "../core/analyseTracker";
import { columnLetter } from "../core/excelConventions";
import type { ColumnMapping } from "../core/recogniseColumns";
import type { Settings } from "../core/settings";
import type { Dimension } from "../core/schemes/dimensionRollup";
import { schemeReport } from "../core/schemes/schemeReport";
import { DEFAULT_SCHEME_SETTINGS, type SchemeSettings } from "../core/schemes/schemeSettings";
import type { TrackerRange } from "./excel/readTracker";
import { sheetPrefix } from "./geometry/rect";
import type { ProblemView } from "./view/paneState";
import type { SchemeSummaryInput } from "./summary/schemeSections";

/** The analyst's scheme options for a run: resolved weights and words, and the dimensions to roll up (null: all the register has). */
export interface SchemeChoices {
  readonly settings: SchemeSettings;
  readonly dimensions: readonly Dimension[] | null;
}

export const DEFAULT_SCHEME_CHOICES: SchemeChoices = { settings: DEFAULT_SCHEME_SETTINGS, dimensions: null };

/** The report and the dimensions to write a table for: those chosen that the register has, in Options order. */
export type SchemeRun = SchemeSummaryInput;

/**
 * Rows are schemes: a scheme column, and a stage, likelihood, division or lead column (or no
 * organisation column at all). A trust tracker naming each trust's "Main scheme" has a scheme
 * column too, but one row per trust, and stays a tracker of organisations.
 */
export function rowsAreSchemes(mapping: ColumnMapping): boolean {
  const c = mapping.columns;
  if (c.scheme === undefined) return false;
  return c.organisation === undefined || SCHEME_FIELDS.some((f) => c[f] !== undefined);
}

const SCHEME_FIELDS = ["stage", "likelihood", "division", "lead"] as const;

/** The register's report, or null when rows are not schemes (rowsAreSchemes). */
export function planSchemes(
  tracker: TrackerRange,
  mapping: ColumnMapping,
  analysis: TrackerAnalysis,
  settings: Settings,
  choices: SchemeChoices = DEFAULT_SCHEME_CHOICES,
): SchemeRun | null {
  if (!rowsAreSchemes(mapping)) return null;
  const report = schemeReport({
    rows: tracker.rows,
    header: tracker.header,
    layout: mapping,
    analysis,
    settings,
    schemeSettings: choices.settings,
  });
  const chosen = choices.dimensions;
  const dimensions = chosen === null ? report.dimensions : report.dimensions.filter((d) => chosen.includes(d));
  return { report, dimensions };
}

/** At most this many scheme rows are listed; the Notes column has every one. */
const SCHEME_PROBLEMS_SHOWN = 50;

/** The scheme rows with a problem (stage, likelihood, organisation, duplicate name), for the pane's list. */
export function schemeProblemList(run: SchemeRun | null, range: TrackerRange): ProblemView[] {
  if (run === null) return [];
  const prefix = sheetPrefix(range.sheetName);
  const letter = columnLetter(range.rect.column);
  const a = run.report.schemes.analysis;
  const out: ProblemView[] = [];
  for (const [row, messages] of run.report.schemes.rowMessages) {
    if (out.length >= SCHEME_PROBLEMS_SHOWN) break;
    out.push({ address: `${prefix}${letter}${a.rowNumber(row)}`, message: messages.join(" ") });
  }
  return out;
}

/** What the pane says of the rows and year read, beside the status: "Rows are schemes; the 2026/27 plan is analysed." */
export function schemeReadNote(mapping: ColumnMapping): string {
  if (!rowsAreSchemes(mapping)) return "";
  // Only headers that name a year make the year matter ("Annual plan" is whatever year it is).
  const years = mapping.yearColumns ?? [];
  const year = years.length > 0 && mapping.financialYearLabel ? ` The ${mapping.financialYearLabel} plan is analysed` : "";
  const context = years.filter((c) => !c.used).length;
  const kept = context > 0 ? `; ${context} column${context === 1 ? "" : "s"} of other years kept as context` : "";
  return `Rows are schemes: organisation measures are worked out on organisation totals.${year}${year ? kept + "." : ""}`;
}
