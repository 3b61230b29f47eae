/**
 * Multi-year trackers: "Plan 2025/26 £k" beside "Plan 2026/27 £k". Both name the annual plan; the
 * one for the financial year analysed is used and the others are kept as context, never reported
 * as a duplicate nor silently dropped. Runs on the claims before columns are chosen
 * (columnClaims.ts), so a year decides before "leftmost wins" would.
 */
import type { Claims } from "./columnClaims";
import type { Letter } from "./columnMessages";
import { FIELD_LABELS, type Field } from "./fields";
import { financialYearLabel } from "./financialYear";
import type { HeaderCell } from "./headerReading";

/** A column whose header names a financial year. */
export interface YearColumn {
  readonly index: number;
  readonly field: Field;
  readonly year: number;
  /** Analysed (true) or kept as context (false). */
  readonly used: boolean;
}

export interface YearChoice {
  /** The financial year the analysis uses for year-qualified columns (2025 is 2025/26). */
  readonly financialYear: number;
  readonly yearColumns: YearColumn[];
  readonly messages: string[];
}

/**
 * For each field claimed by columns of different years, keeps the claims for `financialYear` (and
 * claims naming no year); without one for that year, the latest year before it, else the earliest
 * after it, saying so. A field whose columns name one year only is left as it is.
 */
export function settleYears(claims: Claims, cells: readonly HeaderCell[], financialYear: number, letter: Letter): YearChoice {
  const yearColumns: YearColumn[] = [];
  const messages: string[] = [];
  const dated = claims.claims.filter((c) => c.year !== undefined);
  const fields = [...new Set(dated.map((c) => c.field))];
  const dropped = new Set<number>();
  for (const field of fields) {
    const mine = dated.filter((c) => c.field === field);
    const years = [...new Set(mine.map((c) => c.year as number))].sort((a, b) => a - b);
    const chosen = years.includes(financialYear)
      ? financialYear
      : ([...years].reverse().find((y) => y < financialYear) ?? years[0]);
    for (const c of mine) yearColumns.push({ index: c.index, field, year: c.year as number, used: c.year === chosen });
    // One year only: the tracker is for that year, whatever today's date; nothing to choose or say.
    if (years.length === 1) continue;
    const used = mine.filter((c) => c.year === chosen).map((c) => letter(c.index));
    const label = FIELD_LABELS[field];
    if (chosen !== financialYear) {
      messages.push(
        `No ${label} column is for ${financialYearLabel(financialYear)}, the financial year analysed; ` +
          `column ${used.join(", ")} (${financialYearLabel(chosen)}) is used. Change the financial year in Options if that is not the year you want.`,
      );
    }
    for (const c of mine) {
      if (c.year === chosen) continue;
      dropped.add(c.index);
      messages.push(
        `Column ${cells[c.index].name} is the ${label} for ${financialYearLabel(c.year as number)}, kept as context: ` +
          `the analysis uses ${financialYearLabel(chosen)} (column ${used.join(", ")}).`,
      );
    }
  }
  if (dropped.size > 0) {
    const kept = claims.claims.filter((c) => !dropped.has(c.index));
    claims.claims.length = 0;
    claims.claims.push(...kept);
  }
  yearColumns.sort((a, b) => a.index - b.index);
  return { financialYear, yearColumns, messages };
}
