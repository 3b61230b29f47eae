import { describe, expect, it } from "vitest";
import type { SchemeAnalysis } from "../../../src/core/schemes/schemeRegister";
import { schemeNotes } from "../../../src/taskpane/output/schemeColumns";

/** Only what the Notes column reads of a scheme analysis. */
function schemes(rowMessages: Map<number, string[]>, nonRecurrentShare: number[]): SchemeAnalysis {
  return {
    rowMessages,
    nonRecurrentShare: Float64Array.from(nonRecurrentShare),
    nonRecurrentAgainstTarget: Uint8Array.from(nonRecurrentShare.map((s) => (s > 0 ? 1 : 0))),
  } as unknown as SchemeAnalysis;
}

describe("a scheme row's notes", () => {
  it("add the row's scheme messages to the analysis' note", () => {
    const s = schemes(new Map([[1, ["Stage 'Gate 7' is not known."]]]), [0, 0]);
    expect(schemeNotes("", s, 0)).toBe("");
    expect(schemeNotes("Plan is blank.", s, 1)).toBe("Plan is blank. Stage 'Gate 7' is not known.");
  });

  it("flag delivery that is non-recurrent against the recurrent target, with its share", () => {
    const s = schemes(new Map(), [0, 0.4, 1]);
    expect(schemeNotes("", s, 0)).toBe("");
    expect(schemeNotes("", s, 1)).toBe(
      "40% of this scheme's savings are non-recurrent against a recurrent target: that part of the gap returns next year.",
    );
    expect(schemeNotes("Note.", s, 2)).toMatch(/^Note\. 100% of this scheme's savings are non-recurrent/);
  });
});
