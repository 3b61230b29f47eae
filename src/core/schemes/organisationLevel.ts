/**
 * Organisation-level measures of a scheme register. Deficit, distress and CIP % of turnover belong
 * to an organisation, not to a scheme: a £200k scheme is not 0.04% of turnover in any useful
 * sense. So the schemes of each organisation are added up into one row per organisation, and that
 * small tracker is analysed by the same analysis as a trust-level tracker: every metric, RAG and
 * flag of an organisation is worked out on its totals.
 *
 * An organisation's turnover and surplus/(deficit) are organisation figures that registers repeat
 * on each scheme row or give on one: the value is the one given; different values on one
 * organisation's rows leave it blank with a message, never a sum or a guess.
 */
import { analyseTracker } from "../analyseTracker";
import type { MoneyField } from "../fields";
import { readCell } from "../readCell";
import type { Settings } from "../settings";
import type { TrackerAnalysis } from "../trackerAnalysis";
import { unitFactor, workingUnit, type TrackerLayout } from "../trackerLayout";
import type { SchemeAnalysis } from "./schemeRegister";

export interface OrganisationLevel {
  /** One row per organisation: [name, annual plan, YTD plan, YTD actual, forecast?, unidentified, turnover, surplus/(deficit)]. */
  readonly rows: readonly (readonly (string | number | null)[])[];
  readonly layout: TrackerLayout;
  /** The trust-level analysis of those rows: row k is organisation k of SchemeAnalysis.organisations. */
  readonly analysis: TrackerAnalysis;
  readonly messages: readonly string[];
}

const ORG_FIELDS = ["annualPlan", "ytdPlan", "ytdActual", "forecast", "unidentified", "turnover", "surplusDeficit"] as const;
const SUMMED_COLUMNS = { annualPlan: "annualPlan", ytdPlan: "ytdPlan", ytdActual: "ytdActual", forecast: "forecast" } as const;
const SUMMED: ReadonlySet<string> = new Set(["annualPlan", "ytdPlan", "ytdActual", "forecast", "unidentified"]);

/** The organisation totals of a register and their analysis under `settings`. */
export function organisationLevel(
  scheme: SchemeAnalysis,
  rows: readonly (readonly unknown[])[],
  settings: Settings,
): OrganisationLevel {
  const cols = scheme.layout.columns;
  const unit = workingUnit(scheme.layout);
  const fields = ORG_FIELDS.filter(
    (f) => f === "annualPlan" || f === "ytdPlan" || f === "ytdActual" || cols[f] !== undefined,
  ) as MoneyField[];
  const k = scheme.organisations.length;
  const values = fields.map(() => new Array<number | null>(k).fill(null));
  const conflicts = new Map<string, Set<number>>();
  const messages: string[] = [];
  const n = scheme.rowOrganisation.length;
  // Field by field over plain typed columns, into typed totals: no closure, lookup or boxed number per cell.
  fields.forEach((field, f) => {
    const totals = new Float64Array(k);
    const given = new Uint8Array(k);
    const column = SUMMED_COLUMNS[field as keyof typeof SUMMED_COLUMNS];
    if (column !== undefined) {
      const amounts = scheme[column];
      for (let i = 0; i < n; i++) {
        const org = scheme.rowOrganisation[i];
        const v = amounts[i];
        if (org < 0 || v !== v) continue;
        totals[org] += v;
        given[org] = 1;
      }
    } else {
      const col = cols[field] as number;
      const factor = unitFactor(scheme.layout, field, unit);
      const summed = SUMMED.has(field);
      for (let i = 0; i < n; i++) {
        const org = scheme.rowOrganisation[i];
        if (org < 0) continue;
        const v = amountIn(rows[i]?.[col], factor);
        if (v !== v) continue;
        if (summed) totals[org] += v;
        else if (given[org] === 0) totals[org] = v;
        else if (totals[org] !== v)
          conflicts.set(`${field}|${org}`, (conflicts.get(`${field}|${org}`) ?? new Set([totals[org]])).add(v));
        given[org] = 1;
      }
    }
    for (let org = 0; org < k; org++) if (given[org] === 1) values[f][org] = totals[org];
  });
  for (const [key, seen] of conflicts) {
    const [field, org] = key.split("|");
    const f = fields.indexOf(field as MoneyField);
    values[f][Number(org)] = null;
    const label = field === "turnover" ? "turnover" : "surplus/(deficit)";
    messages.push(
      `${scheme.organisations[Number(org)]} has ${seen.size} different values of its ${label} on its scheme rows, so its ${label} is left blank: give it once, or the same on every row.`,
    );
  }
  const orgRows = scheme.organisations.map((name, org) => [name, ...fields.map((_, f) => values[f][org])]);
  const layout: TrackerLayout = {
    columns: { organisation: 0, ...Object.fromEntries(fields.map((f, j) => [f, j + 1])) },
    units: Object.fromEntries(fields.map((f) => [f, unit])),
  };
  return { rows: orgRows, layout, analysis: analyseTracker(orgRows, layout, settings), messages };
}

/** A cell's amount in the working unit, NaN where it holds none; a finite number is taken without a call. */
function amountIn(cell: unknown, factor: number): number {
  if (typeof cell === "number" && cell - cell === 0) return cell * factor;
  const x = readCell(cell);
  return typeof x === "number" ? x * factor : NaN;
}
