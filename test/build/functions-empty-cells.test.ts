// What an empty cell, a rich value or an Excel.ErrorCellValue does to each CIP.* function, through
// the built bundle, on every client (functionsBundle.ts MODES). Excel on Windows hands a function 0
// for an empty cell, the web `null`: where 0 can mean nothing else (a RAG cut-off, a forecast method,
// months elapsed for a forecast, a summary row with no name), both give the same result; elsewhere
// docs/functions.md says what differs.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { caller, codes, EMPTY, errorCode, loadFunctions, MODES, type Fn } from "../support/functionsBundle";

let fns: Map<string, Fn>;
beforeAll(() => {
  fns = loadFunctions(inject("prodDist")).associations;
});

const col = (...values: unknown[]) => values.map((v) => [v]);

describe.each(MODES)("in the $name mode", (mode) => {
  const { call, one } = caller(() => fns, mode);

  it("an empty RAG cut-off cell means its default, as does a cut-off of 0", () => {
    expect(one("RAG", 0.85, EMPTY)).toBe("Amber");
    expect(one("RAG", 0.85, EMPTY, EMPTY)).toBe("Amber");
    expect(one("RAG", 0.85, 0.9, EMPTY)).toBe("Amber");
    expect(one("RAG", 0.85, 0, 0)).toBe("Amber");
    expect(one("RAG", 0.7, EMPTY, 0.6)).toBe("Amber");
    // Lower is better with the amber cut-off left empty: 0.05 < 0.8, the default amber.
    expect(one("RAG", 0.03, 0.05, EMPTY)).toBe("Green");
    expect(call("RAG", col(0.99, 0.85, 0.5), col(EMPTY, 0.9, EMPTY), EMPTY)).toEqual([["Green"], ["Amber"], ["Red"]]);
  });

  it("an empty method or months elapsed cell means the ratio forecast; the run rate then asks for the months", () => {
    expect(one("FORECAST", 120, 50, 40, EMPTY, EMPTY)).toBe(96);
    expect(one("FORECAST", 120, 50, 40, "plan", EMPTY)).toBe(110);
    expect(one("FORECAST", 120, 50, 40, "ratio", 0)).toBe(96);
    expect(one("FORECAST", 120, 50, 40, "runrate", EMPTY)).toMatch(/^#VALUE!: .*needs months elapsed/);
    expect(one("FORECAST", 120, 50, 40, "runrate", 6)).toBe(80);
  });

  it("a method word that only contains a documented one is #VALUE! naming the words it takes", () => {
    for (const word of ["plan2", "ratio!", "runrate.", "r a t i o", "planned"]) {
      expect(one("FORECAST", 120, 50, 40, word, 6), word).toMatch(/^#VALUE!: Method must be "ratio", "plan" or "runrate".*got/);
    }
    expect(one("FORECAST", 120, 50, 40, " Remaining plan ", 6)).toBe(110);
    expect(one("FORECAST", 120, 50, 40, "RUN RATE", 6)).toBe(80);
  });

  it("an empty surplus/deficit cell leaves DEFICIT unset, as omitting it does", () => {
    expect(one("FLAGS", 100, 60, 18, EMPTY)).toBe("BEHIND_PLAN, SEVERELY_BEHIND, UNDER_FIFTH");
    expect(one("FLAGS", 100, 60, 18, EMPTY)).toBe(one("FLAGS", 100, 60, 18, null));
  });

  it("CIP.SUMMARY leaves out the blank rows below a tracker, and an empty group cell is no group", () => {
    const annual = col(100, 200, 60, EMPTY, EMPTY, 0);
    const plan = col(40, 100, 30, EMPTY, EMPTY, 0);
    const actual = col(30, 110, 15, EMPTY, EMPTY, 0);
    const group = col("North", "South", EMPTY, EMPTY, EMPTY, EMPTY);
    const table = call("SUMMARY", annual, plan, actual, group) as unknown[][];
    expect(table.map((line) => line[0])).toEqual(["Group", "North", "South", "(no group)", "All"]);
    expect(table[3]).toEqual(["(no group)", 1, 1, 1, 60, 30, 15, 15, 0.5, 30]);
    expect(table[4].slice(0, 3)).toEqual(["All", 3, 2]);
    const ungrouped = call("SUMMARY", annual, plan, actual, null) as unknown[][];
    expect(ungrouped[1].slice(0, 5)).toEqual(["All", 3, 2, 2 / 3, 360]);
  });

  it("CIP.SUMMARY keeps a named row of zeros: an organisation with nothing planned yet", () => {
    const table = call("SUMMARY", col(100, 0), col(40, 0), col(30, 0), col("North", "North")) as unknown[][];
    expect(table[1].slice(0, 2)).toEqual(["North", 2]);
  });

  it("amounts: an empty cell is blank on the web and with rich values, and reads as 0 on Windows", () => {
    const windows = mode.name === "windows";
    expect(one("SHORTFALL", 100, EMPTY)).toBe(windows ? 100 : "");
    expect(errorCode(one("DELIVERY", 30, EMPTY))).toBe(windows ? "#DIV/0!" : "");
    expect(one("REQUIREDRATE", 120, 0, EMPTY)).toBe(windows ? 10 : "");
    expect(one("YTDPLAN", [[5, 5, 5, 5, 5, 5, 10, 10, 10, 10, 15, 15]], EMPTY)).toBe(windows ? 0 : "");
    // A formula's "" is text, not an empty cell: blank on every client. The task pane's live
    // formulas hand blanks over this way.
    expect(one("SHORTFALL", 100, "")).toBe("");
    expect(codes(call("SHORTFALL", col(100, 100), col(30, "")))).toEqual([[70], [""]]);
  });
});

describe("rich values and error values as newer Excel clients hand them over", () => {
  const { call, one } = caller(() => fns, MODES[0]);

  it("takes the basic value of a number, text, logical, empty or formatted number", () => {
    expect(
      one("SHORTFALL", { type: "Double", basicValue: 100 }, { type: "FormattedNumber", basicValue: 30, numberFormat: "£#,##0" }),
    ).toBe(70);
    expect(one("SHORTFALL", { type: "String", basicValue: "£1,234" }, 234)).toBe(1000);
    expect(one("SHORTFALL", 100, { type: "Empty", basicValue: "" })).toBe("");
    expect(one("SHORTFALL", 100, { type: "Boolean", basicValue: true })).toMatch(/^#VALUE!: .*TRUE/);
    expect(one("FORECAST", 120, 50, 40, { type: "String", basicValue: "Plan" })).toBe(110);
  });

  it("passes an Excel.ErrorCellValue on as the same error, with or without its text", () => {
    expect(one("SHORTFALL", { type: "Error", basicValue: "#N/A" }, 30)).toBe("#N/A: Target is the error #N/A.");
    expect(errorCode(one("SHORTFALL", 100, { type: "Error", errorType: "Div0" }))).toBe("#DIV/0!");
    expect(errorCode(one("RAG", 0.5, { type: "Error", basicValue: "#NUM!", errorType: "Num" }))).toBe("#NUM!");
    expect(one("SHORTFALL", { type: "Error", basicValue: "#REF!", errorType: "Ref" }, 1)).toMatch(/^#VALUE!: .*#REF!/);
    expect(one("SHORTFALL", { type: "Error", errorType: "Placeholder" }, 1)).toMatch(/^#VALUE!: .*Placeholder/);
    expect(errorCode(one("FORECAST", 120, 50, 40, { type: "Error", basicValue: "#N/A" }))).toBe("#N/A");
  });

  it("a data type is no number (#VALUE! naming it), and names a group by the text it shows", () => {
    const leeds = { type: "Entity", text: "Leeds", properties: {}, basicValue: "#VALUE!", basicType: "Error" };
    expect(one("SHORTFALL", leeds, 1)).toMatch(/^#VALUE!: Target is a data type \(Entity "Leeds"\), not a number/);
    const table = call(
      "SUMMARY",
      col(10, 20),
      col(5, 5),
      col(5, 5),
      col(leeds, { type: "LinkedEntity", text: "York" }),
    ) as unknown[][];
    expect(table.map((line) => line[0])).toEqual(["Group", "Leeds", "York", "All"]);
  });
});
