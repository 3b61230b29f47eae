/**
 * Numbers as the seed articles write them: "£544m", "£1.3bn", "£72.82m", "£879k", "15%".
 * Amounts are in pounds. Display only: calculations never use these strings.
 */
export function formatMoney(pounds: number): string {
  const sign = pounds < 0 ? "-" : "";
  const a = Math.abs(pounds);
  if (a >= 1e9) return `${sign}£${trim(a / 1e9, a >= 1e11 ? 0 : a >= 1e10 ? 1 : 2)}bn`;
  if (a >= 1e6) return `${sign}£${trim(a / 1e6, a >= 1e8 ? 0 : a >= 1e7 ? 1 : 2)}m`;
  if (a >= 1e3) return `${sign}£${trim(a / 1e3, a >= 1e5 ? 0 : 1)}k`;
  return `${sign}£${trim(a, 0)}`;
}

/** A share as a whole percentage, rounding half up as the articles do (79/544 = 14.52% is "15%"). */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100 + 1e-9)}%`;
}

function trim(value: number, decimals: number): string {
  return decimals === 0 ? value.toFixed(0) : value.toFixed(decimals).replace(/\.?0+$/, "");
}
