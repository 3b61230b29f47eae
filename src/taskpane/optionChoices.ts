// The options as the analyst has set them so far (months elapsed, forecast, output mode,
// destination, thresholds as typed), how an options change updates them, and what the form shows.
// Pure: the controller keeps one OptionChoices and replaces it on each event.
import { ACTUAL_MONTH_FIELDS, MONTHS } from "../core/fields";
import { fromMonthlyActuals, inferMonthsElapsed } from "../core/inferMonthsElapsed";
import type { ColumnMapping } from "../core/recogniseColumns";
import { DEFAULT_SETTINGS, FORECAST_METHOD_LABELS, resolveSettings, type Settings } from "../core/settings";
import { usesPlanMonths } from "../core/trackerLayout";
import type { Destination, ForecastChoice, OutputMode } from "./options";
import type { SelectedTracker } from "./selectedTracker";
import { thresholdChange, thresholdKeyOf, thresholdViews } from "./thresholds";
import type { OptionsChange, OptionsView } from "./view/paneState";
import type { WorkbookState } from "./workbookState";
import {
  applySchemeOptionsChange,
  NO_SCHEME_OPTIONS,
  schemeOptionProblems,
  schemeOptionsView,
  type SchemeOptionChoices,
} from "./schemeOptions";

const MONTHS_NEEDED = "Needed: 1 = April … 12 = March.";

export interface OptionChoices {
  /** Settings as typed in the form; resolveSettings decides whether they can be used. */
  readonly settings: Partial<Settings>;
  readonly monthsElapsed: number | null;
  /** Where the months elapsed came from, shown beside the field. */
  readonly monthsNote: string;
  /** The analyst typed the months elapsed: a re-read keeps it. */
  readonly monthsTyped: boolean;
  /** The last month (1 = April) any monthly actual of the tracker is filled in for; null when none is. */
  readonly lastActualMonth?: number | null;
  /** null: the default for the tracker (its own forecast when it has one). */
  readonly forecast: ForecastChoice | null;
  readonly outputMode: OutputMode;
  readonly destination: Destination;
  /** A scheme register's options (schemeOptions.ts). */
  readonly scheme?: SchemeOptionChoices;
}

/** The options this workbook's last run used. */
export function choicesFromWorkbook(state: WorkbookState): OptionChoices {
  return {
    settings: { ...state.settings },
    monthsElapsed: null,
    monthsNote: "",
    monthsTyped: false,
    forecast: state.forecast,
    outputMode: state.outputMode,
    destination: state.destination,
    scheme: state.schemeOptions ?? NO_SCHEME_OPTIONS,
  };
}

export function applyOptionsChange(c: OptionChoices, change: OptionsChange): OptionChoices {
  let next = c;
  if (change.monthsElapsed !== undefined) {
    next = {
      ...next,
      monthsElapsed: change.monthsElapsed,
      monthsTyped: change.monthsElapsed !== null,
      monthsNote: change.monthsElapsed === null ? MONTHS_NEEDED : "As you entered it.",
    };
  }
  if (change.forecast !== undefined) next = { ...next, forecast: change.forecast };
  if (change.outputMode !== undefined) next = { ...next, outputMode: change.outputMode };
  if (change.destination !== undefined) next = { ...next, destination: change.destination };
  if (change.scheme !== undefined)
    next = { ...next, scheme: applySchemeOptionsChange(next.scheme ?? NO_SCHEME_OPTIONS, change.scheme) };
  if (change.threshold !== undefined) {
    next = {
      ...next,
      settings: thresholdChange(next.settings, DEFAULT_SETTINGS, change.threshold.key, change.threshold.value),
    };
  }
  return next;
}

/** Months elapsed for a newly read tracker: as typed, else the workbook's last run, else what the tracker says, else asked. */
export function monthsForTracker(c: OptionChoices, workbook: WorkbookState, t: SelectedTracker): OptionChoices {
  const lastActualMonth = fromMonthlyActuals(t.range.rows, t.mapping)?.monthsElapsed ?? null;
  return { ...monthsOf(c, workbook, t), lastActualMonth };
}

function monthsOf(c: OptionChoices, workbook: WorkbookState, t: SelectedTracker): OptionChoices {
  if (c.monthsTyped) return c;
  const saved = workbook.lastRun?.monthsElapsed ?? workbook.settings.monthsElapsed;
  const inferred = inferMonthsElapsed(t.header, t.range.rows, t.mapping);
  // Where the tracker still says what the last run used, that is the reason to give: the run's
  // record on the summary sheet then reads the same however often it is run again.
  if (saved !== undefined && inferred?.monthsElapsed !== saved)
    return { ...c, monthsElapsed: saved, monthsNote: "From this workbook's last run." };
  return {
    ...c,
    monthsElapsed: inferred?.monthsElapsed ?? null,
    monthsNote: inferred ? `Worked out from the tracker: ${inferred.reason}.` : MONTHS_NEEDED,
  };
}

/** The forecast to use with this mapping (null: no tracker read yet). */
export function forecastChoice(c: OptionChoices, mapping: ColumnMapping | null): ForecastChoice {
  const hasForecast = mapping?.columns.forecast !== undefined;
  const choice = c.forecast ?? (hasForecast ? "reported" : "deliveryRatio");
  return choice === "reported" && !hasForecast ? "deliveryRatio" : choice;
}

/** The core's settings for a run with these options, or the problems that stop it. */
export function resolveChoices(c: OptionChoices, mapping: ColumnMapping | null): ReturnType<typeof resolveSettings> {
  const forecast = forecastChoice(c, mapping);
  return resolveSettings({
    ...c.settings,
    ...(c.monthsElapsed === null ? {} : { monthsElapsed: c.monthsElapsed }),
    forecastBasis: forecast === "reported" ? "reported" : "projected",
    ...(forecast === "reported" ? {} : { forecastMethod: forecast }),
  });
}

/** The options form for these choices and the tracker's mapping (null: no tracker read yet). */
export function optionsView(c: OptionChoices, mapping: ColumnMapping | null): OptionsView {
  const resolved = resolveChoices(c, mapping);
  const base = resolveSettings(c.settings);
  const problems: { key: string; message: string }[] = [];
  if (!resolved.ok) {
    for (const p of resolved.problems) {
      problems.push({ key: p.setting === "monthsElapsed" ? "monthsElapsed" : thresholdKeyOf(p.setting), message: p.message });
    }
  }
  if (c.monthsElapsed === null && mapping) {
    problems.push({ key: "monthsElapsed", message: "Enter the months elapsed: 1 (April) to 12 (March)." });
  }
  const scheme = schemeOptionsView(c.scheme ?? NO_SCHEME_OPTIONS, mapping);
  if (scheme) problems.push(...schemeOptionProblems(c.scheme ?? NO_SCHEME_OPTIONS));
  const shown = base.ok ? base.settings : { ...DEFAULT_SETTINGS, ...numbersOnly(c.settings) };
  const hasForecast = mapping?.columns.forecast !== undefined;
  return {
    monthsElapsed: c.monthsElapsed,
    monthsElapsedNote: [c.monthsNote, ...monthsWarnings(c, mapping)].filter((t) => t !== "").join(" "),
    forecast: forecastChoice(c, mapping),
    forecastChoices: [
      ...(hasForecast ? [{ value: "reported" as const, label: "The tracker's own forecast" }] : []),
      { value: "deliveryRatio" as const, label: `Projection: ${FORECAST_METHOD_LABELS.deliveryRatio}` },
      { value: "runRate" as const, label: `Projection: ${FORECAST_METHOD_LABELS.runRate}` },
      { value: "remainingPlan" as const, label: `Projection: ${FORECAST_METHOD_LABELS.remainingPlan}` },
    ],
    outputMode: c.outputMode,
    destination: c.destination,
    thresholds: thresholdViews(shown),
    problems,
    scheme,
  };
}

/**
 * What the analyst should know about the months beside the field: that they change no figure
 * (the YTD plan and actual are read from their own columns and no monthly column is used), or
 * that they run past the last monthly actual anyone filled in.
 */
function monthsWarnings(c: OptionChoices, mapping: ColumnMapping | null): string[] {
  const k = c.monthsElapsed;
  if (mapping === null || k === null) return [];
  const columns = mapping.columns;
  const actualMonths = ACTUAL_MONTH_FIELDS.some((f) => columns[f] !== undefined);
  const readsMonths = usesPlanMonths(columns) || actualMonths || forecastChoice(c, mapping) === "runRate";
  if (columns.ytdPlan !== undefined && columns.ytdActual !== undefined && !readsMonths) {
    return [
      "They change no figure here: the YTD plan and actual are read from their own columns, no monthly column is used, and no projection divides by the months.",
    ];
  }
  const last = c.lastActualMonth ?? null;
  if (actualMonths && last !== null && k > last) {
    const after = k - last === 1 ? MONTHS[last] : `${MONTHS[last]} to ${MONTHS[k - 1]}`;
    return [
      `Warning: the last monthly actual filled in is ${MONTHS[last - 1]} (month ${last}); ` +
        `where a YTD actual is added up from the months, ${after} ${k - last === 1 ? "counts" : "count"} as nothing delivered.`,
    ];
  }
  return [];
}

function numbersOnly(s: Partial<Settings>): Partial<Settings> {
  return Object.fromEntries(
    Object.entries(s).filter(([, v]) => typeof v === "number" || typeof v === "object"),
  ) as Partial<Settings>;
}
