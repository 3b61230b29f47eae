/**
 * The bridge boards lead with (cip-domain.md): annual target → identified → unidentified gap →
 * risk adjustment → risk-adjusted forecast → forecast gap, in total and per organisation, and the
 * recurrent position carried into next year. Pure data: the task pane writes it as a table and a
 * waterfall chart.
 *
 * Where the target comes from: a register rarely holds it in a column of its own, so an
 * organisation's target is, unless given (`targets`, e.g. from the pane's Options), the sum of
 * every plan on its rows — identified schemes and the "Unidentified" lines (stage
 * "unidentified", or a scheme named "Unidentified"/"TBI") that registers carry to make up the
 * target — plus any amount in an Unidentified column. Without such lines the target equals the
 * identified plans and the unidentified gap is 0, which the bridge then shows.
 */
import { unitFactor, workingUnit } from "../trackerLayout";
import type { SchemeAnalysis } from "./schemeRegister";

export type BridgeStepKind = "total" | "decrease" | "increase";

export interface BridgeStep {
  readonly label: string;
  /** The bar's value: a total's level, or a change (negative for a decrease). */
  readonly value: number;
  /** "total" bars start at zero; the others float from the previous total (a waterfall chart's "set as total"). */
  readonly kind: BridgeStepKind;
}

export interface Bridge {
  /** "All trusts", or the organisation's name. */
  readonly name: string;
  readonly target: number;
  /** The target was given rather than summed from the register. */
  readonly targetGiven: boolean;
  readonly identified: number;
  /** Target − identified. */
  readonly unidentifiedGap: number;
  /** Identified − risk-adjusted forecast of the identified schemes (positive: what the risks take off). */
  readonly riskAdjustment: number;
  readonly riskAdjustedForecast: number;
  /** Target − risk-adjusted forecast. */
  readonly forecastGap: number;
  /** Recurrent position: Σ recurrent full-year effect forecast (× weight), and target − it. */
  readonly recurrentFullYearEffectForecast: number;
  readonly recurrentGapCarriedForward: number;
  /** Σ full-year effect of the schemes (next year's value of this year's schemes). */
  readonly fullYearEffect: number;
  /** Share of delivery to date that is non-recurrent; null when nothing was delivered. */
  readonly nonRecurrentShareOfDelivery: number | null;
  /** Schemes whose delivery is non-recurrent against the recurrent target. */
  readonly nonRecurrentSchemes: number;
  /** The six bars, in order. */
  readonly steps: readonly BridgeStep[];
}

export interface Bridges {
  readonly total: Bridge;
  /** One per organisation, in order of first appearance. */
  readonly organisations: readonly Bridge[];
}

export const BRIDGE_LABELS = [
  "Annual target",
  "Unidentified gap",
  "Identified",
  "Risk adjustment",
  "Risk-adjusted forecast",
  "Forecast gap",
] as const;

class Sums {
  plan = 0;
  identified = 0;
  unidentifiedColumn = 0;
  riskAdjusted = 0;
  recurrentFyeForecast = 0;
  fye = 0;
  delivered = 0;
  nonRecurrentDelivered = 0;
  nonRecurrentSchemes = 0;
}

const num = (x: number) => (x === x ? x : 0);

/**
 * The bridge in total and per organisation. `targets` gives an organisation's target by name (in
 * the working unit), overriding the sum of its plans; the total's target is the organisations' sum.
 */
export function schemeBridges(
  scheme: SchemeAnalysis,
  rows: readonly (readonly unknown[])[],
  targets: ReadonlyMap<string, number> = new Map(),
): Bridges {
  const byOrg = scheme.organisations.map(() => new Sums());
  const unidentifiedCol = scheme.layout.columns.unidentified;
  const unidentifiedFactor = unitFactor(scheme.layout, "unidentified", workingUnit(scheme.layout));
  const n = scheme.rowOrganisation.length;
  for (let i = 0; i < n; i++) {
    const org = scheme.rowOrganisation[i];
    if (org < 0) continue;
    const s = byOrg[org];
    const plan = num(scheme.annualPlan[i]);
    s.plan += plan;
    if (scheme.unidentified[i] === 0) {
      s.identified += plan;
      s.riskAdjusted += num(scheme.riskAdjusted[i]);
      s.recurrentFyeForecast += num(scheme.recurrentFullYearEffectForecast[i]);
      s.fye += num(scheme.fullYearEffect[i]);
    }
    if (unidentifiedCol !== undefined) {
      const u = rows[i]?.[unidentifiedCol];
      if (typeof u === "number" && u > 0) s.unidentifiedColumn += u * unidentifiedFactor;
    }
    const delivered = num(scheme.ytdActual[i]);
    s.delivered += delivered;
    s.nonRecurrentDelivered += delivered * scheme.nonRecurrentShare[i];
    s.nonRecurrentSchemes += scheme.nonRecurrentAgainstTarget[i];
  }
  const organisations = scheme.organisations.map((name, org) => {
    const given = targets.get(name);
    return bridgeOf(name, byOrg[org], given);
  });
  const total = new Sums();
  for (const s of byOrg) for (const k of Object.keys(total) as (keyof Sums)[]) total[k] += s[k];
  const targetSum = organisations.reduce((sum, b) => sum + b.target, 0);
  const allName = `All ${scheme.isSchemeRegister ? scheme.organisationNoun : "organisations"}`;
  return { total: bridgeOf(allName, total, targets.size > 0 ? targetSum : undefined, targets.size > 0), organisations };
}

function bridgeOf(name: string, s: Sums, givenTarget: number | undefined, given = givenTarget !== undefined): Bridge {
  const target = givenTarget ?? s.plan + s.unidentifiedColumn;
  const identified = s.identified;
  const unidentifiedGap = target - identified;
  const riskAdjustment = identified - s.riskAdjusted;
  const forecastGap = target - s.riskAdjusted;
  return {
    name,
    target,
    targetGiven: given,
    identified,
    unidentifiedGap,
    riskAdjustment,
    riskAdjustedForecast: s.riskAdjusted,
    forecastGap,
    recurrentFullYearEffectForecast: s.recurrentFyeForecast,
    recurrentGapCarriedForward: target - s.recurrentFyeForecast,
    fullYearEffect: s.fye,
    nonRecurrentShareOfDelivery: s.delivered > 0 ? s.nonRecurrentDelivered / s.delivered : null,
    nonRecurrentSchemes: s.nonRecurrentSchemes,
    steps: [
      { label: BRIDGE_LABELS[0], value: target, kind: "total" },
      { label: BRIDGE_LABELS[1], value: -unidentifiedGap, kind: unidentifiedGap > 0 ? "decrease" : "increase" },
      { label: BRIDGE_LABELS[2], value: identified, kind: "total" },
      { label: BRIDGE_LABELS[3], value: -riskAdjustment, kind: riskAdjustment > 0 ? "decrease" : "increase" },
      { label: BRIDGE_LABELS[4], value: s.riskAdjusted, kind: "total" },
      { label: BRIDGE_LABELS[5], value: forecastGap, kind: "total" },
    ],
  };
}
