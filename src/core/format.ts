/**
 * Numbers as the seed articles write them: "£544m", "£1.3bn", "£72.82m", "£879k", "15%",
 * "£1,431bn", "76,234". Amounts are in pounds. Display only: calculations never use these strings.
 * A number too large to represent is never written as "Infinity" or "NaN".
 */
export function formatMoney(pounds: number): string {
  if (!Number.isFinite(pounds)) return NOT_REPRESENTABLE;
  const sign = pounds < 0 ? "-" : "";
  const a = Math.abs(pounds);
  let scale = SCALES.findIndex(([size]) => a >= size);
  if (scale < 0) scale = SCALES.length - 1;
  // Rounding can carry into the next unit: 999,999,999 is "£1bn", not "£1000m".
  if (scale > 0 && Number(trim(a / SCALES[scale][0])) >= 1000) scale--;
  const [size, suffix] = SCALES[scale];
  return `${sign}£${groupThousands(trim(a / size))}${suffix}`;
}

/** What a sentence shows for a figure that cannot be represented (see totals.ts). */
export const NOT_REPRESENTABLE = "(too large to show)";

/** A count with thousands separators: "97,972". */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? groupThousands(String(n)) : NOT_REPRESENTABLE;
}

/** "1431.5" -> "1,431.5": commas in the whole part only. */
function groupThousands(digits: string): string {
  const [whole, fraction] = digits.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A share as a whole percentage, rounding half up as the articles do (79/544 = 14.52% is "15%"). */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return NOT_REPRESENTABLE;
  return `${formatCount(Math.round(share * 100 + 1e-9))}%`;
}

const SCALES: readonly (readonly [number, string])[] = [
  [1e9, "bn"],
  [1e6, "m"],
  [1e3, "k"],
  [1, ""],
];

// Two decimals below 100 of a unit ("£72.82m", "£8.4m"), none from 100 ("£544m").
function trim(value: number): string {
  // toFixed writes 1e21 and up as "1e+21"; numbers that big are shown as such, on purpose.
  if (value >= 1e15) return value.toExponential(2).replace("e+", " × 10^");
  return Number(value.toFixed(2)) >= 100 ? value.toFixed(0) : value.toFixed(2).replace(/\.?0+$/, "");
}
