import type { BandKey } from "./settings";

/**
 * Every per-row result the analysis produces, in the order the task pane writes them, with the
 * words and number format an analyst sees. `money` is in the tracker's unit; `share` is a
 * fraction shown as a percentage; `ratio` is a plain multiple.
 */
export const METRICS = {
  ytdPlanUsed: { label: "YTD plan", format: "money" },
  ytdActualUsed: { label: "YTD actual", format: "money" },
  variance: { label: "YTD variance", format: "money" },
  shortfall: { label: "YTD shortfall", format: "money" },
  shortfallPct: { label: "YTD shortfall %", format: "share" },
  deliveryPct: { label: "YTD delivery %", format: "share" },
  progressPct: { label: "Progress vs annual plan", format: "share" },
  forecastRunRate: { label: "Forecast (run rate)", format: "money" },
  forecastRemainingPlan: { label: "Forecast (remaining plan)", format: "money" },
  forecastDeliveryRatio: { label: "Forecast (delivery ratio)", format: "money" },
  forecastUsed: { label: "Forecast used", format: "money" },
  forecastShortfall: { label: "Forecast shortfall", format: "money" },
  forecastShortfallPct: { label: "Forecast shortfall %", format: "share" },
  cipOfTurnover: { label: "CIP % of turnover", format: "share" },
  nonRecurrentShare: { label: "Non-recurrent share", format: "share" },
  unidentifiedShare: { label: "Unidentified share", format: "share" },
  h2Share: { label: "H2 share", format: "share" },
  requiredRunRate: { label: "Required run rate", format: "money" },
  achievedRunRate: { label: "Achieved run rate", format: "money" },
  runRateRatio: { label: "Required vs achieved run rate", format: "ratio" },
} as const satisfies Record<string, { label: string; format: "money" | "share" | "ratio" }>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

/** Each RAG, the metric it rates, the setting that holds its cut-offs, and which way is good. */
export const RAGS = {
  deliveryRag: { label: "Delivery RAG", metric: "deliveryPct", bands: "deliveryRag", higherIsBetter: true },
  forecastRag: { label: "Forecast RAG", metric: "forecastShortfallPct", bands: "forecastShortfallRag", higherIsBetter: false },
  cipOfTurnoverRag: { label: "CIP % of turnover RAG", metric: "cipOfTurnover", bands: "cipOfTurnoverRag", higherIsBetter: false },
  nonRecurrentRag: { label: "Non-recurrent RAG", metric: "nonRecurrentShare", bands: "nonRecurrentRag", higherIsBetter: false },
  unidentifiedRag: { label: "Unidentified RAG", metric: "unidentifiedShare", bands: "unidentifiedRag", higherIsBetter: false },
  h2ShareRag: { label: "Back-loading RAG", metric: "h2Share", bands: "h2ShareRag", higherIsBetter: false },
  runRateRag: { label: "Run rate RAG", metric: "runRateRatio", bands: "runRateRag", higherIsBetter: false },
} as const satisfies Record<string, { label: string; metric: MetricName; bands: BandKey; higherIsBetter: boolean }>;

export type RagName = keyof typeof RAGS;
export const RAG_NAMES = Object.keys(RAGS) as RagName[];
