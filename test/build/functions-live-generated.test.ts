// Live formulas on made-up trackers with every field in a unit of its own, every CIP.* call run by
// the built functions bundle with its arguments as the web (an empty cell as null) and Windows (as
// 0) hand them over, against the core: live formulas give the values mode's results in both.
import fc from "fast-check";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { formulaMismatches, schemeColumnsOnly } from "../support/formulaCheck";
import { handEmptyCellsAs, registerCipFunctions } from "../support/formulaEngine";
import { generatedSchemeRegister, generatedTracker } from "../support/generatedTrackers";

beforeAll(() => registerCipFunctions(inject("prodDist")));

describe("live formulas on generated trackers", () => {
  it.each([
    ["the web", null],
    ["Windows", 0],
  ] as const)("give the core's result in every output cell on %s", (_, empty) => {
    handEmptyCellsAs(empty);
    fc.assert(
      fc.property(generatedTracker, (tracker) => {
        expect(formulaMismatches(tracker, "live")).toEqual([]);
      }),
      { numRuns: 100, seed: 13 },
    );
  });

  // The other columns are checked above; a register's are what differ here.
  it("give the core's risk-adjusted forecast and basis on generated scheme registers", () => {
    handEmptyCellsAs(null);
    fc.assert(
      fc.property(generatedSchemeRegister, (tracker) => {
        expect(formulaMismatches(tracker, "live", schemeColumnsOnly)).toEqual([]);
      }),
      { numRuns: 60, seed: 14 },
    );
  });
});
