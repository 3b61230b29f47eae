/**
 * Numbers as the seed articles write them: "£544m", "£1.3bn", "£72.82m", "£879k", "15%".
 * Amounts are in pounds. Display only: calculations never use these strings.
 */
export function formatMoney(pounds: number): string {
  const sign = pounds < 0 ? "-" : "";
  const a = Math.abs(pounds);
  let scale = SCALES.findIndex(([size]) => a >= size);
  if (scale < 0) scale = SCALES.length - 1;
  // Rounding can carry into the next unit: 999,999,999 is "£1bn", not "£1000m".
  if (scale > 0 && Number(trim(a / SCALES[scale][0])) >= 1000) scale--;
  const [size, suffix] = SCALES[scale];
  return `${sign}£${trim(a / size)}${suffix}`;
}

/** A share as a whole percentage, rounding half up as the articles do (79/544 = 14.52% is "15%"). */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100 + 1e-9)}%`;
}

const SCALES: readonly (readonly [number, string])[] = [
  [1e9, "bn"],
  [1e6, "m"],
  [1e3, "k"],
  [1, ""],
];

// Two decimals below 100 of a unit ("£72.82m", "£8.4m"), none from 100 ("£544m").
function trim(value: number): string {
  return Number(value.toFixed(2)) >= 100 ? value.toFixed(0) : value.toFixed(2).replace(/\.?0+$/, "");
}
