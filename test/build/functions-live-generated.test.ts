// Live formulas on made-up trackers with every field in a unit of its own, every CIP.* call run by
// the built functions bundle with its arguments as the web (an empty cell as null) and Windows (as
// 0) hand them over, against the core: live formulas give the values mode's results in both.
import fc from "fast-check";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { formulaMismatches } from "../support/formulaCheck";
import { handEmptyCellsAs, registerCipFunctions } from "../support/formulaEngine";
import { generatedTracker } from "../support/generatedTrackers";

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
});
