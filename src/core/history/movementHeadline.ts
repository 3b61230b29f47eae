/**
 * Movement in one sentence, as monthly CIP reports lead: "Forecast down £240k since the September
 * run; biggest movers: Prescribing down £140k, Estates down £60k, Agency up £20k."
 */
import { MONTH_WORDS, MONTHS } from "../fields";
import { formatMoney } from "../format";
import { UNIT_FACTORS } from "../units";
import type { Movement } from "./movement";
import type { RunInfo } from "./snapshot";

export const FIRST_RUN_HEADLINE =
  "This is the first run kept in this workbook's history, so there is nothing to compare with yet; the next run will show what moved.";

/** A month's full name, month 1 = April: the last of its words before "M6" and "Month 6" ("Sep", "Sept", "September"). */
const monthName = (month: number): string => MONTH_WORDS[month - 1][MONTH_WORDS[month - 1].length - 3];
/** A calendar month (0 = January) as the fiscal month list writes it. */
const shortMonth = (calendarMonth: number): string => MONTHS[(calendarMonth + 9) % 12];

/** How many movers the sentence names. */
const NAMED = 3;

export function movementHeadline(movement: Movement): string {
  if (movement.first || !movement.previous || !movement.totals) return FIRST_RUN_HEADLINE;
  const money = (amount: number) => formatMoney(Math.abs(amount) * UNIT_FACTORS[movement.current.unit]);
  const since = `since ${runLabel(movement.previous, movement.current)}`;
  const change = movement.totals.forecast.change;
  const moved =
    Math.abs(change) >= 0.005
      ? `Forecast ${change < 0 ? "down" : "up"} ${money(change)} ${since}`
      : `Forecast unchanged ${since}`;
  const movers = movement.movers.slice(0, NAMED).map((m) => `${m.name} ${m.change < 0 ? "down" : "up"} ${money(m.change)}`);
  return movers.length > 0 ? `${moved}; biggest movers: ${movers.join(", ")}.` : `${moved}.`;
}

/**
 * "the September run" (the month the last run reported to), or "the last run (3 Oct 2025)" when
 * both runs report the same month, as a re-run mid-month does.
 */
export function runLabel(previous: RunInfo, current: RunInfo): string {
  if (previous.monthsElapsed !== current.monthsElapsed) return `the ${monthName(previous.monthsElapsed)} run`;
  const date = new Date(previous.runAt);
  if (Number.isNaN(date.getTime())) return "the last run";
  return `the last run (${date.getUTCDate()} ${shortMonth(date.getUTCMonth())} ${date.getUTCFullYear()})`;
}
