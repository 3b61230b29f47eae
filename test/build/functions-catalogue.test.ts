// The CIP.* catalogue, called through the built bundle exactly as Excel calls it: every argument a
// matrix ([[v]] for one cell or a typed value), `null` for an omitted optional argument, error
// objects for error cells; and all of it three times, once for each way an Excel client hands the
// cells over (functionsBundle.ts MODES: the web, Windows with an empty cell as 0, rich values). Each
// rule of the contract in docs/functions.md is checked for every function it applies to, bad inputs
// included. What an empty cell does on each client: functions-empty-cells.test.ts.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { caller, codes, EMPTY, errorCode, FakeError, loadFunctions, MODES, readMetadata, type Fn } from "../support/functionsBundle";

let fns: Map<string, Fn>;
let optionalCount: Map<string, number>;
beforeAll(() => {
  fns = loadFunctions(inject("prodDist")).associations;
  optionalCount = new Map(readMetadata(inject("prodDist")).map((f) => [f.id, f.parameters.filter((p) => p.optional).length]));
});

const col = (...values: unknown[]) => values.map((v) => [v]);
const na = () => new FakeError("#N/A");

/** Each function that works cell by cell, with good arguments (required ones first) and their result. */
const CELLWISE: { id: string; args: unknown[]; result: unknown }[] = [
  { id: "SHORTFALL", args: [100, 30], result: 70 },
  { id: "SHORTFALLPCT", args: [200, 150], result: 0.25 },
  { id: "VARIANCE", args: [100, 30], result: -70 },
  { id: "DELIVERY", args: [30, 120], result: 0.25 },
  { id: "FORECAST", args: [120, 50, 40], result: 96 },
  { id: "REQUIREDRATE", args: [120, 40, 6], result: 80 / 6 },
  { id: "RAG", args: [0.9], result: "Amber" },
  { id: "FLAGS", args: [100, 60, 18], result: "BEHIND_PLAN, SEVERELY_BEHIND, UNDER_FIFTH" },
  { id: "NRSHARE", args: [30, 10], result: 0.25 },
  { id: "RISKADJUST", args: [100, "Implementation"], result: 90 },
];

/** Rounds a number to 12 places so float noise does not fail an equality; anything else as it is. */
function round(x: unknown): unknown {
  return typeof x === "number" ? Math.round(x * 1e12) / 1e12 : x;
}

describe.each(MODES)("in the $name mode", (mode) => {
  const { call, one } = caller(() => fns, mode);

  describe("rules every cell-by-cell function follows", () => {
    it.each(CELLWISE)("$id gives its result for single values", ({ id, args, result }) => {
      const got = one(id, ...args);
      if (typeof result === "number") expect(got).toBeCloseTo(result, 12);
      else expect(got).toBe(result);
    });

    it.each(CELLWISE)("$id spills over ranges of equal shape, a single value broadcasting", ({ id, args, result }) => {
      // Every argument a 3×1 column: three rows, each the good row.
      const spilled = call(id, ...args.map((a) => col(a, a, a))) as unknown[][];
      expect(spilled).toHaveLength(3);
      for (const line of spilled) expect(round(line[0])).toEqual(round(result));
      // One argument a 2×2 range, the others single values: a 2×2 result.
      const square = call(
        id,
        [
          [args[0], args[0]],
          [args[0], args[0]],
        ],
        ...args.slice(1),
      ) as unknown[][];
      expect(square.map((line) => line.map(round))).toEqual([
        [round(result), round(result)],
        [round(result), round(result)],
      ]);
    });

    it.each(CELLWISE.filter((c) => c.args.length > 1))(
      "$id refuses ranges of different sizes with one #VALUE! saying so",
      ({ id, args }) => {
        const result = call(
          id,
          col(args[0], args[0], args[0]),
          ...args.slice(1, -1),
          col(args.at(-1), args.at(-1)),
        ) as string[][];
        expect(result).toHaveLength(1);
        expect(result[0][0]).toMatch(/^#VALUE!: .*must be the same size/);
      },
    );

    it.each(CELLWISE)(
      '$id: an empty required cell gives an empty result (on Windows: what 0 gives), "" always empty',
      ({ id, args }) => {
        for (let i = 0; i < args.length; i++) {
          const swap = (v: unknown) => args.map((a, j) => (j === i ? [[v]] : a));
          for (const empty of ["", "   "])
            expect(one(id, ...swap(empty)), `argument ${i + 1} = ${JSON.stringify(empty)}`).toBe("");
          expect(one(id, ...swap(EMPTY)), `argument ${i + 1} empty`).toBe(mode.name === "windows" ? one(id, ...swap(0)) : "");
        }
      },
    );

    it.each(CELLWISE)("$id reads numbers typed as text by the core's rules", ({ id, args, result }) => {
      const asText = args.map((a) => (typeof a === "number" ? ` ${a} ` : a));
      expect(round(one(id, ...asText))).toEqual(round(result));
    });

    it.each(CELLWISE)("$id: other text or a boolean is #VALUE! naming the value; an error is passed on", ({ id, args }) => {
      for (let i = 0; i < args.length; i++) {
        const swap = (v: unknown) => args.map((a, j) => (j === i ? v : a));
        expect(one(id, ...swap("n/a")), `argument ${i + 1}`).toMatch(/^#VALUE!: .*"n\/a"/);
        expect(one(id, ...swap(true)), `argument ${i + 1}`).toMatch(/^#VALUE!: .*TRUE/);
        expect(errorCode(one(id, ...swap(na()))), `argument ${i + 1}`).toBe("#N/A");
        expect(errorCode(one(id, ...swap(new FakeError("#DIV/0!")))), `argument ${i + 1}`).toBe("#DIV/0!");
        // Errors a function cannot return come back as #VALUE!, naming the original.
        expect(one(id, ...swap(new FakeError("#REF!"))), `argument ${i + 1}`).toMatch(/^#VALUE!: .*#REF!/);
      }
    });

    it.each(CELLWISE)("$id: one bad cell never spoils the rest of a spilled result", ({ id, args, result }) => {
      const spilled = call(id, col(args[0], "oops", args[0], "", na()), ...args.slice(1)) as unknown[][];
      expect(spilled.map((line) => errorCode(line[0])).map(round)).toEqual([round(result), "#VALUE!", round(result), "", "#N/A"]);
      expect(spilled[1][0]).toMatch(/row 2 of the range/);
    });

    it.each(CELLWISE)("$id: omitted optional arguments (null) apply their defaults", ({ id, args, result }) => {
      const omitted = Array(optionalCount.get(id) ?? 0).fill(null);
      expect(round(one(id, ...args, ...omitted))).toEqual(round(result));
    });
  });

  describe("CIP.SHORTFALL, CIP.SHORTFALLPCT, CIP.VARIANCE, CIP.DELIVERY", () => {
    it("reproduce the trust sector's £79m (14.5%) miss of £544m", () => {
      expect(one("SHORTFALL", 544, 465)).toBe(79);
      expect(one("SHORTFALLPCT", 544, 465)).toBeCloseTo(0.1452, 4);
      expect(one("VARIANCE", 544, 465)).toBe(-79);
      expect(one("DELIVERY", 465, 544)).toBeCloseTo(0.8548, 4);
    });

    it("shortfall is never negative; a negative achieved is a reversal, not an error", () => {
      expect(one("SHORTFALL", 100, 130)).toBe(0);
      expect(one("SHORTFALLPCT", 100, 130)).toBe(0);
      expect(one("SHORTFALL", 100, -20)).toBe(120);
      expect(one("VARIANCE", 100, -20)).toBe(-120);
      expect(one("DELIVERY", -20, 100)).toBe(-0.2);
    });

    it("a negative plan or target is #NUM!", () => {
      for (const [id, args] of [
        ["SHORTFALL", [-5, 1]],
        ["SHORTFALLPCT", [-5, 1]],
        ["VARIANCE", [-5, 1]],
        ["DELIVERY", [1, -5]],
      ] as const) {
        expect(errorCode(one(id, ...args)), id).toBe("#NUM!");
      }
    });

    it("a zero target is #DIV/0! for the shares and fine for the amounts", () => {
      expect(errorCode(one("SHORTFALLPCT", 0, 5))).toBe("#DIV/0!");
      expect(errorCode(one("DELIVERY", 5, 0))).toBe("#DIV/0!");
      expect(one("SHORTFALL", 0, 5)).toBe(0);
      expect(one("VARIANCE", 0, 5)).toBe(5);
    });

    it("0 passed for an empty cell is a number, as Excel on some platforms sends it", () => {
      expect(one("DELIVERY", 0, 100)).toBe(0);
      expect(one("SHORTFALL", 100, 0)).toBe(100);
    });

    it("reads £, thousands separators, accounting negatives and percentages", () => {
      expect(one("SHORTFALL", "£1,234", "234")).toBe(1000);
      expect(one("VARIANCE", "500", "(500)")).toBe(-1000);
      expect(one("DELIVERY", "12%", 1)).toBeCloseTo(0.12, 12);
    });
  });

  describe("CIP.FORECAST", () => {
    it("by each method, the method text in any case", () => {
      expect(one("FORECAST", 120, 50, 40)).toBe(96);
      expect(one("FORECAST", 120, 50, 40, null, null)).toBe(96);
      for (const m of ["ratio", "RATIO", "Ratio", " ratio "]) expect(one("FORECAST", 120, 50, 40, m), m).toBe(96);
      for (const m of ["plan", "PLAN", "Plan"]) expect(one("FORECAST", 120, 50, 40, m), m).toBe(110);
      for (const m of ["runrate", "RUNRATE", "RunRate"]) expect(one("FORECAST", 120, 50, 40, m, 6), m).toBe(80);
    });

    it("an empty method cell means the default", () => {
      expect(one("FORECAST", 120, 50, 40, "", null)).toBe(96);
      expect(one("FORECAST", 120, 50, 40, [[""]], [[""]])).toBe(96);
    });

    it("NHS Sussex: £72.82m forecast of £111.78m by the ratio method reproduces a 34.9% forecast shortfall", () => {
      // YTD plan and actual chosen so the ratio forecast is Sussex's £72.82m: r = 0.6515, remaining 61.78.
      const r = 72.82 / 111.78;
      const forecast = one("FORECAST", 111.78, 50, 50 * r) as number;
      expect(forecast).toBeCloseTo(72.82, 10);
      expect(one("SHORTFALLPCT", 111.78, forecast)).toBeCloseTo(0.3485, 4);
    });

    it("with nothing planned to date the ratio is 1; a YTD plan above the annual plan leaves nothing to come", () => {
      expect(one("FORECAST", 100, 0, 10)).toBe(110);
      expect(one("FORECAST", 100, 120, 90)).toBe(90);
      expect(one("FORECAST", 100, 120, 90, "plan")).toBe(90);
    });

    it("the run rate needs months elapsed from 1 to 12; a bad months elapsed is #VALUE! for every method", () => {
      expect(one("FORECAST", 120, 50, 40, "runrate", null)).toMatch(/^#VALUE!: .*months elapsed/i);
      // 0 is no month of a forecast: it means "not given" (an empty cell arrives as 0 on Windows).
      expect(one("FORECAST", 120, 50, 40, "runrate", 0)).toMatch(/^#VALUE!: .*needs months elapsed/i);
      expect(one("FORECAST", 120, 50, 40, "plan", 0)).toBe(110);
      for (const method of [null, "ratio", "plan", "runrate"]) {
        for (const months of [13, 2.5, -1, "abc", true]) {
          expect(errorCode(one("FORECAST", 120, 50, 40, method, months)), `${method} ${String(months)}`).toBe("#VALUE!");
        }
      }
      expect(one("FORECAST", 120, 50, 40, "runrate", 12)).toBe(40);
      expect(one("FORECAST", 120, 50, 40, "runrate", 1)).toBe(480);
    });

    it("an unknown method is #VALUE! naming it, in that cell only", () => {
      expect(one("FORECAST", 120, 50, 40, "guess")).toMatch(/^#VALUE!: .*"guess"/);
      expect(one("FORECAST", 120, 50, 40, 3)).toMatch(/^#VALUE!: .*3/);
      expect(codes(call("FORECAST", 120, 50, 40, col("plan", "guess", "ratio"), 6))).toEqual([[110], ["#VALUE!"], [96]]);
    });

    it("a negative plan is #NUM!", () => {
      expect(errorCode(one("FORECAST", -120, 50, 40))).toBe("#NUM!");
      expect(errorCode(one("FORECAST", 120, -50, 40))).toBe("#NUM!");
    });

    it("months elapsed may be a range, one per row", () => {
      expect(call("FORECAST", 120, 50, 40, "runrate", col(4, 6, 8))).toEqual([[120], [80], [60]]);
    });
  });

  describe("CIP.REQUIREDRATE", () => {
    it("is the rest of the plan over the months left", () => {
      expect(one("REQUIREDRATE", 120, 40, 6)).toBeCloseTo(13.3333, 4);
      expect(one("REQUIREDRATE", 120, 0, 0)).toBe(10);
      expect(one("REQUIREDRATE", 120, 132, 6)).toBe(0);
    });

    it("in month 12 it is 0 when the plan is met, else #DIV/0!", () => {
      expect(one("REQUIREDRATE", 120, 120, 12)).toBe(0);
      expect(one("REQUIREDRATE", 120, 150, 12)).toBe(0);
      expect(errorCode(one("REQUIREDRATE", 120, 100, 12))).toBe("#DIV/0!");
    });

    it("months elapsed outside 0-12 or not whole is #VALUE!; a negative plan is #NUM!", () => {
      for (const months of [-1, 13, 6.5, "six"]) {
        expect(errorCode(one("REQUIREDRATE", 120, 40, months)), String(months)).toBe("#VALUE!");
      }
      expect(errorCode(one("REQUIREDRATE", -120, 40, 6))).toBe("#NUM!");
    });
  });

  describe("CIP.RAG", () => {
    it("defaults to 95% / 80%, higher is better, the cut-offs included", () => {
      expect(one("RAG", 0.95)).toBe("Green");
      expect(one("RAG", 1.2)).toBe("Green");
      expect(one("RAG", 0.9499)).toBe("Amber");
      expect(one("RAG", 0.8)).toBe("Amber");
      expect(one("RAG", 0.7999)).toBe("Red");
      expect(one("RAG", -0.1)).toBe("Red");
      expect(one("RAG", "85%")).toBe("Amber");
    });

    it("is lower-is-better when green_at < amber_at", () => {
      expect(one("RAG", 0.05, 0.05, 0.1)).toBe("Green");
      expect(one("RAG", 0, 0.05, 0.1)).toBe("Green");
      expect(one("RAG", 0.1, 0.05, 0.1)).toBe("Amber");
      expect(one("RAG", 0.349, 0.05, 0.1)).toBe("Red");
    });

    it("with equal cut-offs there is no amber", () => {
      expect(one("RAG", 0.5, 0.5, 0.5)).toBe("Green");
      expect(one("RAG", 0.49, 0.5, 0.5)).toBe("Red");
    });

    it("an omitted or empty cut-off takes its default; a bad one is #VALUE!", () => {
      expect(one("RAG", 0.9, null, 0.85)).toBe("Amber");
      expect(one("RAG", 0.9, 0.85, null)).toBe("Green");
      expect(one("RAG", 0.9, "", "")).toBe("Amber");
      expect(one("RAG", 0.9, "high", null)).toMatch(/^#VALUE!: .*"high"/);
    });

    it("rates a whole column, cut-offs broadcast", () => {
      expect(call("RAG", col(0.99, 0.85, 0.5, ""), 0.95, 0.8)).toEqual([["Green"], ["Amber"], ["Red"], [""]]);
    });
  });

  describe("CIP.FLAGS", () => {
    it("gives the codes that apply in order, DISTRESS only when all three tests hold", () => {
      expect(one("FLAGS", 100, 60, 18, -2)).toBe("BEHIND_PLAN, SEVERELY_BEHIND, UNDER_FIFTH, DEFICIT, DISTRESS");
      expect(one("FLAGS", 100, 60, 18, 5)).toBe("BEHIND_PLAN, SEVERELY_BEHIND, UNDER_FIFTH");
      expect(one("FLAGS", 100, 60, 25, -2)).toBe("BEHIND_PLAN, SEVERELY_BEHIND, DEFICIT");
      expect(one("FLAGS", 100, 30, 25, -2)).toBe("BEHIND_PLAN, DEFICIT");
      expect(one("FLAGS", 100, 30, 30, 0)).toBe("");
      expect(one("FLAGS", 100, 30, 45)).toBe("");
    });

    it("uses the thresholds' edges as the contract says: exactly half or a fifth is not below", () => {
      expect(one("FLAGS", 100, 60, 30)).toBe("BEHIND_PLAN");
      expect(one("FLAGS", 24, 10, 4.8)).toBe("BEHIND_PLAN, SEVERELY_BEHIND");
    });

    it("an omitted or empty surplus/deficit means DEFICIT (and DISTRESS) is not tested", () => {
      expect(one("FLAGS", 100, 60, 18, null)).toBe("BEHIND_PLAN, SEVERELY_BEHIND, UNDER_FIFTH");
      expect(one("FLAGS", 100, 60, 18, "")).toBe("BEHIND_PLAN, SEVERELY_BEHIND, UNDER_FIFTH");
      expect(call("FLAGS", 100, 60, 18, col(-1, "", 1))).toEqual([
        ["BEHIND_PLAN, SEVERELY_BEHIND, UNDER_FIFTH, DEFICIT, DISTRESS"],
        ["BEHIND_PLAN, SEVERELY_BEHIND, UNDER_FIFTH"],
        ["BEHIND_PLAN, SEVERELY_BEHIND, UNDER_FIFTH"],
      ]);
    });

    it("a bad surplus/deficit is #VALUE!; a negative plan is #NUM!", () => {
      expect(one("FLAGS", 100, 60, 18, "loss")).toMatch(/^#VALUE!: .*"loss"/);
      expect(errorCode(one("FLAGS", -100, 60, 18))).toBe("#NUM!");
      expect(errorCode(one("FLAGS", 100, -60, 18))).toBe("#NUM!");
    });
  });

  describe("CIP.NRSHARE", () => {
    it("is the one-off share of savings", () => {
      expect(one("NRSHARE", 30, 10)).toBe(0.25);
      expect(one("NRSHARE", 0, 10)).toBe(1);
      expect(errorCode(one("NRSHARE", 0, 0))).toBe("#DIV/0!");
      expect(errorCode(one("NRSHARE", -30, 10))).toBe("#NUM!");
      expect(errorCode(one("NRSHARE", 30, -10))).toBe("#NUM!");
    });
  });

  describe("CIP.RISKADJUST", () => {
    it("weights by stage, likelihood or risk RAG, with weights that replace the defaults", () => {
      expect(one("RISKADJUST", 60, "Implementation")).toBeCloseTo(54, 12);
      expect(one("RISKADJUST", 60, "Gateway 2 - PID")).toBe(30);
      expect(one("RISKADJUST", 60, 0.8)).toBeCloseTo(48, 12);
      expect(one("RISKADJUST", 60, 80)).toBeCloseTo(48, 12);
      expect(one("RISKADJUST", 60, "80%")).toBeCloseTo(48, 12);
      expect(one("RISKADJUST", 60, "High")).toBeCloseTo(54, 12);
      expect(one("RISKADJUST", 60, "Amber")).toBeCloseTo(36, 12);
      expect(one("RISKADJUST", 60, "Unidentified")).toBe(0);
      expect(
        one("RISKADJUST", 100, "Planning", [
          ["Planning", 0.4],
          ["Red", 0.2],
        ]),
      ).toBeCloseTo(40, 12);
      expect(
        one("RISKADJUST", 100, "Red", [
          ["Planning", 0.4],
          ["Red", "20%"],
        ]),
      ).toBeCloseTo(20, 12);
    });

    it("refuses a likelihood outside 0-100%, stages not known (listing those known) and bad weights", () => {
      expect(one("RISKADJUST", 60, 150)).toMatch(/^#VALUE!: .*from 0% to 100%/);
      expect(one("RISKADJUST", 60, -0.1)).toMatch(/^#VALUE!: .*from 0% to 100%/);
      expect(one("RISKADJUST", 60, "Gate 9 sign-off")).toMatch(/^#VALUE!: .*not a stage \(Unidentified, Idea/);
      expect(one("RISKADJUST", 60, "Planning", [["Planning", 1.5]])).toMatch(/^#VALUE!: .*from 0% to 100%/);
      expect(one("RISKADJUST", 60, "Planning", [["Unidentified", 0.5]])).toMatch(/^#VALUE!: .*weighted 0%/);
      expect(one("RISKADJUST", 60, "Planning", [["Soon", 0.5]])).toMatch(/^#VALUE!: .*"Soon" is not a stage/);
      expect(one("RISKADJUST", 60, "Planning", [["Planning"]])).toMatch(/^#VALUE!: .*two columns/);
    });
  });

  describe("CIP.ROLLUP", () => {
    it("rolls any measure of any columns up by key, in order of first appearance, then All", () => {
      expect(call("ROLLUP", col("Alpha", "Beta", "Alpha"), col(10, 20, 30))).toEqual([
        ["Alpha", 40],
        ["Beta", 20],
        ["All", 60],
      ]);
      const twoCols = [
        [10, 1],
        [20, 2],
        [30, " 3 "],
      ];
      expect(call("ROLLUP", col("A", "B", "A"), twoCols, [["sum", "COUNT", "average"]])).toEqual([
        ["A", 40, 4, 2, 2, 20, 2],
        ["B", 20, 2, 1, 1, 20, 2],
        ["All", 60, 6, 3, 3, 20, 2],
      ]);
      expect(call("ROLLUP", col("A", "B", "A"), col(1, 2, 3), [["min", "max"]])).toEqual([
        ["A", 1, 3],
        ["B", 2, 2],
        ["All", 1, 3],
      ]);
    });

    it("passes errors on to the group's cell, leaves blanks out, and drops empty rows", () => {
      const got = call("ROLLUP", col("A", "B", "A", EMPTY, ""), col(na(), 5, 2, EMPTY, "")) as unknown[][];
      expect(got.map((line) => line.map(errorCode))).toEqual([
        ["A", "#N/A"],
        ["B", 5],
        ["All", "#N/A"],
      ]);
      expect(call("ROLLUP", col("A", "A"), col(4, ""), "average")).toEqual([
        ["A", 4],
        ["All", 4],
      ]);
      expect((call("ROLLUP", col("A"), col("lots")) as unknown[][])[0][1]).toMatch(/^#VALUE!: .*"lots"/);
    });

    it("refuses a measure it does not know and values of another length", () => {
      expect(one("ROLLUP", col("A"), col(1), "median")).toMatch(/^#VALUE!: .*"median" is not one of sum, count/);
      expect(one("ROLLUP", col("A", "B"), col(1))).toMatch(/^#VALUE!: .*as many rows as keys/);
    });
  });
});
