// A contract test of what Excel loads: the built dist/functions.js, run in a bare node:vm context
// whose only global is a fake CustomFunctions (associate, Error, ErrorCode). If the bundle touched
// Office, Excel, window or document while loading, it would throw here. The functions are then
// called the way Excel calls them: ranges as matrices, single values as scalars, omitted as null.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, inject, it } from "vitest";

const ERROR_CODES = {
  divisionByZero: "#DIV/0!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  invalidValue: "#VALUE!",
  nullReference: "#NULL!",
} as const;

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

type Fn = (...args: unknown[]) => unknown;

/** A CustomFunctions global that records associations the way custom-functions-runtime.js does. */
function fakeCustomFunctions() {
  const associations = new Map<string, Fn>();
  const duplicates: string[] = [];
  return {
    associations,
    duplicates,
    global: {
      associate(id: string, fn: Fn) {
        if (typeof id !== "string" || typeof fn !== "function") throw new TypeError(`bad associate(${String(id)})`);
        const key = id.toUpperCase();
        if (associations.has(key)) duplicates.push(key); // the real runtime warns "[DuplicatedName]" and replaces
        associations.set(key, fn);
      },
      Error: FakeError,
      ErrorCode: ERROR_CODES,
    },
  };
}

function load(times = 1) {
  const source = readFileSync(join(inject("prodDist"), "functions.js"), "utf8");
  const fake = fakeCustomFunctions();
  const context = vm.createContext({ CustomFunctions: fake.global });
  for (let i = 0; i < times; i++) vm.runInContext(source, context, { filename: "functions.js" });
  return { ...fake, context };
}

/** A result as plain data: numbers and strings as they are, errors as "#CODE: message". */
function cells(result: unknown): unknown {
  if (result instanceof FakeError) return `${result.code}: ${result.message ?? ""}`;
  if (Array.isArray(result)) return result.map(cells);
  return result;
}

let fns: Map<string, Fn>;
const call = (id: string, ...args: unknown[]) => cells(fns.get(id)!(...args));
const errorCode = (cell: unknown) => (typeof cell === "string" && cell.startsWith("#") ? cell.split(":")[0] : cell);

beforeAll(() => {
  fns = load().associations;
});

describe("functions.js in a bare context", () => {
  it("loads with only CustomFunctions defined and associates every id in functions.json", () => {
    const { associations, context } = load();
    const ids = JSON.parse(readFileSync(join(inject("prodDist"), "functions.json"), "utf8")).functions.map(
      (f: { id: string }) => f.id,
    );
    expect([...associations.keys()].sort()).toEqual([...ids].sort());
    // It left nothing behind in the global scope but what it was given.
    expect(Object.keys(context)).toEqual(["CustomFunctions"]);
  });

  it("loaded twice in one window (standalone and by the page), it re-associates the same functions harmlessly", () => {
    const { associations, duplicates } = load(2);
    expect([...associations.keys()].sort()).toEqual(["DELIVERY", "FORECAST", "SHORTFALL", "VARIANCE"]);
    expect(duplicates.sort()).toEqual(["DELIVERY", "FORECAST", "SHORTFALL", "VARIANCE"]);
    expect(cells(associations.get("SHORTFALL")!([[100], [50]], [[80], [60]]))).toEqual([[20], [0]]);
  });
});

describe("results as Excel receives them", () => {
  it("SHORTFALL, VARIANCE and DELIVERY spill one result per row", () => {
    expect(call("SHORTFALL", [[100], [50]], [[80], [60]])).toEqual([[20], [0]]);
    expect(call("VARIANCE", [[100], [50]], [[80], [60]])).toEqual([[-20], [10]]);
    expect(call("DELIVERY", [[100], [50]], [[80], [60]])).toEqual([[0.8], [1.2]]);
  });

  it("a single cell applies to every row of the other range", () => {
    expect(call("SHORTFALL", [[100], [50]], [[30]])).toEqual([[70], [20]]);
    expect(call("SHORTFALL", [[100]], [[80]])).toEqual([[20]]);
  });

  it("FORECAST by each method", () => {
    // annual 1200, YTD plan 600, YTD actual 450, 5 months elapsed
    expect(call("FORECAST", [[1200]], [[600]], [[450]], 5, null)).toEqual([[900]]); // delivery ratio (default)
    expect(call("FORECAST", [[1200]], [[600]], [[450]], 5, "run rate")).toEqual([[1080]]);
    expect(call("FORECAST", [[1200]], [[600]], [[450]], 5, "remaining plan")).toEqual([[1050]]);
    expect(call("FORECAST", [[1200], [2400]], [[600], [1200]], [[450], [600]], 6, null)).toEqual([[900], [1200]]);
  });
});

describe("bad input gives CustomFunctions.Error values, never an exception", () => {
  it("text that is not a number is #VALUE! with a message naming it", () => {
    const [[cell]] = call("SHORTFALL", [["abc"]], [[5]]) as string[][];
    expect(cell).toMatch(/^#VALUE!: .*abc/);
  });

  it("ranges of different sizes are one #VALUE! saying so", () => {
    const result = call("VARIANCE", [[1], [2], [3]], [[1], [2]]) as string[][];
    expect(result).toHaveLength(1);
    expect(result[0][0]).toMatch(/^#VALUE!: .*same size/);
  });

  it("a zero plan makes DELIVERY #DIV/0! in that row only", () => {
    const result = call("DELIVERY", [[0], [50]], [[5], [25]]) as unknown[][];
    expect(errorCode(result[0][0])).toBe("#DIV/0!");
    expect(result[1][0]).toBe(0.5);
  });

  it("an unknown forecast method and out-of-range months are #VALUE!", () => {
    expect(errorCode((call("FORECAST", [[1200]], [[600]], [[450]], 5, "guess") as unknown[][])[0][0])).toBe("#VALUE!");
    expect(errorCode((call("FORECAST", [[1200]], [[600]], [[450]], 13, "run rate") as unknown[][])[0][0])).toBe("#VALUE!");
  });

  it("bad months elapsed is #VALUE! for every method and every row, not only the run rate", () => {
    for (const method of [null, "delivery ratio", "remaining plan", "run rate"]) {
      for (const months of [13, 0, 2.5, "abc"]) {
        const result = call("FORECAST", [[1200], [600]], [[600], [300]], [[450], [200]], months, method) as unknown[][];
        expect(
          result.map((line) => errorCode(line[0])),
          `${method} with ${months}`,
        ).toEqual(["#VALUE!", "#VALUE!"]);
      }
    }
  });

  it("an Excel error in an input cell is passed on", () => {
    const result = call("SHORTFALL", [[new FakeError("#N/A")]], [[5]]) as unknown[][];
    expect(errorCode(result[0][0])).toBe("#N/A");
  });
});
