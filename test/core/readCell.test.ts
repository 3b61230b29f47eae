import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXCEL_ERRORS, isProblem, type Problem } from "../../src/core/problem";
import { parseNumberText, parseNumberTextByPattern, readCell } from "../../src/core/readCell";

const LABEL = "YTD plan in row 7";

describe("readCell: numbers", () => {
  it.each([
    [0, 0],
    [544, 544],
    [1234.5, 1234.5],
    [-79, -79],
    [0.125, 0.125],
    [1e15, 1e15],
  ])("a finite number %s is itself", (input, expected) => {
    expect(readCell(input)).toBe(expected);
  });

  it("-0 reads as a number equal to zero", () => {
    const r = readCell(-0);
    expect(typeof r).toBe("number");
    expect(r === 0).toBe(true);
  });

  it.each([
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
  ])("the non-finite number %s is a problem, not a number", (input, shown) => {
    expect(readCell(input, LABEL)).toEqual({
      kind: "notANumber",
      error: "#NUM!",
      message: `YTD plan in row 7 is ${shown}, not a finite number.`,
    });
  });
});

describe("readCell: blanks", () => {
  it.each([
    ["the empty string", ""],
    ["null", null],
    ["undefined", undefined],
    ["spaces only", "   "],
    ["a tab and a newline", "\t\n"],
  ])("%s is a blank (null)", (_name, input) => {
    expect(readCell(input)).toBeNull();
  });
});

describe("readCell: booleans", () => {
  it("TRUE is a #VALUE! problem that names the value", () => {
    expect(readCell(true, LABEL)).toEqual({
      kind: "notANumber",
      error: "#VALUE!",
      message: "YTD plan in row 7 is the logical value TRUE, not a number.",
    });
  });

  it("FALSE is a #VALUE! problem (never 0)", () => {
    expect(readCell(false, LABEL)).toEqual({
      kind: "notANumber",
      error: "#VALUE!",
      message: "YTD plan in row 7 is the logical value FALSE, not a number.",
    });
  });
});

describe("readCell: Excel errors stay that error", () => {
  it.each(EXCEL_ERRORS.map((e) => [e]))("the error string %s", (code) => {
    expect(readCell(code, LABEL)).toEqual({
      kind: "excelError",
      error: code,
      message: `YTD plan in row 7 is the error ${code}.`,
    });
  });

  it("an error string with surrounding spaces is still that error", () => {
    expect(readCell("  #N/A ", LABEL)).toMatchObject({ kind: "excelError", error: "#N/A" });
  });

  it.each([["#N/A"], ["#DIV/0!"], ["#REF!"], ["#VALUE!"]])("an error object with code %s (custom functions)", (code) => {
    expect(readCell({ code, type: "x" }, LABEL)).toEqual({
      kind: "excelError",
      error: code,
      message: `YTD plan in row 7 is the error ${code}.`,
    });
  });

  it("an object whose code is not an Excel error is not a number", () => {
    expect(readCell({ code: "#NOPE" }, LABEL)).toEqual({
      kind: "notANumber",
      error: "#VALUE!",
      message: "YTD plan in row 7 is not a number (an object).",
    });
  });
});

describe("readCell: other values", () => {
  it("an array is a #VALUE! problem", () => {
    expect(readCell([1, 2], LABEL)).toEqual({
      kind: "notANumber",
      error: "#VALUE!",
      message: "YTD plan in row 7 is not a number (a list of values).",
    });
  });

  it("a plain object is a #VALUE! problem", () => {
    expect(readCell({ value: 5 }, LABEL)).toMatchObject({ kind: "notANumber", error: "#VALUE!" });
  });

  it("the default label is 'Value'", () => {
    expect(readCell("abc")).toEqual({
      kind: "notANumber",
      error: "#VALUE!",
      message: 'Value is the text "abc", not a number.',
    });
  });
});

describe("readCell: text an analyst reads as a number", () => {
  it.each<[string, number]>([
    ["544", 544],
    [" 12.5 ", 12.5],
    ["\t79\n", 79],
    ["£1,234", 1234],
    ["£ 1,234", 1234],
    ["1,234.5", 1234.5],
    ["1,234,567.89", 1234567.89],
    ["(1,234)", -1234],
    ["( 79 )", -79],
    ["  (79)  ", -79],
    ["(£1,234.50)", -1234.5],
    ["£(1,234)", -1234],
    ["-1,234", -1234],
    ["- 5", -5],
    ["-£5", -5],
    ["£-5", -5],
    ["\u22125", -5],
    ["12.5%", 0.125],
    ["12.5 %", 0.125],
    ["100%", 1],
    ["-12.5%", -0.125],
    ["(12.5)%", -0.125],
    ["0", 0],
    [".5", 0.5],
    ["12.", 12],
    ["0.25", 0.25],
  ])("%j is %s", (text, expected) => {
    expect(readCell(text)).toBe(expected);
    expect(parseNumberText(text)).toBe(expected);
  });
});

describe("readCell: text that is not a number", () => {
  it.each([
    ["abc"],
    ["12abc"],
    ["1,23"],
    ["1,2345"],
    ["12,34,567"],
    ["12 5"],
    ["1.2.3"],
    ["--5"],
    ["(-5)"],
    ["((5))"],
    ["(5"],
    ["5)"],
    ["5-"],
    ["£"],
    ["%"],
    ["-"],
    ["()"],
    ["1e5"],
    ["Infinity"],
    ["NaN"],
    ["0x10"],
    ["£5£"],
    ["5£"],
    ["12.5%%"],
    ["TRUE"],
    ["n/a"],
    ["#n/a"],
  ])("%j is a #VALUE! problem that quotes the text", (text) => {
    expect(readCell(text, LABEL)).toEqual({
      kind: "notANumber",
      error: "#VALUE!",
      message: `YTD plan in row 7 is the text "${text.trim()}", not a number.`,
    });
    expect(parseNumberText(text)).toBeUndefined();
  });

  it("long text is clipped in the message", () => {
    const text = "this is a scheme description that is far too long to quote in full";
    const r = readCell(text, LABEL) as Problem;
    expect(isProblem(r)).toBe(true);
    expect(r.message).toBe('YTD plan in row 7 is the text "this is a scheme description that is ...", not a number.');
  });

  it("text whose value overflows a double is a problem, not Infinity", () => {
    const r = readCell("1" + "0".repeat(400), LABEL);
    expect(isProblem(r)).toBe(true);
    expect(r).toEqual({
      kind: "notANumber",
      error: "#VALUE!",
      message: `YTD plan in row 7 is the text "${"1" + "0".repeat(36)}...", not a number.`,
    });
  });

  it.each([
    ["1" + "0".repeat(400)],
    ["-1" + "0".repeat(400)],
    ["£1" + "0".repeat(400)],
    ["(1" + "0".repeat(400) + ")"],
    ["1" + "0".repeat(400) + "%"],
    ["1" + ",000".repeat(134)],
  ])("overflowing text %# is never read as a number", (text) => {
    expect(parseNumberText(text)).toBeUndefined();
    expect(readCell(text, LABEL)).toMatchObject({ kind: "notANumber", error: "#VALUE!" });
  });

  it("the largest numbers a double holds, written out in full, still read", () => {
    expect(readCell("1" + "0".repeat(308))).toBe(1e308);
    expect(readCell("-1" + "0".repeat(308))).toBe(-1e308);
  });

  // Excel's "0.0%;(0.0%)" format shows a negative percentage this way.
  it("an accounting-negative percentage (12.5%) reads as -0.125", () => {
    expect(readCell("(12.5%)")).toBe(-0.125);
    expect(parseNumberText("(12.5%)")).toBe(-0.125);
    expect(readCell(" ( 12.5 % ) ")).toBe(-0.125);
  });
});

// parseNumberText scans the common shapes ("1,234.5", "£1,200", "(12)") before it tries the full
// pattern: the scan must never take text the pattern refuses, nor read any differently.
describe("parseNumberText: the scan for common shapes agrees with the full pattern", () => {
  const piece = fc.constantFrom(
    "0",
    "1",
    "7",
    "12",
    "123",
    "1234",
    ",",
    ".",
    "£",
    "(",
    ")",
    "-",
    "+",
    "%",
    " ",
    "000",
    "\u2212",
    "e",
  );
  const text = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(""));
  const amount = fc
    .tuple(fc.double({ min: -1e16, max: 1e16, noNaN: true }), fc.constantFrom("plain", "grouped", "paren", "pound"))
    .map(([x, shape]) => {
      const grouped = Math.abs(x).toLocaleString("en-GB", { maximumFractionDigits: 20 });
      if (shape === "plain") return String(x);
      if (shape === "grouped") return (x < 0 ? "-" : "") + grouped;
      return shape === "paren" ? `(${grouped})` : `£${grouped}`;
    });

  it("on random text and amounts", () => {
    fc.assert(
      fc.property(fc.oneof(text, amount), (t) => {
        expect([t, parseNumberText(t)]).toEqual([t, parseNumberTextByPattern(t.trim())]);
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    "1,234.5",
    "£1,200",
    "(1,234)",
    "-0",
    "(0)",
    "12.",
    "0.10",
    "999999999999999",
    "9999999999999999.5",
    "1,23",
    "1234,567",
  ])("on %s", (t) => expect(parseNumberText(t)).toEqual(parseNumberTextByPattern(t)));
});
