// The thresholds form: every RAG cut-off and flag threshold of the core's Settings, as an analyst
// types them (95 for 95%), and back. Pure; the core's resolveSettings checks the values.
import type { BandKey, Bands, Settings } from "../core/settings";
import type { ThresholdView } from "./view/paneState";

type ShareKey = "severelyBehindBelow" | "underFifthBelow" | "highNonRecurrentAbove" | "highUnidentifiedAbove" | "backLoadedAbove";

const BAND_LABELS: Readonly<Record<BandKey, string>> = {
  deliveryRag: "YTD delivery %",
  forecastShortfallRag: "Forecast shortfall %",
  cipOfTurnoverRag: "CIP % of turnover",
  nonRecurrentRag: "Non-recurrent share",
  unidentifiedRag: "Unidentified share",
  h2ShareRag: "H2 share of plan",
  runRateRag: "Required vs achieved run rate",
};

const SHARE_LABELS: Readonly<Record<ShareKey, string>> = {
  severelyBehindBelow: "Severely behind: YTD actual below this share of YTD plan",
  underFifthBelow: "Under a fifth: YTD actual below this share of annual plan",
  highNonRecurrentAbove: "High non-recurrent: share above",
  highUnidentifiedAbove: "High unidentified: share above",
  backLoadedAbove: "Back-loaded: H2 share above",
};

const CUT_LABELS: Readonly<Record<keyof Bands, string>> = { greenAt: "green at", amberAt: "amber at" };

const isRatio = (key: string) => key.startsWith("runRateRag");
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function thresholdViews(s: Settings): ThresholdView[] {
  const views: ThresholdView[] = [];
  for (const key of Object.keys(BAND_LABELS) as BandKey[]) {
    for (const cut of ["greenAt", "amberAt"] as const) {
      const full = `${key}.${cut}`;
      const ratio = isRatio(full);
      views.push({
        key: full,
        label: `${BAND_LABELS[key]}: ${CUT_LABELS[cut]}`,
        value: ratio ? s[key][cut] : round(s[key][cut] * 100),
        unit: ratio ? "×" : "%",
      });
    }
  }
  for (const key of Object.keys(SHARE_LABELS) as ShareKey[]) {
    views.push({ key, label: SHARE_LABELS[key], value: round(s[key] * 100), unit: "%" });
  }
  return views;
}

/**
 * The settings change for a typed threshold, to merge into the pending settings and check with
 * resolveSettings. A value that is not a number is kept as NaN so resolveSettings names it.
 */
export function thresholdChange(current: Partial<Settings>, base: Settings, key: string, typed: number): Partial<Settings> {
  const [name, cut] = key.split(".") as [string, keyof Bands | undefined];
  const value = isRatio(key) ? typed : typed / 100;
  if (cut === undefined) {
    if (!Object.prototype.hasOwnProperty.call(SHARE_LABELS, name)) return current;
    return { ...current, [name]: value };
  }
  if (!Object.prototype.hasOwnProperty.call(BAND_LABELS, name)) return current;
  const band = name as BandKey;
  const before = current[band] ?? base[band];
  return { ...current, [band]: { ...before, [cut]: value } };
}

/** The form key a settings problem belongs to (bands are shown on their green box). */
export function thresholdKeyOf(setting: string): string {
  if (Object.prototype.hasOwnProperty.call(BAND_LABELS, setting)) return `${setting}.greenAt`;
  return Object.prototype.hasOwnProperty.call(SHARE_LABELS, setting) ? setting : "";
}
