/**
 * Every choice the analysis makes that an analyst may reasonably disagree with. The defaults are
 * the conventions in cip-domain.md (public reporting practice, not national rules).
 */

export const FORECAST_METHODS = ["deliveryRatio", "runRate", "remainingPlan"] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

export const FORECAST_METHOD_LABELS: Readonly<Record<ForecastMethod, string>> = {
  deliveryRatio: "Delivery ratio (keeps missing at the current rate)",
  runRate: "Run rate (year-to-date actual × 12 / months)",
  remainingPlan: "Remaining plan delivered in full",
};

/** Two cut-offs that split a measure into green, amber and red. */
export interface Bands {
  readonly amber: number;
  readonly red: number;
}

export const FORECAST_BASES = ["reported", "projected"] as const;
/**
 * Which forecast the forecast shortfall and its RAG use: the organisation's own reported forecast
 * (the tracker's forecast column, when it has one) or our projection by `forecastMethod`.
 */
export type ForecastBasis = (typeof FORECAST_BASES)[number];

export interface Settings {
  /** Months of the financial year elapsed, 1 (April) to 12 (March). */
  readonly monthsElapsed: number;
  readonly forecastMethod: ForecastMethod;
  readonly forecastBasis: ForecastBasis;
  /** YTD delivery %: red below `red`, amber below `amber`, green from `amber` up (higher is better). */
  readonly deliveryRag: Bands;
  /** Forecast shortfall %: green up to `amber`, amber up to `red`, red above (lower is better). */
  readonly forecastShortfallRag: Bands;
  readonly cipOfTurnoverRag: Bands;
  readonly nonRecurrentRag: Bands;
  readonly unidentifiedRag: Bands;
  readonly h2ShareRag: Bands;
  readonly runRateRag: Bands;
  /** SEVERELY_BEHIND when YTD actual is below this share of YTD plan. */
  readonly severelyBehindBelow: number;
  /** UNDER_FIFTH when YTD actual is below this share of the annual plan. */
  readonly underFifthBelow: number;
  readonly highNonRecurrentAbove: number;
  readonly highUnidentifiedAbove: number;
  readonly backLoadedAbove: number;
  /** How many organisations the "worst by shortfall" list holds. */
  readonly worstCount: number;
}

export const DEFAULT_SETTINGS: Settings = {
  monthsElapsed: 6,
  forecastMethod: "deliveryRatio",
  forecastBasis: "reported",
  deliveryRag: { amber: 0.95, red: 0.8 },
  forecastShortfallRag: { amber: 0.05, red: 0.1 },
  cipOfTurnoverRag: { amber: 0.04, red: 0.05 },
  nonRecurrentRag: { amber: 0.25, red: 0.5 },
  unidentifiedRag: { amber: 0.1, red: 0.25 },
  h2ShareRag: { amber: 0.55, red: 0.65 },
  runRateRag: { amber: 1.5, red: 2 },
  severelyBehindBelow: 0.5,
  underFifthBelow: 0.2,
  highNonRecurrentAbove: 0.5,
  highUnidentifiedAbove: 0.25,
  backLoadedAbove: 0.65,
  worstCount: 10,
};

export type BandKey = { [K in keyof Settings]: Settings[K] extends Bands ? K : never }[keyof Settings];
type ShareKey = "severelyBehindBelow" | "underFifthBelow" | "highNonRecurrentAbove" | "highUnidentifiedAbove" | "backLoadedAbove";

/** Whether a higher value of the measure is better (delivery) or worse (everything else). */
const BANDS: Readonly<Record<BandKey, { label: string; higherIsBetter: boolean; max: number }>> = {
  deliveryRag: { label: "YTD delivery RAG", higherIsBetter: true, max: 10 },
  forecastShortfallRag: { label: "Forecast shortfall RAG", higherIsBetter: false, max: 1 },
  cipOfTurnoverRag: { label: "CIP % of turnover RAG", higherIsBetter: false, max: 1 },
  nonRecurrentRag: { label: "Non-recurrent share RAG", higherIsBetter: false, max: 1 },
  unidentifiedRag: { label: "Unidentified share RAG", higherIsBetter: false, max: 1 },
  h2ShareRag: { label: "H2 share RAG", higherIsBetter: false, max: 1 },
  runRateRag: { label: "Required vs achieved run rate RAG", higherIsBetter: false, max: 1000 },
};

const SHARES: Readonly<Record<ShareKey, string>> = {
  severelyBehindBelow: "Severely behind threshold",
  underFifthBelow: "Under-a-fifth threshold",
  highNonRecurrentAbove: "High non-recurrent threshold",
  highUnidentifiedAbove: "High unidentified threshold",
  backLoadedAbove: "Back-loaded threshold",
};

export interface SettingProblem {
  readonly setting: string;
  readonly message: string;
}

export type SettingsResult =
  { readonly ok: true; readonly settings: Settings } | { readonly ok: false; readonly problems: readonly SettingProblem[] };

/**
 * Checks settings from outside (the task pane's form, a function argument, stored JSON) and
 * fills what is missing from the defaults. A bad setting is never replaced by a default behind
 * the analyst's back: every one is reported with what is wrong and what is allowed.
 */
export function resolveSettings(input: unknown, base: Settings = DEFAULT_SETTINGS): SettingsResult {
  if (input === undefined || input === null) return { ok: true, settings: base };
  if (typeof input !== "object" || Array.isArray(input)) {
    return { ok: false, problems: [{ setting: "settings", message: "Settings must be a set of named values." }] };
  }
  const given = input as Record<string, unknown>;
  const problems: SettingProblem[] = [];
  const known = new Set(Object.keys(base));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) problems.push({ setting: key, message: `"${key}" is not a setting CIP Analyst knows.` });
  }
  const out: Record<string, unknown> = { ...base };

  if (given.monthsElapsed !== undefined) {
    const m = given.monthsElapsed;
    if (typeof m !== "number" || !Number.isInteger(m) || m < 1 || m > 12) {
      problems.push({
        setting: "monthsElapsed",
        message: `Months elapsed must be a whole number from 1 (April) to 12 (March); got ${show(m)}.`,
      });
    } else out.monthsElapsed = m;
  }
  if (given.forecastMethod !== undefined) {
    const f = given.forecastMethod;
    if (typeof f !== "string" || !(FORECAST_METHODS as readonly string[]).includes(f)) {
      problems.push({
        setting: "forecastMethod",
        message: `Forecast method must be one of ${FORECAST_METHODS.join(", ")}; got ${show(f)}.`,
      });
    } else out.forecastMethod = f;
  }
  if (given.forecastBasis !== undefined) {
    const b = given.forecastBasis;
    if (typeof b !== "string" || !(FORECAST_BASES as readonly string[]).includes(b)) {
      problems.push({
        setting: "forecastBasis",
        message: `Forecast basis must be one of ${FORECAST_BASES.join(", ")}; got ${show(b)}.`,
      });
    } else out.forecastBasis = b;
  }
  for (const key of Object.keys(BANDS) as BandKey[]) {
    if (given[key] === undefined) continue;
    const result = checkBands(key, given[key], base[key]);
    if (typeof result === "string") problems.push({ setting: key, message: result });
    else out[key] = result;
  }
  for (const key of Object.keys(SHARES) as ShareKey[]) {
    const v = given[key];
    if (v === undefined) continue;
    if (!isFiniteNumber(v) || v <= 0 || v > 1) {
      problems.push({ setting: key, message: `${SHARES[key]} must be a share above 0% and at most 100%; got ${show(v)}.` });
    } else out[key] = v;
  }
  if (given.worstCount !== undefined) {
    const n = given.worstCount;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 1000) {
      problems.push({
        setting: "worstCount",
        message: `The worst-organisations list must hold 1 to 1000 organisations; got ${show(n)}.`,
      });
    } else out.worstCount = n;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: out as unknown as Settings };
}

function checkBands(key: BandKey, value: unknown, base: Bands): Bands | string {
  const { label, higherIsBetter, max } = BANDS[key];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return `${label} needs an amber and a red cut-off, e.g. {"amber": ${base.amber}, "red": ${base.red}}; got ${show(value)}.`;
  }
  const v = value as Record<string, unknown>;
  const unknown = Object.keys(v).filter((k) => k !== "amber" && k !== "red");
  if (unknown.length > 0) return `${label} has only "amber" and "red" cut-offs; "${unknown[0]}" is not one of them.`;
  const amber = v.amber === undefined ? base.amber : v.amber;
  const red = v.red === undefined ? base.red : v.red;
  if (!isFiniteNumber(amber) || !isFiniteNumber(red) || amber < 0 || red < 0 || amber > max || red > max) {
    return `${label} cut-offs must be numbers from 0 to ${max}; got amber ${show(amber)}, red ${show(red)}.`;
  }
  if (higherIsBetter ? red > amber : red < amber) {
    const relation = higherIsBetter ? "below or at" : "above or at";
    return `${label}: the red cut-off (${red}) must be ${relation} the amber cut-off (${amber}).`;
  }
  return { amber, red };
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function show(v: unknown): string {
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "object" && v !== null) return JSON.stringify(v);
  return String(v);
}
