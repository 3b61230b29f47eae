// Portable formulas on made-up trackers with every field in a unit of its own, checked in an
// independent formula engine against the core: a factor that lands on the wrong cell, a blank read
// as 0 or an error lost shows up here whatever the layout.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formulaMismatches, schemeColumnsOnly } from "../../support/formulaCheck";
import { generatedSchemeRegister, generatedTracker } from "../../support/generatedTrackers";

describe("portable formulas on generated trackers", () => {
  it("give the core's result in every output cell, whatever unit each field is in", () => {
    fc.assert(
      fc.property(generatedTracker, (tracker) => {
        expect(formulaMismatches(tracker, "portable")).toEqual([]);
      }),
      { numRuns: 150, seed: 13 },
    );
  });

  // The other columns are checked above; a register's are what differ here.
  it("give the core's risk-adjusted forecast and basis on generated scheme registers", () => {
    fc.assert(
      fc.property(generatedSchemeRegister, (tracker) => {
        expect(formulaMismatches(tracker, "portable", schemeColumnsOnly)).toEqual([]);
      }),
      { numRuns: 100, seed: 14 },
    );
  });
});
