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

/**
 * Two cut-offs that split a measure into green, amber and red, named as CIP.RAG names them. Where
 * higher is better: green from `greenAt` up, amber from `amberAt` up, red below. Where lower is
 * better: green up to `greenAt`, amber up to `amberAt`, red above. A value on a cut-off takes the
 * better colour.
 */
export interface Bands {
  readonly greenAt: number;
  readonly amberAt: number;
}

/** Workbooks saved before the cut-offs were renamed hold them as {amber, red}: the same two numbers. */
const LEGACY_BAND_KEYS: Readonly<Record<string, keyof Bands>> = { amber: "greenAt", red: "amberAt" };

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
  /** YTD delivery %: green from `greenAt` up, amber from `amberAt` up, red below (higher is better). */
  readonly deliveryRag: Bands;
  /** Forecast shortfall %: green up to `greenAt`, amber up to `amberAt`, red above (lower is better). */
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
  deliveryRag: { greenAt: 0.95, amberAt: 0.8 },
  forecastShortfallRag: { greenAt: 0.05, amberAt: 0.1 },
  cipOfTurnoverRag: { greenAt: 0.04, amberAt: 0.05 },
  nonRecurrentRag: { greenAt: 0.25, amberAt: 0.5 },
  unidentifiedRag: { greenAt: 0.1, amberAt: 0.25 },
  h2ShareRag: { greenAt: 0.55, amberAt: 0.65 },
  runRateRag: { greenAt: 1.5, amberAt: 2 },
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
export function resolveSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): SettingsResult {
  const input = upgradeSettings(raw);
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

/**
 * Settings as saved by any version, in today's names: cut-offs saved as {amber, red} (and only
 * those) become {greenAt, amberAt}. Anything else is returned as it is, for resolveSettings to check.
 */
export function upgradeSettings(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = { ...input };
  for (const key of Object.keys(BANDS)) {
    const bands = out[key];
    if (typeof bands !== "object" || bands === null || Array.isArray(bands)) continue;
    const keys = Object.keys(bands);
    if (keys.length === 0 || !keys.every((k) => Object.prototype.hasOwnProperty.call(LEGACY_BAND_KEYS, k))) continue;
    out[key] = Object.fromEntries(keys.map((k) => [LEGACY_BAND_KEYS[k], (bands as Record<string, unknown>)[k]]));
  }
  return out;
}

function checkBands(key: BandKey, value: unknown, base: Bands): Bands | string {
  const { label, higherIsBetter, max } = BANDS[key];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return `${label} needs a green and an amber cut-off, e.g. {"greenAt": ${base.greenAt}, "amberAt": ${base.amberAt}}; got ${show(value)}.`;
  }
  const v = value as Record<string, unknown>;
  const unknown = Object.keys(v).filter((k) => k !== "greenAt" && k !== "amberAt");
  if (unknown.length > 0) return `${label} has only "greenAt" and "amberAt" cut-offs; "${unknown[0]}" is not one of them.`;
  const greenAt = v.greenAt === undefined ? base.greenAt : v.greenAt;
  const amberAt = v.amberAt === undefined ? base.amberAt : v.amberAt;
  if (!isFiniteNumber(greenAt) || !isFiniteNumber(amberAt) || greenAt < 0 || amberAt < 0 || greenAt > max || amberAt > max) {
    return `${label} cut-offs must be numbers from 0 to ${max}; got green at ${show(greenAt)}, amber at ${show(amberAt)}.`;
  }
  if (higherIsBetter ? amberAt > greenAt : amberAt < greenAt) {
    const relation = higherIsBetter ? "below or at" : "above or at";
    return `${label}: the amber cut-off (${amberAt}) must be ${relation} the green cut-off (${greenAt}).`;
  }
  return { greenAt, amberAt };
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function show(v: unknown): string {
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "object" && v !== null) return JSON.stringify(v);
  return String(v);
}
