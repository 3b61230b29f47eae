/**
 * The one entry point for a scheme register: the tracker analysis, the scheme columns, the
 * organisation-level analysis, the bridges and the headlines, with roll-ups by any dimension on
 * demand. See docs/scheme-registers.md for how the task pane uses it.
 */
import type { TrackerAnalysis } from "../trackerAnalysis";
import type { TrackerLayout } from "../trackerLayout";
import type { Settings } from "../settings";
import { schemeBridges, type Bridges } from "./bridge";
import { availableDimensions, rollupBy, type Dimension, type DimensionRollup } from "./dimensionRollup";
import { organisationLevel, type OrganisationLevel } from "./organisationLevel";
import { schemeHeadlines } from "./schemeHeadlines";
import { analyseSchemes, type SchemeAnalysis } from "./schemeRegister";
import type { SchemeSettings } from "./schemeSettings";

export interface SchemeReport {
  readonly schemes: SchemeAnalysis;
  readonly organisationLevel: OrganisationLevel;
  readonly bridges: Bridges;
  readonly headlines: readonly string[];
  /** The dimensions the register has a column for. */
  readonly dimensions: readonly Dimension[];
  /** The roll-up by one dimension, worked out when first asked for. */
  rollup(dimension: Dimension): DimensionRollup;
}

export interface SchemeReportInput {
  readonly rows: readonly (readonly unknown[])[];
  /** The header row, for the organisations' name ("Trust": trusts). */
  readonly header?: readonly unknown[];
  readonly layout: TrackerLayout;
  /** analyseTracker(rows, layout, settings) of the same rows. */
  readonly analysis: TrackerAnalysis;
  readonly settings: Settings;
  readonly schemeSettings: SchemeSettings;
  /** Targets by organisation name, in the working unit, where the register does not give them. */
  readonly targets?: ReadonlyMap<string, number>;
}

/** Reads the rows lazily, like analyseTracker: they must not change while the report is used. */
export function schemeReport(input: SchemeReportInput): SchemeReport {
  const { rows, layout, analysis, settings, schemeSettings } = input;
  const schemes = analyseSchemes(rows, layout, analysis, schemeSettings, input.header ?? []);
  const orgLevel = organisationLevel(schemes, rows, settings);
  const bridges = schemeBridges(schemes, rows, input.targets);
  const cache = new Map<Dimension, DimensionRollup>();
  return {
    schemes,
    organisationLevel: orgLevel,
    bridges,
    headlines: schemeHeadlines(schemes, orgLevel, bridges),
    dimensions: availableDimensions(schemes),
    rollup: (dimension) => {
      let r = cache.get(dimension);
      if (!r) cache.set(dimension, (r = rollupBy(schemes, rows, dimension)));
      return r;
    },
  };
}
