/**
 * NHS financial years, which run April to March. A year is named by the calendar year it starts
 * in: 2025 is 2025/26. Trackers write it as "2025/26", "2025-26", "25/26", "FY26" or "FY2025/26";
 * "FY26" names the year by its end (the year to March 2026), as NHS and HM Treasury papers do.
 */

/** The financial year a date falls in: April 2026 to March 2027 is 2026. */
export function financialYearOf(date: Date): number {
  return date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
}

/** "2025/26" for 2025. */
export function financialYearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
}

/** Whether a setting or argument is a financial year CIP Analyst can work with. */
export function isFinancialYear(year: unknown): year is number {
  return typeof year === "number" && Number.isInteger(year) && year >= 2000 && year <= 2098;
}

const fullYear = (digits: string): number => (digits.length === 2 ? 2000 + Number(digits) : Number(digits));
const isYearDigits = (t: string) => /^(\d{2}|20\d{2})$/.test(t);

/**
 * The financial year a header's tokens name, or null: two consecutive years ("2025", "26"), or an
 * "FY" year ("fy26", "fy", "26", "fy2026"), which names the year it ends in. Other numbers ("M6",
 * "2011" alone) say nothing about the financial year.
 */
export function financialYearInTokens(tokens: readonly string[]): number | null {
  for (let i = 0; i < tokens.length; i++) {
    const fy = /^fy(\d{2}|20\d{2})?$/.exec(tokens[i]);
    const first = fy ? (fy[1] ?? tokens[i + 1]) : tokens[i];
    const firstAt = fy && fy[1] === undefined ? i + 1 : i;
    if (first === undefined || !isYearDigits(first)) continue;
    const next = tokens[firstAt + 1];
    if (next !== undefined && isYearDigits(next) && (fullYear(first) + 1) % 100 === Number(next) % 100) return fullYear(first);
    if (fy) return fullYear(first) - 1;
  }
  return null;
}
