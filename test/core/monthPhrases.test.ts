import { describe, it, expect } from "vitest";
import { ACTUAL_MONTH_FIELDS, PLAN_MONTH_FIELDS } from "../../src/core/fields";
import { findMonths, monthToDateIn } from "../../src/core/monthPhrases";
import { headerTokens } from "../../src/core/normaliseHeader";
import { recogniseColumns } from "../../src/core/recogniseColumns";
import { fieldOf } from "../support/recognition";

const MONTH_NAMES = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
const FULL_MONTH_NAMES = [
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
  "January",
  "February",
  "March",
];

describe("monthly columns", () => {
  const forms = (name: string, full: string, i: number) => [
    name,
    full,
    name.toUpperCase(),
    `${name}-11`,
    `${name} 2011`,
    `${full} 2011`,
    `${name}'11`,
    `${name}11`,
    `${name} 2011/12`,
    `M${i + 1}`,
    `m${i + 1}`,
    `Month ${i + 1}`,
    `Plan ${name}`,
    `${name} plan`,
    `Phasing ${name}`,
    `M${i + 1} plan`,
    `Plan M${i + 1}`,
    `${name} £k`,
    `CIP plan ${name}`,
    `Planned savings ${full}`,
    `${name} plan (revised)`,
  ];
  const planCases = MONTH_NAMES.flatMap((name, i) =>
    forms(name, FULL_MONTH_NAMES[i], i).map((header) => [header, PLAN_MONTH_FIELDS[i]] as const),
  );
  it.each(planCases)("%j is %s", (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  const actualCases = MONTH_NAMES.flatMap((name, i) =>
    [
      `Actual ${name}`,
      `${name} actual`,
      `M${i + 1} actual`,
      `${name} A`,
      `Actual M${i + 1}`,
      `${name} act`,
      `Delivered ${name}`,
      `${name} achieved`,
      `Actual month ${i + 1} £k`,
    ].map((header) => [header, ACTUAL_MONTH_FIELDS[i]] as const),
  );
  it.each(actualCases)("%j is %s", (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it("reads month numbers as whole numbers: Month 12 is M12, not M1", () => {
    expect(fieldOf("Month 12")).toBe("planM12");
    expect(fieldOf("Month 1")).toBe("planM1");
    expect(fieldOf("M12")).toBe("planM12");
    expect(fieldOf("M10 actual")).toBe("actualM10");
    expect(fieldOf("M01")).toBe("planM1");
    expect(fieldOf("Period 7")).toBe("planM7");
    expect(fieldOf("Month 13")).toBe(undefined);
    expect(fieldOf("M0")).toBe(undefined);
  });

  it("matches months only as whole words", () => {
    for (const header of [
      "Margin",
      "Mayor",
      "Marginal gain",
      "Decision",
      "Junior",
      "Augmented",
      "Octave",
      "Septic",
      "Month",
      "Marches",
    ]) {
      const field = fieldOf(header);
      expect([header, field && (PLAN_MONTH_FIELDS as readonly string[]).includes(field)]).not.toEqual([header, true]);
    }
    expect(fieldOf("Margin")).toBe(undefined);
    expect(fieldOf("May")).toBe("planM2");
    expect(fieldOf("Mar")).toBe("planM12");
  });

  it("maps a whole year of month headers to full phasing", () => {
    for (const months of [
      MONTH_NAMES,
      FULL_MONTH_NAMES,
      MONTH_NAMES.map((_, i) => `M${i + 1}`),
      MONTH_NAMES.map((_, i) => `Month ${i + 1}`),
    ]) {
      const mapping = recogniseColumns(months);
      expect(mapping.hasFullPhasing).toBe(true);
      expect(PLAN_MONTH_FIELDS.map((f) => mapping.columns[f])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    }
  });

  it("reads plan and actual months side by side", () => {
    const header = [...MONTH_NAMES.map((m) => `Plan ${m}`), ...MONTH_NAMES.map((m) => `Actual ${m}`)];
    const mapping = recogniseColumns(header);
    expect(mapping.hasFullPhasing).toBe(true);
    expect(ACTUAL_MONTH_FIELDS.map((f) => mapping.columns[f])).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(mapping.messages).toEqual([
      "Columns A to X state no unit and no other column does, so amounts are read as £ (pounds); if they are in £k or £m, set the unit.",
    ]);
  });

  it("reads Excel date serials as months (Apr-11 to Mar-12)", () => {
    // First of each month from April 2011: the values Excel gives for headers formatted "Apr-11".
    const serials = [40634, 40664, 40695, 40725, 40756, 40787, 40817, 40848, 40878, 40909, 40940, 40969];
    const mapping = recogniseColumns(["Trust", ...serials]);
    expect(mapping.hasFullPhasing).toBe(true);
    expect(PLAN_MONTH_FIELDS.map((f) => mapping.columns[f])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(mapping.unmapped).toEqual([]);
    // Any day of the month names the month; so does a month of any year.
    expect(fieldOf(40663)).toBe("planM1"); // 30 April 2011
    expect(fieldOf(45382)).toBe("planM12"); // 31 March 2024
    expect(fieldOf(45352)).toBe("planM12"); // 1 March 2024, after a leap day
  });

  it("reads period numbers 1-12 as months of the financial year", () => {
    expect(fieldOf(1)).toBe("planM1");
    expect(fieldOf(12)).toBe("planM12");
    const mapping = recogniseColumns(["Trust", ...Array.from({ length: 12 }, (_, m) => m + 1)]);
    expect(mapping.hasFullPhasing).toBe(true);
    expect(mapping.duplicates).toEqual([]);
  });

  it("reads only serials from 1990 to 2099 as dates", () => {
    expect(fieldOf(32874)).toBe("planM10"); // 1 January 1990
    expect(fieldOf(73415)).toBe("planM9"); // 31 December 2099
    for (const value of [13, 59, 2011, 32873, 73416, 2958465]) expect(fieldOf(value)).toBe(undefined);
  });

  it("does not read other numbers as dates", () => {
    for (const value of [0, -40634, 40634.5, 2958466, NaN, Infinity]) expect(fieldOf(value)).toBe(undefined);
    expect(recogniseColumns([40634.5]).unmapped).toEqual([{ index: 0, header: "40634.5" }]);
  });

  it("names a date column by its month in messages", () => {
    const mapping = recogniseColumns([40634, "Apr"]);
    expect(mapping.duplicates).toEqual([
      {
        field: "planM1",
        indices: [0, 1],
        chosen: 0,
        message: 'Columns A (Apr 2011) and B "Apr" both look like Plan Apr; column A is used because it comes first.',
      },
    ]);
  });

  it("reads a month next to another field as that field as at the month", () => {
    expect(fieldOf("YTD plan M6")).toBe("ytdPlan");
    expect(fieldOf("M6 YTD actual £k")).toBe("ytdActual");
    expect(fieldOf("Plan to date (Sep-11)")).toBe("ytdPlan");
    expect(fieldOf("FOT M6")).toBe("forecast");
    expect(fieldOf("Forecast outturn as at Sep")).toBe("forecast");
    expect(fieldOf("RAG M6")).toBe("risk");
    expect(fieldOf("YTD Apr")).toBe(undefined);
  });

  it("does not read a monthly series of another measure as any field", () => {
    const mapping = recogniseColumns(["Trust", "Forecast", ...MONTH_NAMES.map((m) => `Forecast ${m}`)]);
    expect(mapping.columns).toEqual({ organisation: 0, forecast: 1 });
    expect(mapping.unmapped.map((u) => u.index)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(mapping.messages[0]).toBe(
      'Column C "Forecast Apr" looks like one month of a monthly series that CIP Analyst does not read, so it is not used.',
    );
  });

  it("reads a span of months as the year only when it is the whole year", () => {
    expect(fieldOf("Apr-Mar plan")).toBe("annualPlan");
    expect(fieldOf("Apr-Sep plan")).toBe(undefined);
    expect(fieldOf("M1-M6 actual")).toBe(undefined);
  });

  it("says which plan months are missing", () => {
    const mapping = recogniseColumns(MONTH_NAMES.slice(0, 10));
    expect(mapping.hasFullPhasing).toBe(false);
    expect(mapping.messages).toContain("Plan phasing was found for only 10 of the 12 months; Feb and Mar are missing.");
  });
});

describe("findMonths", () => {
  it("finds named and numbered months in order, with the tokens that name them", () => {
    const tokens = headerTokens("Plan Apr11 to M6");
    expect(findMonths(tokens)).toEqual({
      months: new Set([1, 6]),
      used: new Set([1, 3]),
      mentions: [
        { month: 1, named: true },
        { month: 6, named: false },
      ],
    });
  });

  it("reads period numbers as finance teams write them", () => {
    for (const header of [
      "M6",
      "M 6",
      "M06",
      "Mth 6",
      "Mth6",
      "Month 6",
      "Month6",
      "Month 06",
      "Period 6",
      "Period6",
      "P6",
      "P 6",
      "P06",
    ]) {
      expect(findMonths(headerTokens(header)).mentions, header).toEqual([{ month: 6, named: false }]);
    }
  });
});

describe("monthToDateIn", () => {
  it("takes a period number anywhere in a header", () => {
    expect(monthToDateIn("YTD actual M6")).toBe(6);
    expect(monthToDateIn("Actual to P9")).toBe(9);
  });

  it("takes a month name only in a header about a period to date", () => {
    expect(monthToDateIn("YTD plan to Sept")).toBe(6);
    expect(monthToDateIn("Cumulative actual March")).toBe(12);
    expect(monthToDateIn("Plan May")).toBeNull();
  });

  it("is null for a header with no month of the year", () => {
    expect(monthToDateIn("YTD actual")).toBeNull();
    expect(monthToDateIn("YTD actual M13")).toBeNull();
  });
});
