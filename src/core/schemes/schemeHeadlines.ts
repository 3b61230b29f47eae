/**
 * A scheme register in sentences: schemes first, then the organisations they belong to, then the
 * bridge and the recurrent position. "142 of 388 schemes (37%) are behind plan to date, across
 * 6 trusts; ..." Organisation sentences are the trust-level headlines of the organisation totals
 * (organisationLevel.ts), naming the organisations as the register's header does.
 */
import { FLAGS } from "../flags";
import { formatMoney, formatPercent } from "../format";
import { UNIT_FACTORS } from "../units";
import type { Bridges } from "./bridge";
import type { OrganisationLevel } from "./organisationLevel";
import type { SchemeAnalysis } from "./schemeRegister";

export function schemeHeadlines(scheme: SchemeAnalysis, orgLevel: OrganisationLevel, bridges: Bridges): string[] {
  const money = (x: number) => formatMoney(x * UNIT_FACTORS[scheme.analysis.unit]);
  const noun = scheme.organisationNoun;
  const orgCount = scheme.organisations.length;
  const out: string[] = [];
  let behind = 0;
  let compared = 0;
  for (let i = 0; i < scheme.rowOrganisation.length; i++) {
    if (scheme.rowOrganisation[i] < 0) continue;
    if (scheme.ytdPlan[i] === scheme.ytdPlan[i] && scheme.ytdActual[i] === scheme.ytdActual[i]) compared++;
    if ((scheme.analysis.flags[i] & FLAGS.BEHIND_PLAN) !== 0) behind++;
  }
  const across =
    orgCount > 1 || scheme.layout.columns.organisation !== undefined
      ? `, across ${orgCount} ${orgCount === 1 ? noun.replace(/s$/, "") : noun}`
      : "";
  if (compared > 0)
    out.push(
      `${behind} of ${compared} ${compared === 1 ? "scheme" : "schemes"} (${formatPercent(behind / compared)}) ${behind === 1 ? "is" : "are"} behind plan to date${across}.`,
    );
  else
    out.push(
      `${scheme.schemeCount} ${scheme.schemeCount === 1 ? "scheme" : "schemes"}${across}; none has both a plan and an actual to date.`,
    );
  // The organisation-level sentences, in the register's own word for its organisations.
  for (const sentence of orgLevel.analysis.headlines)
    out.push(sentence.replace(/\borganisations\b/g, noun).replace(/\borganisation\b/g, noun.replace(/s$/, "")));
  const b = bridges.total;
  if (b.target > 0) {
    out.push(
      `Target ${money(b.target)}: ${money(b.identified)} identified (${formatPercent(b.identified / b.target)}), an unidentified gap of ${money(b.unidentifiedGap)}; ` +
        `risk-adjusted forecast ${money(b.riskAdjustedForecast)} after a risk adjustment of ${money(b.riskAdjustment)}, a forecast gap of ${money(b.forecastGap)} (${formatPercent(b.forecastGap / b.target)} of target).`,
    );
    out.push(
      `${money(b.recurrentGapCarriedForward)} of the target is carried into next year as a recurrent gap (recurrent full-year effect forecast ${money(b.recurrentFullYearEffectForecast)})` +
        (b.nonRecurrentSchemes > 0
          ? `; ${b.nonRecurrentSchemes} ${b.nonRecurrentSchemes === 1 ? "scheme delivers" : "schemes deliver"} non-recurrently against a recurrent target.`
          : "."),
    );
  }
  out.push(...orgLevel.messages, ...scheme.notes);
  return out;
}
