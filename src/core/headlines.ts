import type { TrackerAnalysis } from "./trackerAnalysis";
import { formatCount, formatMoney, formatPercent } from "./format";
import { FORECAST_METHOD_LABELS } from "./settings";
import { overflowed, TOO_LARGE } from "./totals";
import { usesPlanMonths } from "./trackerLayout";
import { UNIT_FACTORS } from "./units";

type HeadlineInput = Pick<
  TrackerAnalysis,
  | "rollup"
  | "worst"
  | "unit"
  | "settings"
  | "problemRows"
  | "totalRows"
  | "labelRows"
  | "notes"
  | "rowNumber"
  | "problemsInRow"
  | "organisation"
  | "columns"
>;

/**
 * The roll-up in sentences, in the style of the seed articles: "49 of 72 organisations (68%) are
 * behind plan to date; 7 have delivered less than a fifth of their annual plan; 5 meet all three
 * distress tests." A sentence is left out when the tracker lacks the columns it needs, and says
 * so rather than report a misleading zero.
 */
export function headlines(a: HeadlineInput): string[] {
  const t = a.rollup.total;
  const money = (amount: number) => formatMoney(amount * UNIT_FACTORS[a.unit]);
  const has = (field: keyof HeadlineInput["columns"]) => a.columns[field] !== undefined;
  const out: string[] = [];
  if (t.organisations === 0) {
    out.push("No organisations with data were found in the selection.");
    return [...out, ...problemSentences(a)];
  }

  if (t.compared > 0) {
    const whole = t.compared === t.organisations ? formatCount(t.compared) : `the ${formatCount(t.compared)}`;
    const withData = t.compared === t.organisations ? "" : " with a plan and an actual to date";
    let sentence = `${formatCount(t.behindPlan)} of ${whole} ${plural(t.compared, "organisation")}${withData} (${formatPercent(t.behindPlanShare ?? 0)}) ${be(t.behindPlan)} behind plan to date`;
    if (has("annualPlan"))
      sentence += `; ${count(t.flags.UNDER_FIFTH)} ${have(t.flags.UNDER_FIFTH)} delivered less than a fifth of their annual plan`;
    if (has("annualPlan") && has("surplusDeficit"))
      sentence += `; ${count(t.flags.DISTRESS)} ${verb(t.flags.DISTRESS, "meets", "meet")} all three distress tests`;
    out.push(`${sentence}.`);

    out.push(toDateSentence(t, money));
  } else {
    out.push(
      `None of the ${formatCount(t.organisations)} ${plural(t.organisations, "organisation")} has both a YTD plan and a YTD actual, so delivery cannot be judged.`,
    );
  }

  const forecastSentence = forecast(a, money);
  if (forecastSentence) out.push(forecastSentence);

  out.push(...groupSentences(a));

  const risks: string[] = [];
  if (has("surplusDeficit")) risks.push(`${count(t.flags.DEFICIT)} ${be(t.flags.DEFICIT)} in deficit`);
  if (has("recurrent") && has("nonRecurrent")) {
    risks.push(
      `${count(t.flags.HIGH_NON_RECURRENT)} ${verb(t.flags.HIGH_NON_RECURRENT, "relies", "rely")} on non-recurrent savings for more than ${formatPercent(a.settings.highNonRecurrentAbove)} of their savings`,
    );
  }
  if (has("unidentified") && has("annualPlan")) {
    risks.push(
      `${count(t.flags.HIGH_UNIDENTIFIED)} ${have(t.flags.HIGH_UNIDENTIFIED)} more than ${formatPercent(a.settings.highUnidentifiedAbove)} of their plan unidentified`,
    );
  }
  // Only a complete phasing is read (trackerLayout.ts): with months missing no one is measured, and
  // "none phase more than 65%" would state a zero nobody counted.
  if (usesPlanMonths(a.columns)) {
    risks.push(
      `${count(t.flags.BACK_LOADED)} ${verb(t.flags.BACK_LOADED, "phases", "phase")} more than ${formatPercent(a.settings.backLoadedAbove)} of their plan into the second half`,
    );
  }
  if (risks.length > 0) out.push(`${capitalise(risks.join("; "))}.`);

  if (a.worst.length > 0) {
    const top = a.worst.slice(0, 3).map((w) => `${w.organisation} ${money(w.shortfall)}`);
    out.push(`Largest shortfalls to date: ${top.join(", ")}.`);
  }
  return [...out, ...problemSentences(a)];
}

/** Groups named in one headline; the rest are counted ("and 1,480 more"). */
const GROUPS_LISTED = 20;

/**
 * Plan against actual to date. The miss is net (Σ plan − Σ actual: delivery above plan by some
 * offsets the shortfalls of others); where the shortfalls of those behind add up to more, both are
 * named, so the headline and the summary's YTD shortfall (the sum of shortfalls) never seem to disagree.
 */
function toDateSentence(t: HeadlineInput["rollup"]["total"], money: (amount: number) => string): string {
  if (overflowed(t, ["ytdPlan", "ytdActual", "variance", "shortfall"]))
    return `Their plans and actuals to date are ${TOO_LARGE}, so no totals are given; check the figures and their units.`;
  const miss = -t.variance;
  const pct = t.ytdPlan > 0 ? ` (${formatPercent(Math.abs(miss) / t.ytdPlan)})` : "";
  const outcome =
    miss > 0
      ? `missing the plan by ${money(miss)}${pct} net`
      : miss < 0
        ? `beating the plan by ${money(-miss)}${pct} net`
        : "exactly on plan net";
  const offset = t.shortfall - Math.max(miss, 0);
  const gross =
    t.shortfall > 0 && offset > 1e-9 * Math.max(t.shortfall, 1)
      ? `; those behind plan are ${money(t.shortfall)} short between them (the sum of shortfalls), ` +
        `${money(offset)} of it offset by others ahead of plan`
      : "";
  return `Between them they planned ${money(t.ytdPlan)} to date and delivered ${money(t.ytdActual)}, ${outcome}${gross}.`;
}

function groupSentences(a: HeadlineInput): string[] {
  const { total, groups } = a.rollup;
  const many = groups.length > 1;
  // A sentence names at most GROUPS_LISTED groups: 40,000 cost centres would not fit in a cell.
  const list = (pick: (g: (typeof groups)[number]) => number | null) => {
    const named = groups.filter((g) => pick(g) !== null && Number.isFinite(pick(g)));
    const shown = named.slice(0, GROUPS_LISTED).map((g) => `${g.group} ${formatPercent(pick(g) as number)}`);
    const more = named.length - shown.length;
    return shown.join(", ") + (more > 0 ? ` and ${more.toLocaleString("en-GB")} more` : "");
  };
  const out: string[] = [];
  if (many && groups.some((g) => g.deliveryPct !== null))
    out.push(`Delivery against plan to date by group: ${list((g) => g.deliveryPct)}.`);
  if (total.progressPct !== null && !Number.isFinite(total.progressPct)) {
    out.push(`Their actuals and annual plans are ${TOO_LARGE}, so the share of the full-year plans delivered is not given.`);
  } else if (total.progressPct !== null) {
    const byGroup = many ? `; by group: ${list((g) => g.progressPct)}` : "";
    out.push(`So far they have delivered ${formatPercent(total.progressPct)} of their full-year plans${byGroup}.`);
  }
  return out;
}

function forecast(a: HeadlineInput, money: (amount: number) => string): string | null {
  const t = a.rollup.total;
  if (t.forecastCount === 0 || t.annualPlanWithForecast <= 0) return null;
  const reported = a.settings.forecastBasis === "reported" && a.columns.forecast !== undefined;
  const basis = reported
    ? "They forecast"
    : `Projected by ${FORECAST_METHOD_LABELS[a.settings.forecastMethod].toLowerCase()}, they would deliver`;
  if (overflowed(t, ["annualPlanWithForecast", "forecastWithAnnualPlan"]))
    return `Their forecasts and annual plans are ${TOO_LARGE}, so no forecast total is given.`;
  const gap = t.annualPlanWithForecast - t.forecastWithAnnualPlan;
  const share = formatPercent(Math.abs(gap) / t.annualPlanWithForecast);
  const tail = gap > 0 ? `all but ${share} (${money(gap)} short)` : gap < 0 ? `${share} more than planned` : "the plan in full";
  return `${basis} ${money(t.forecastWithAnnualPlan)} against annual plans of ${money(t.annualPlanWithForecast)}: ${tail}.`;
}

function problemSentences(a: HeadlineInput): string[] {
  const out: string[] = [];
  const rows = a.problemRows;
  if (rows.length > 0) {
    const shown = rows
      .slice(0, 3)
      .map((row) => `row ${a.rowNumber(row)}: ${(a.problemsInRow(row)[0]?.message ?? "a problem").replace(/\.$/, "")}`);
    const more = rows.length > 3 ? `; and ${rows.length - 3} more` : "";
    out.push(
      `${rows.length} ${plural(rows.length, "row")} ${verb(rows.length, "has", "have")} problems, left out of the figures they affect (${shown.join("; ")}${more}).`,
    );
  }
  if (a.totalRows.length > 0) {
    const list = a.totalRows.slice(0, 3).map((row) => `row ${a.rowNumber(row)} ("${a.organisation(row)}")`);
    out.push(
      `${capitalise(list.join(", "))}${a.totalRows.length > 3 ? ` and ${a.totalRows.length - 3} more` : ""} ${a.totalRows.length === 1 ? "looks like a total line" : "look like total lines"} and ${a.totalRows.length === 1 ? "is" : "are"} left out of the roll-up.`,
    );
  }
  if (a.labelRows.length > 0) {
    const list = a.labelRows.slice(0, 3).map((row) => `row ${a.rowNumber(row)} ("${a.organisation(row)}")`);
    const more = a.labelRows.length > 3 ? ` and ${a.labelRows.length - 3} more` : "";
    out.push(
      `${capitalise(list.join(", "))}${more} ${a.labelRows.length === 1 ? "has" : "have"} a name but no figures and ${a.labelRows.length === 1 ? "is" : "are"} left out of the roll-up.`,
    );
  }
  return [...out, ...a.notes];
}

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);
const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);
const be = (n: number) => verb(n, "is", "are");
const have = (n: number) => verb(n, "has", "have");
const count = (n: number) => (n === 0 ? "none" : formatCount(n));
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
