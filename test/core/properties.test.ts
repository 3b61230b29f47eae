// Property-based tests (fast-check) over arbitrary cell values, through readCell, every metric
// function and analyseRow.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseRow, emptyRowInput, type RowInput, type RowResult } from "../../src/core/analyseRow";
import { progressPct, ytdDeliveryPct, ytdShortfall, ytdShortfallPct, ytdVariance } from "../../src/core/delivery";
import { FLAGS } from "../../src/core/flags";
import {
  forecastByMethod,
  forecastDeliveryRatio,
  forecastRemainingPlan,
  forecastRunRate,
  forecastShortfall,
  forecastShortfallPct,
} from "../../src/core/forecast";
import { METRIC_NAMES, RAG_NAMES } from "../../src/core/metrics";
import { checkMonthsElapsed } from "../../src/core/monthsElapsed";
import { h2ShareOfAnnualPlan, ytdActualFromMonths, ytdPlanFromPhasing } from "../../src/core/phasing";
import { EXCEL_ERRORS, isProblem, type Num, type Problem } from "../../src/core/problem";
import { ragHigherIsBetter, ragLowerIsBetter } from "../../src/core/rag";
import { readCell } from "../../src/core/readCell";
import { achievedRunRate, requiredRunRate, runRateRatio } from "../../src/core/runRate";
import { DEFAULT_SETTINGS, FORECAST_BASES, FORECAST_METHODS, resolveSettings, type Settings } from "../../src/core/settings";
import { cipOfTurnover, nonRecurrentShare, unidentifiedShare } from "../../src/core/shares";

// ---------------------------------------------------------------------------------------------
// Generators

/** Amounts a tracker can hold: zero, or a magnitude from a millionth to a trillion, either sign. */
const amount = fc.oneof(
  fc.constantFrom(0, -0, 1, 100, 544, 79, 111.78, 72.82),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
  fc.double({ min: -1e12, max: -1e-6, noNaN: true }),
);
const nonNegativeAmount = fc.oneof(
  fc.constantFrom(0, 1, 100, 544, 111.78),
  fc.integer({ min: 0, max: 1_000_000_000 }),
  fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
);
const positiveAmount = fc.oneof(fc.integer({ min: 1, max: 1_000_000_000 }), fc.double({ min: 1e-3, max: 1e12, noNaN: true }));

/** Text in every accepted numeric form, with the value it stands for (worked out independently). */
const numericText = fc
  .record({
    int: fc.oneof(fc.nat({ max: 999 }), fc.double({ min: 0, max: 999_999_999_999, noNaN: true }).map(Math.floor)),
    frac: fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }),
    sign: fc.constantFrom("none", "minus", "typographic", "parens"),
    pound: fc.boolean(),
    commas: fc.boolean(),
    percent: fc.boolean(),
    left: fc.constantFrom("", " ", "  ", "\t"),
    right: fc.constantFrom("", " ", "\n"),
  })
  .map(({ int, frac, sign, pound, commas, percent, left, right }) => {
    const intText = commas ? String(int).replace(/\B(?=(\d{3})+(?!\d))/g, ",") : String(int);
    const digits = frac === undefined ? intText : `${intText}.${frac}`;
    const body = `${pound ? "£" : ""}${digits}`;
    const signed =
      sign === "minus" ? `-${body}` : sign === "typographic" ? `\u2212${body}` : sign === "parens" ? `(${body})` : body;
    const text = `${left}${signed}${percent ? "%" : ""}${right}`;
    const magnitude = Number(frac === undefined ? String(int) : `${int}.${frac}`);
    const signedValue = sign === "none" ? magnitude : -magnitude;
    return { text, value: percent ? signedValue / 100 : signedValue };
  });

const junkText = fc.oneof(
  fc.constantFrom("abc", "n/a", "TBC", "1e5", "--5", "12 5", "£", "%", "(-5)", "1,23", "Infinity", "NaN", "TRUE", "-", "0x1F"),
  fc.string({ maxLength: 12 }),
);
const excelError = fc.constantFrom(...EXCEL_ERRORS);

/** Anything Excel (or a custom function) can hand over, amounts kept to tracker-sized magnitudes. */
const cell = fc.oneof(
  amount,
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
  numericText.map((t) => t.text),
  junkText,
  fc.boolean(),
  fc.constantFrom(null, undefined, ""),
  excelError,
  excelError.map((code) => ({ code })),
  fc.array(fc.anything(), { maxLength: 3 }),
  // Numbers come from the generators above; anything() would bring in extreme doubles.
  fc.anything().filter((x) => typeof x !== "number"),
);
/** Doubles at the edges of the range: the largest, the smallest above zero, and near them. */
const extremeDouble = fc.constantFrom(
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1.7e308,
  -1.7e308,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  1e-308,
);
/** The same with every double, extremes included. */
const anyCell = fc.oneof(cell, fc.double(), extremeDouble);

const num = cell.map((c) => readCell(c, "Cell"));
const numNoBlank = num.filter((x) => x !== null);
const months = fc.array(num, { minLength: 12, maxLength: 12 });
const monthsOrNull = fc.option(months, { nil: null });
const problemValue = fc
  .oneof(excelError, junkText, fc.boolean(), fc.constant(Number.NaN), fc.constant({ code: "#N/A" }))
  .map((c) => readCell(c, "Cell"))
  .filter(isProblem);

const settings: fc.Arbitrary<Settings> = fc
  .record({
    monthsElapsed: fc.integer({ min: 1, max: 12 }),
    forecastMethod: fc.constantFrom(...FORECAST_METHODS),
    forecastBasis: fc.constantFrom(...FORECAST_BASES),
  })
  .map((s) => ({ ...DEFAULT_SETTINGS, ...s }));

const rowOf = (n: fc.Arbitrary<Num>, m: fc.Arbitrary<Num[] | null>): fc.Arbitrary<RowInput> =>
  fc.record({
    annualPlan: n,
    ytdPlan: n,
    ytdActual: n,
    forecast: n,
    recurrent: n,
    nonRecurrent: n,
    unidentified: n,
    turnover: n,
    surplusDeficit: n,
    planMonths: m,
    actualMonths: m,
  });

// ---------------------------------------------------------------------------------------------
// Every metric function, fed a list of inputs; `months` inputs are 12 values.

type Input = Num | Num[];
interface MetricFn {
  name: string;
  /** What each input is: an amount of either sign, one that cannot be negative, months elapsed, a phasing. */
  kinds: ("amount" | "plan" | "k" | "months")[];
  call: (xs: Input[]) => Num;
  /** The inputs the result depends on (all of them unless listed). */
  needs?: number[];
}
const needed = (f: MetricFn): number[] => f.needs ?? f.kinds.map((_, i) => i);
/**
 * A month the function sums, where a problem must show: months 7-12 for the H2 share, months 1..k
 * for the sums to date (any month when months elapsed is not a valid number: then every month counts).
 * `null` when no month is summed: the sums to date at k = 0, before April.
 */
const summedMonth = (f: MetricFn, args: Input[], at: number): number | null => {
  if (f.name === "h2ShareOfAnnualPlan") return 6 + (at % 6);
  const k = args[1];
  if (k === 0) return null;
  return typeof k === "number" && Number.isInteger(k) && k >= 1 && k <= 12 ? at % k : at % 12;
};
const n = (x: Input) => x as Num;
const m = (x: Input) => x as Num[];

const byName = (name: string): MetricFn => METRIC_FNS.find((f) => f.name === name) as MetricFn;
const METRIC_FNS: MetricFn[] = [
  { name: "ytdVariance", kinds: ["plan", "amount"], call: ([p, a]) => ytdVariance(n(p), n(a)) },
  { name: "ytdShortfall", kinds: ["plan", "amount"], call: ([p, a]) => ytdShortfall(n(p), n(a)) },
  { name: "ytdShortfallPct", kinds: ["plan", "amount"], call: ([p, a]) => ytdShortfallPct(n(p), n(a)) },
  { name: "ytdDeliveryPct", kinds: ["plan", "amount"], call: ([p, a]) => ytdDeliveryPct(n(p), n(a)) },
  { name: "progressPct", kinds: ["plan", "amount"], call: ([p, a]) => progressPct(n(p), n(a)) },
  { name: "forecastRunRate", kinds: ["amount", "k"], call: ([a, k]) => forecastRunRate(n(a), n(k)) },
  {
    name: "forecastRemainingPlan",
    kinds: ["plan", "plan", "amount"],
    call: ([an, p, a]) => forecastRemainingPlan(n(an), n(p), n(a)),
  },
  {
    name: "forecastDeliveryRatio",
    kinds: ["plan", "plan", "amount"],
    call: ([an, p, a]) => forecastDeliveryRatio(n(an), n(p), n(a)),
  },
  ...FORECAST_METHODS.map((method): MetricFn => ({
    name: `forecastByMethod(${method})`,
    kinds: ["plan", "plan", "amount", "k"],
    call: ([an, p, a, k]) => forecastByMethod(method, n(an), n(p), n(a), n(k)),
    // The run rate needs neither plan; the other two methods do not need months elapsed.
    needs: method === "runRate" ? [2, 3] : [0, 1, 2],
  })),
  { name: "forecastShortfall", kinds: ["plan", "amount"], call: ([an, f]) => forecastShortfall(n(an), n(f)) },
  { name: "forecastShortfallPct", kinds: ["plan", "amount"], call: ([an, f]) => forecastShortfallPct(n(an), n(f)) },
  { name: "cipOfTurnover", kinds: ["plan", "plan"], call: ([an, t]) => cipOfTurnover(n(an), n(t)) },
  { name: "nonRecurrentShare", kinds: ["plan", "plan"], call: ([r, nr]) => nonRecurrentShare(n(r), n(nr)) },
  { name: "unidentifiedShare", kinds: ["plan", "plan"], call: ([an, u]) => unidentifiedShare(n(an), n(u)) },
  { name: "requiredRunRate", kinds: ["plan", "amount", "k"], call: ([an, a, k]) => requiredRunRate(n(an), n(a), n(k)) },
  { name: "achievedRunRate", kinds: ["amount", "k"], call: ([a, k]) => achievedRunRate(n(a), n(k)) },
  { name: "runRateRatio", kinds: ["plan", "amount", "k"], call: ([an, a, k]) => runRateRatio(n(an), n(a), n(k)) },
  { name: "ytdPlanFromPhasing", kinds: ["months", "k"], call: ([ms, k]) => ytdPlanFromPhasing(m(ms), n(k)) },
  { name: "ytdActualFromMonths", kinds: ["months", "k"], call: ([ms, k]) => ytdActualFromMonths(m(ms), n(k)) },
  { name: "h2ShareOfAnnualPlan", kinds: ["months", "plan"], call: ([ms, an]) => h2ShareOfAnnualPlan(m(ms), n(an)) },
  { name: "checkMonthsElapsed", kinds: ["k"], call: ([k]) => checkMonthsElapsed(n(k)) },
];

/** Arbitrary inputs for one metric function, from cells (each value or month read with readCell). */
const inputsFrom = (f: MetricFn, value: fc.Arbitrary<Num>, phasing: fc.Arbitrary<Num[]>) =>
  fc.tuple(...f.kinds.map((kind): fc.Arbitrary<Input> => (kind === "months" ? phasing : value)));

const anyMetricCall = (value: fc.Arbitrary<Num>, phasing: fc.Arbitrary<Num[]>) =>
  fc
    .nat({ max: METRIC_FNS.length - 1 })
    .chain((i) => inputsFrom(METRIC_FNS[i], value, phasing).map((xs) => ({ f: METRIC_FNS[i], xs })));

// ---------------------------------------------------------------------------------------------
// Checks

const KINDS = new Set(["excelError", "notANumber", "divideByZero", "invalidValue"]);
const ERRORS = new Set<string>(EXCEL_ERRORS);

function isWellFormedProblem(x: unknown): x is Problem {
  return isProblem(x) && KINDS.has(x.kind) && ERRORS.has(x.error) && typeof x.message === "string" && x.message.length > 0;
}
/** number | null | Problem; a number may be anything (finiteness is checked separately). */
function isNumResult(x: unknown): boolean {
  return typeof x === "number" || x === null || isWellFormedProblem(x);
}
function isFiniteIfNumber(x: unknown): boolean {
  return typeof x !== "number" || Number.isFinite(x);
}
function close(x: number, y: number, rel = 1e-9): boolean {
  return x === y || Math.abs(x - y) <= rel * Math.max(Math.abs(x), Math.abs(y));
}
const RAG_VALUES = new Set(["Green", "Amber", "Red"]);

function checkRow(r: RowResult): void {
  for (const name of METRIC_NAMES) expect(isNumResult(r[name]), name).toBe(true);
  for (const name of RAG_NAMES) {
    const v = r[name];
    expect(v === null || isWellFormedProblem(v) || (typeof v === "string" && RAG_VALUES.has(v)), name).toBe(true);
  }
  expect(Number.isInteger(r.flags) && r.flags >= 0 && r.flags < 256).toBe(true);
  const three = FLAGS.UNDER_FIFTH | FLAGS.SEVERELY_BEHIND | FLAGS.DEFICIT;
  expect((r.flags & FLAGS.DISTRESS) !== 0).toBe((r.flags & three) === three);
  if (typeof r.shortfall === "number") expect(r.shortfall).toBeGreaterThanOrEqual(0);
  if (typeof r.forecastShortfall === "number") expect(r.forecastShortfall).toBeGreaterThanOrEqual(0);
  if (typeof r.ytdPlanUsed === "number" && typeof r.ytdActualUsed === "number" && r.ytdPlanUsed >= 0) {
    const difference = r.ytdActualUsed - r.ytdPlanUsed;
    // Beyond the range of a double the difference is reported as #NUM!, never as Infinity.
    if (Number.isFinite(difference)) expect(r.variance).toBe(difference);
    else expect(isProblem(r.variance) && r.variance.error).toBe("#NUM!");
  }
}

// ---------------------------------------------------------------------------------------------

describe("readCell over arbitrary cell values", () => {
  it("never throws; returns a number, a blank or a well-formed problem; a number is finite", () => {
    fc.assert(
      fc.property(cell, (c) => {
        const r = readCell(c, "Cell");
        expect(isNumResult(r)).toBe(true);
        expect(isFiniteIfNumber(r)).toBe(true);
      }),
    );
  });

  it("every double: a finite number is itself, anything else a #NUM! problem", () => {
    fc.assert(
      fc.property(fc.double(), (d) => {
        const r = readCell(d);
        if (Number.isFinite(d)) expect(Object.is(r, d)).toBe(true);
        else expect(r).toMatchObject({ kind: "notANumber", error: "#NUM!" });
      }),
    );
  });

  it("an Excel error, as text or as an object with a code, stays that error", () => {
    fc.assert(
      fc.property(excelError, fc.boolean(), (code, asObject) => {
        expect(readCell(asObject ? { code } : code)).toMatchObject({ kind: "excelError", error: code });
      }),
    );
  });

  it("readCell(String(n)) round-trips finite numbers that print without an exponent", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !/e/i.test(String(d))),
        (d) => {
          expect(readCell(String(d)) === d).toBe(true);
        },
      ),
    );
  });

  it("a number written with thousands separators, £, a sign or parentheses, % and spaces reads back to its value", () => {
    fc.assert(
      fc.property(numericText, ({ text, value }) => {
        expect(readCell(text) === value).toBe(true);
      }),
    );
  });

  it("booleans are always problems, never 0 or 1", () => {
    fc.assert(
      fc.property(fc.boolean(), (b) => {
        expect(readCell(b)).toMatchObject({ kind: "notANumber", error: "#VALUE!" });
      }),
    );
  });
});

describe("every metric function over arbitrary cell values", () => {
  it("never throws and returns number | null | a well-formed problem", () => {
    fc.assert(
      fc.property(anyMetricCall(num, months), ({ f, xs }) => {
        expect(isNumResult(f.call(xs)), f.name).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("the same with every double (extremes included) in the cells", () => {
    fc.assert(
      fc.property(
        anyMetricCall(
          anyCell.map((c) => readCell(c)),
          fc.array(
            anyCell.map((c) => readCell(c)),
            { minLength: 12, maxLength: 12 },
          ),
        ),
        ({ f, xs }) => {
          expect(isNumResult(f.call(xs)), f.name).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("a number result is finite when no input is blank", () => {
    const phasing = fc.array(numNoBlank, { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(anyMetricCall(numNoBlank, phasing), ({ f, xs }) => {
        const r = f.call(xs);
        expect(isFiniteIfNumber(r), `${f.name}(${JSON.stringify(xs)}) = ${String(r)}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("a number result is always finite (blanks included)", () => {
    fc.assert(
      fc.property(anyMetricCall(num, months), ({ f, xs }) => {
        expect(isFiniteIfNumber(f.call(xs)), f.name).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("a number result is finite for any finite inputs, however extreme", () => {
    const finite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), extremeDouble);
    fc.assert(
      fc.property(anyMetricCall(finite, fc.array(finite, { minLength: 12, maxLength: 12 })), ({ f, xs }) => {
        const r = f.call(xs);
        expect(isFiniteIfNumber(r), f.name).toBe(true);
      }),
      { examples: [[{ f: METRIC_FNS[0], xs: [1.7e308, -1.7e308] }]] },
    );
  });

  it("a number result is always finite, whatever the inputs (blanks, problems and extreme doubles included)", () => {
    // Months elapsed (and every other input) is sometimes a valid month, so the phased sums run.
    const value = fc.oneof(
      anyCell.map((c) => readCell(c)),
      fc.integer({ min: 1, max: 12 }),
    );
    fc.assert(
      fc.property(anyMetricCall(value, fc.array(value, { minLength: 12, maxLength: 12 })), ({ f, xs }) => {
        const r = f.call(xs);
        expect(isNumResult(r), f.name).toBe(true);
        expect(isFiniteIfNumber(r), `${f.name}(${String(xs)}) = ${String(r)}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("finite inputs give only #VALUE!, #DIV/0! or #NUM! problems, and #NUM! only for a result too large", () => {
    const finite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), extremeDouble);
    fc.assert(
      fc.property(anyMetricCall(finite, fc.array(finite, { minLength: 12, maxLength: 12 })), ({ f, xs }) => {
        const r = f.call(xs);
        if (!isProblem(r)) return;
        const shape = `${r.kind} ${r.error}`;
        expect(["invalidValue #VALUE!", "invalidValue #NUM!", "divideByZero #DIV/0!"], f.name).toContain(shape);
        const negativeMessage = / is negative \(-[^)]+\); it cannot be below zero\.$/;
        if (r.error === "#NUM!") {
          // #NUM! is for a result too large, or (as Excel's SQRT(-1)) a plan-like input below zero.
          expect(r.message, f.name).toMatch(
            /( is too large to work out from these values| is negative \(-[^)]+\); it cannot be below zero)\.$/,
          );
          if (negativeMessage.test(r.message)) {
            const negativeInput = f.kinds.some((kind, i) =>
              kind === "plan" ? (xs[i] as number) < 0 : kind === "months" ? (xs[i] as number[]).some((x) => x < 0) : false,
            );
            expect(negativeInput, `${f.name}: ${r.message}`).toBe(true);
          }
        } else {
          // A negative plan is never reported as #VALUE! (or #DIV/0!) any more.
          expect(r.message, f.name).not.toMatch(negativeMessage);
        }
      }),
      {
        numRuns: 2000,
        examples: [
          [{ f: byName("ytdVariance"), xs: [1.7e308, -1.7e308] }],
          [{ f: byName("ytdDeliveryPct"), xs: [5e-324, 1] }],
          [{ f: byName("forecastDeliveryRatio"), xs: [5e-324, 5e-324, 1] }],
          [{ f: byName("h2ShareOfAnnualPlan"), xs: [[0, 0, 0, 0, 0, 0, 1.7e308, 1.7e308, 0, 0, 0, 0], 1] }],
          [{ f: byName("h2ShareOfAnnualPlan"), xs: [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1e308], 0] }],
          [{ f: byName("forecastRemainingPlan"), xs: [-1, 0, 5] }],
          [{ f: byName("requiredRunRate"), xs: [-5, 1, 12] }],
        ],
      },
    );
  });
});

// Valid inputs for each kind, so that a problem or blank placed among them is the only thing wrong.
const validInputs = fc
  .record({
    annual: positiveAmount,
    // A YTD plan above the annual plan (frac > 1) is valid too: it leaves nothing to come.
    frac: fc.oneof(fc.constantFrom(0, 0.5, 1, 1.2), fc.double({ min: 1e-6, max: 3, noNaN: true })),
    actual: amount,
    k: fc.integer({ min: 1, max: 12 }),
    other: nonNegativeAmount,
    phasing: fc.array(nonNegativeAmount, { minLength: 12, maxLength: 12 }),
  })
  .map(({ annual, frac, actual, k, other, phasing }) => ({ annual, ytdPlan: annual * frac, actual, k, other, phasing }));

function validArgs(
  f: MetricFn,
  v: { annual: number; ytdPlan: number; actual: number; k: number; other: number; phasing: number[] },
): Input[] {
  let plans = 0;
  return f.kinds.map((kind) => {
    if (kind === "k") return v.k;
    if (kind === "months") return v.phasing;
    if (kind === "amount") return v.actual;
    // The first plan-like input is the annual plan, the next the YTD plan (at, below or above it), the rest any non-negative.
    plans++;
    return plans === 1
      ? v.annual
      : plans === 2 && f.kinds.filter((x) => x === "plan").length === 2 && f.name.startsWith("forecast")
        ? v.ytdPlan
        : v.other;
  });
}

describe("blank and problem propagation, every metric function", () => {
  it("a problem in any input → the result is a problem", () => {
    fc.assert(
      fc.property(anyMetricCall(num, months), problemValue, fc.nat(), ({ f, xs }, p, at) => {
        const i = needed(f)[at % needed(f).length];
        const args = [...xs];
        if (f.kinds[i] === "months") {
          const ms = [...(args[i] as Num[])];
          const month = summedMonth(f, args, at);
          if (month === null) {
            // k = 0: the sum of no months, whatever the months hold: 0 if any holds a number, else blank.
            ms[at % 12] = p;
            args[i] = ms;
            expect(f.call(args), f.name).toBe(ms.some((x) => typeof x === "number") ? 0 : null);
            return;
          }
          ms[month] = p;
          args[i] = ms;
        } else args[i] = p;
        expect(isProblem(f.call(args)), f.name).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("an input problem among valid inputs passes through unchanged (#N/A stays #N/A)", () => {
    fc.assert(
      fc.property(fc.nat({ max: METRIC_FNS.length - 1 }), validInputs, problemValue, fc.nat(), (fi, v, p, at) => {
        const f = METRIC_FNS[fi];
        const args = validArgs(f, v);
        const i = needed(f)[at % needed(f).length];
        if (f.kinds[i] === "months") {
          const ms = [...(args[i] as Num[])];
          ms[summedMonth(f, args, at) as number] = p;
          args[i] = ms;
        } else args[i] = p;
        expect(f.call(args), f.name).toBe(p);
      }),
      { numRuns: 2000 },
    );
  });

  it("valid inputs give a finite number or a #DIV/0! problem", () => {
    fc.assert(
      fc.property(fc.nat({ max: METRIC_FNS.length - 1 }), validInputs, (fi, v) => {
        const f = METRIC_FNS[fi];
        const r = f.call(validArgs(f, v));
        if (typeof r === "number") expect(Number.isFinite(r), f.name).toBe(true);
        else if (f.name === "runRateRatio" && v.actual < 0 && v.k < 12) {
          // Negative delivery to date cannot be compared with the rate still needed.
          expect(r, f.name).toMatchObject({ kind: "invalidValue", error: "#VALUE!" });
        } else expect(r, f.name).toMatchObject({ kind: "divideByZero", error: "#DIV/0!" });
      }),
      { numRuns: 2000 },
    );
  });

  it("valid inputs, however extreme, give a finite number, #DIV/0! or #NUM!", () => {
    const big = fc.oneof(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), extremeDouble.map(Math.abs));
    const extremeValid = fc
      .record({
        annual: big,
        frac: fc.oneof(fc.constantFrom(0, 1, 2, Number.MIN_VALUE), fc.double({ min: 0, max: 2, noNaN: true })),
        actual: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), extremeDouble),
        k: fc.integer({ min: 1, max: 12 }),
        other: big,
        phasing: fc.array(big, { minLength: 12, maxLength: 12 }),
      })
      .map(({ annual, frac, actual, k, other, phasing }) => ({
        annual,
        ytdPlan: Math.min(annual * frac, Number.MAX_VALUE),
        actual,
        k,
        other,
        phasing,
      }));
    fc.assert(
      fc.property(fc.nat({ max: METRIC_FNS.length - 1 }), extremeValid, (fi, v) => {
        const f = METRIC_FNS[fi];
        const args = validArgs(f, v);
        const r = f.call(args);
        if (typeof r === "number") {
          expect(Number.isFinite(r), f.name).toBe(true);
        } else if (f.name === "runRateRatio" && v.actual < 0 && isProblem(r) && r.error === "#VALUE!") {
          // Negative delivery to date cannot be compared with the rate still needed.
          expect(r.kind).toBe("invalidValue");
        } else {
          expect(isProblem(r), f.name).toBe(true);
          expect(["divideByZero #DIV/0!", "invalidValue #NUM!"], f.name).toContain(
            `${(r as Problem).kind} ${(r as Problem).error}`,
          );
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("a problem or a negative plan in a month that is not summed leaves the result as it was", () => {
    const PHASED = METRIC_FNS.filter((f) => f.kinds[0] === "months");
    fc.assert(
      fc.property(
        fc.constantFrom(...PHASED),
        validInputs,
        fc.oneof(problemValue, fc.double({ min: -1e12, max: -1e-6, noNaN: true })),
        fc.nat(),
        (f, v, bad, at) => {
          const args = validArgs(f, v);
          // h2Share sums months 7-12; the sums to date months 1..k. Month 12 is never summed before March.
          const outside =
            f.name === "h2ShareOfAnnualPlan"
              ? Array.from({ length: 6 }, (_, i) => i)
              : Array.from({ length: 12 - v.k }, (_, i) => v.k + i);
          fc.pre(outside.length > 0);
          const ms = [...(args[0] as Num[])];
          ms[outside[at % outside.length]] = bad;
          expect(f.call([ms, args[1]]), f.name).toBe(f.call(args));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a blank input among valid inputs → a blank result", () => {
    fc.assert(
      fc.property(fc.nat({ max: METRIC_FNS.length - 1 }), validInputs, fc.nat(), (fi, v, at) => {
        const f = METRIC_FNS[fi];
        const args = validArgs(f, v);
        const i = needed(f)[at % needed(f).length];
        args[i] = f.kinds[i] === "months" ? Array.from({ length: 12 }, () => null) : null;
        expect(f.call(args), f.name).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it("a negative plan is a #NUM! problem naming the value; a negative actual is not a problem", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: -1e-6, noNaN: true }), positiveAmount, (neg, pos) => {
        const negative = {
          kind: "invalidValue",
          error: "#NUM!",
          message: expect.stringContaining(`is negative (${neg}); it cannot be below zero.`),
        };
        for (const f of [ytdVariance, ytdShortfall, ytdShortfallPct, ytdDeliveryPct, progressPct]) {
          expect(f(neg, pos)).toEqual(negative);
          expect(typeof f(pos, neg)).toBe("number");
        }
        for (const r of [
          forecastShortfall(neg, pos),
          forecastShortfallPct(neg, pos),
          cipOfTurnover(neg, pos),
          unidentifiedShare(neg, pos),
          forecastRemainingPlan(neg, pos, pos),
          forecastDeliveryRatio(pos, neg, pos),
          requiredRunRate(neg, pos, 6),
          runRateRatio(neg, pos, 6),
        ]) {
          expect(r).toEqual(negative);
        }
        expect(typeof forecastRemainingPlan(pos, pos, neg)).toBe("number");
        expect(typeof requiredRunRate(pos, neg, 6)).toBe("number");
      }),
    );
  });
});

describe("the plan still to come is max(annual − YTD plan, 0)", () => {
  it("a YTD plan at or above the annual plan: both plan-based forecasts are the actual", () => {
    fc.assert(
      fc.property(nonNegativeAmount, fc.double({ min: 1, max: 5, noNaN: true }), amount, (annual, over, actual) => {
        const ytdPlan = annual === 0 ? over : annual * over;
        // Compared with === so that an actual of −0 may come back as 0.
        const remaining = forecastRemainingPlan(annual, ytdPlan, actual);
        const deliveryRatio = forecastDeliveryRatio(annual, ytdPlan, actual);
        expect(remaining === actual, `remaining plan ${String(remaining)}, actual ${actual}`).toBe(true);
        expect(deliveryRatio === actual, `delivery ratio ${String(deliveryRatio)}, actual ${actual}`).toBe(true);
      }),
    );
  });

  it("a zero YTD plan: the delivery-ratio forecast takes r = 1, the remaining-plan forecast actual + annual", () => {
    fc.assert(
      fc.property(nonNegativeAmount, amount, (annual, actual) => {
        // -0 (a reversal of nothing) and 0 are the same amount in a cell, though toBe tells them apart.
        const zeroed = (x: Num) => (x === 0 ? 0 : x);
        expect(zeroed(forecastDeliveryRatio(annual, 0, actual))).toBe(zeroed(actual + annual));
        expect(zeroed(forecastDeliveryRatio(annual, 0, actual))).toBe(zeroed(forecastRemainingPlan(annual, 0, actual)));
      }),
    );
  });
});

describe("months elapsed 0 (before April)", () => {
  it("the sums to date are 0 (or blank for an all-blank phasing), whatever the months hold", () => {
    fc.assert(
      fc.property(months, (ms) => {
        const expected = ms.some((x) => typeof x === "number") ? 0 : null;
        expect(ytdPlanFromPhasing(ms, 0)).toBe(expected);
        expect(ytdActualFromMonths(ms, 0)).toBe(expected);
      }),
    );
  });

  it("the required run rate spreads max(annual − actual, 0) over 12 months; the other run-rate measures are #VALUE!", () => {
    fc.assert(
      fc.property(nonNegativeAmount, amount, (annual, actual) => {
        expect(requiredRunRate(annual, actual, 0)).toBe(Math.max(annual - actual, 0) / 12);
        const badMonths = {
          kind: "invalidValue",
          error: "#VALUE!",
          message: "Months elapsed must be a whole number from 1 (April) to 12 (March); got 0.",
        };
        expect(achievedRunRate(actual, 0)).toEqual(badMonths);
        expect(runRateRatio(annual, actual, 0)).toEqual(badMonths);
        expect(forecastRunRate(actual, 0)).toEqual(badMonths);
      }),
    );
  });
});

describe("the required run rate is never negative", () => {
  it("max(annual − actual, 0) / (12 − k) for k 0..11; at 12 it is 0 when the plan is met, else #DIV/0!", () => {
    fc.assert(
      fc.property(nonNegativeAmount, amount, fc.integer({ min: 0, max: 12 }), (annual, actual, k) => {
        const r = requiredRunRate(annual, actual, k);
        if (k < 12) expect(r).toBe(Math.max(annual - actual, 0) / (12 - k));
        else if (actual >= annual) expect(r).toBe(0);
        else expect(r).toMatchObject({ kind: "divideByZero", error: "#DIV/0!" });
        if (typeof r === "number") expect(r).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("so a run-rate ratio that is a number is never negative", () => {
    fc.assert(
      fc.property(nonNegativeAmount, amount, fc.integer({ min: 1, max: 12 }), (annual, actual, k) => {
        const r = runRateRatio(annual, actual, k);
        if (typeof r === "number") expect(r).toBeGreaterThanOrEqual(0);
        if (actual >= annual && actual > 0) expect(r).toBe(0);
      }),
    );
  });
});

describe("arithmetic properties", () => {
  // Blank inputs are covered by the blank-propagation property above.
  it("shortfall ≥ 0 (YTD and forecast)", () => {
    fc.assert(
      fc.property(numNoBlank, numNoBlank, (a, b) => {
        for (const r of [ytdShortfall(a, b), forecastShortfall(a, b), ytdShortfallPct(a, b), forecastShortfallPct(a, b)]) {
          if (typeof r === "number") expect(r).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("variance = actual − plan", () => {
    fc.assert(
      fc.property(nonNegativeAmount, amount, (plan, actual) => {
        expect(ytdVariance(plan, actual)).toBe(actual - plan);
      }),
    );
  });

  it("shortfall = max(−variance, 0)", () => {
    fc.assert(
      fc.property(nonNegativeAmount, amount, (plan, actual) => {
        expect(ytdShortfall(plan, actual) === Math.max(-(ytdVariance(plan, actual) as number), 0)).toBe(true);
      }),
    );
  });

  it("delivery × plan = actual when delivery is defined", () => {
    fc.assert(
      fc.property(nonNegativeAmount, amount, (plan, actual) => {
        const d = ytdDeliveryPct(plan, actual);
        if (typeof d === "number") expect(close(d * plan, actual, 1e-12)).toBe(true);
        else expect(plan).toBe(0);
      }),
    );
  });

  it("progress × annual plan = actual when defined", () => {
    fc.assert(
      fc.property(nonNegativeAmount, amount, (annual, actual) => {
        const p = progressPct(annual, actual);
        if (typeof p === "number") expect(close(p * annual, actual, 1e-12)).toBe(true);
      }),
    );
  });

  it("RAGs never get better as the measure gets worse", () => {
    const rank = { Green: 0, Amber: 1, Red: 2 } as const;
    fc.assert(
      fc.property(fc.double({ min: -2, max: 3, noNaN: true }), fc.double({ min: -2, max: 3, noNaN: true }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const up = (v: number) => rank[ragHigherIsBetter(v, DEFAULT_SETTINGS.deliveryRag) as keyof typeof rank];
        const down = (v: number) => rank[ragLowerIsBetter(v, DEFAULT_SETTINGS.forecastShortfallRag) as keyof typeof rank];
        expect(up(lo)).toBeGreaterThanOrEqual(up(hi));
        expect(down(lo)).toBeLessThanOrEqual(down(hi));
      }),
    );
  });
});

describe("a row exactly on an evenly phased plan: all three forecasts equal the annual plan", () => {
  const check = (annual: number, k: number) => {
    const ytd = (annual * k) / 12;
    for (const f of [forecastRunRate(ytd, k), forecastRemainingPlan(annual, ytd, ytd), forecastDeliveryRatio(annual, ytd, ytd)]) {
      expect(typeof f).toBe("number");
      expect(close(f as number, annual)).toBe(true);
    }
    expect(forecastShortfallPct(annual, forecastDeliveryRatio(annual, ytd, ytd))).toBeCloseTo(0, 9);
  };

  it("any annual plan, 1 to 11 months in", () => {
    fc.assert(fc.property(positiveAmount, fc.integer({ min: 1, max: 11 }), check));
  });

  it("whole-pound annual plans, any month including 12", () => {
    const wholePounds = fc.double({ min: 1, max: 1e12, noNaN: true }).map(Math.round);
    fc.assert(fc.property(wholePounds, fc.integer({ min: 1, max: 12 }), check));
  });

  const even = (annual: number): Num[] => Array.from({ length: 12 }, () => annual / 12);
  const onPlanRow = (annual: number) => ({
    ...emptyRowInput(),
    annualPlan: annual,
    planMonths: even(annual),
    actualMonths: even(annual),
  });

  it("through analyseRow with monthly phasing and actuals, 1 to 11 months in: on plan, green", () => {
    fc.assert(
      fc.property(positiveAmount, fc.integer({ min: 1, max: 11 }), (annual, k) => {
        const r = analyseRow(onPlanRow(annual), { ...DEFAULT_SETTINGS, monthsElapsed: k }, false);
        for (const f of [r.forecastRunRate, r.forecastRemainingPlan, r.forecastDeliveryRatio]) {
          expect(typeof f).toBe("number");
          expect(close(f as number, annual)).toBe(true);
        }
        expect(r.deliveryRag).toBe("Green");
        expect(r.forecastRag).toBe("Green");
        expect(r.flags & FLAGS.BEHIND_PLAN).toBe(0);
      }),
    );
  });

  it("through analyseRow at month 12", () => {
    fc.assert(
      fc.property(positiveAmount, (annual) => {
        const r = analyseRow(onPlanRow(annual), { ...DEFAULT_SETTINGS, monthsElapsed: 12 }, false);
        for (const f of [r.forecastRunRate, r.forecastRemainingPlan, r.forecastDeliveryRatio]) {
          expect(typeof f).toBe("number");
          expect(close(f as number, annual)).toBe(true);
        }
      }),
      { examples: [[0.7], [1.3], [5.95]] },
    );
  });
});

describe("analyseRow over arbitrary rows", () => {
  it("never throws; well-formed results; shortfalls ≥ 0; variance = actual − plan; DISTRESS iff all three", () => {
    fc.assert(
      fc.property(rowOf(num, monthsOrNull), settings, fc.boolean(), (row, s, hasForecast) => {
        checkRow(analyseRow(row, s, hasForecast));
      }),
      { numRuns: 1000 },
    );
  });

  it("the same with every double (extremes included) in the cells", () => {
    const n2 = anyCell.map((c) => readCell(c));
    fc.assert(
      fc.property(
        rowOf(n2, fc.option(fc.array(n2, { minLength: 12, maxLength: 12 }), { nil: null })),
        settings,
        fc.boolean(),
        (row, s, hasForecast) => {
          checkRow(analyseRow(row, s, hasForecast));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("every number is finite when no input is blank", () => {
    fc.assert(
      fc.property(
        rowOf(numNoBlank, fc.option(fc.array(numNoBlank, { minLength: 12, maxLength: 12 }), { nil: null })),
        settings,
        fc.boolean(),
        (row, s, hasForecast) => {
          const r = analyseRow(row, s, hasForecast);
          for (const name of METRIC_NAMES) expect(isFiniteIfNumber(r[name]), name).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("every number is finite, whatever the cells (blanks, problems and extreme doubles included)", () => {
    const n2 = anyCell.map((c) => readCell(c));
    fc.assert(
      fc.property(
        rowOf(n2, fc.option(fc.array(n2, { minLength: 12, maxLength: 12 }), { nil: null })),
        settings,
        fc.boolean(),
        (row, s, hasForecast) => {
          const r = analyseRow(row, s, hasForecast);
          for (const name of METRIC_NAMES) {
            expect(isFiniteIfNumber(r[name]), name).toBe(true);
          }
        },
      ),
      {
        numRuns: 1000,
        examples: [
          [
            { ...emptyRowInput(), annualPlan: 1.7e308, ytdPlan: 5e-324, ytdActual: -1.7e308, turnover: 5e-324 },
            DEFAULT_SETTINGS,
            false,
          ],
        ],
      },
    );
  });

  it("every number is finite (blanks included)", () => {
    fc.assert(
      fc.property(rowOf(num, monthsOrNull), settings, fc.boolean(), (row, s, hasForecast) => {
        const r = analyseRow(row, s, hasForecast);
        for (const name of METRIC_NAMES) expect(isFiniteIfNumber(r[name]), name).toBe(true);
      }),
      { numRuns: 1000, examples: [[emptyRowInput(), DEFAULT_SETTINGS, false]] },
    );
  });

  it("a RAG is blank exactly when its metric is blank, and a problem exactly when it is a problem", () => {
    fc.assert(
      fc.property(rowOf(num, monthsOrNull), settings, fc.boolean(), (row, s, hasForecast) => {
        const r = analyseRow(row, s, hasForecast);
        const pairs: [unknown, unknown][] = [
          [r.deliveryRag, r.deliveryPct],
          [r.forecastRag, r.forecastShortfallPct],
          [r.cipOfTurnoverRag, r.cipOfTurnover],
          [r.nonRecurrentRag, r.nonRecurrentShare],
          [r.unidentifiedRag, r.unidentifiedShare],
          [r.h2ShareRag, r.h2Share],
          [r.runRateRag, r.runRateRatio],
        ];
        for (const [rag, metric] of pairs) {
          if (metric === null || isProblem(metric)) expect(rag).toBe(metric);
          else expect(RAG_VALUES.has(rag as string)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reusing the result object gives the same result as a fresh one", () => {
    fc.assert(
      fc.property(rowOf(num, monthsOrNull), rowOf(num, monthsOrNull), settings, (a, b, s) => {
        const out = analyseRow(a, s, true);
        expect(analyseRow(b, s, true, out)).toEqual(analyseRow(b, s, true));
      }),
      { numRuns: 300 },
    );
  });
});

describe("resolveSettings over arbitrary input", () => {
  it("never throws; either valid settings or at least one problem with a message", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record(
            {
              monthsElapsed: fc.oneof(fc.integer({ min: -2, max: 14 }), fc.double(), fc.string()),
              forecastMethod: fc.oneof(fc.constantFrom(...FORECAST_METHODS), fc.string()),
              worstCount: fc.oneof(fc.integer({ min: -1, max: 1001 }), fc.double()),
              deliveryRag: fc.record({ greenAt: fc.double(), amberAt: fc.double() }, { requiredKeys: [] }),
              underFifthBelow: fc.double(),
            },
            { requiredKeys: [] },
          ),
        ),
        (input) => {
          const r = resolveSettings(input);
          if (r.ok) {
            const s = r.settings;
            expect(Number.isInteger(s.monthsElapsed) && s.monthsElapsed >= 1 && s.monthsElapsed <= 12).toBe(true);
            expect(FORECAST_METHODS).toContain(s.forecastMethod);
            expect(s.deliveryRag.amberAt).toBeLessThanOrEqual(s.deliveryRag.greenAt);
            expect(s.underFifthBelow > 0 && s.underFifthBelow <= 1).toBe(true);
            expect(Number.isInteger(s.worstCount) && s.worstCount >= 1).toBe(true);
          } else {
            expect(r.problems.length).toBeGreaterThan(0);
            for (const p of r.problems) expect(p.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
