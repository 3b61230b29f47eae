import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  ACTUAL_MONTH_FIELDS,
  ALL_FIELDS,
  HEADER_WORDS,
  MONTHS,
  PLAN_MONTH_FIELDS,
  isTextField,
  type Field,
} from "../../src/core/fields";
import {
  columnLetter,
  excelSerialDate,
  financialMonth,
  recogniseColumns,
  type ColumnMapping,
} from "../../src/core/recogniseColumns";

/** The field a header alone in a row is recognised as. */
const fieldOf = (header: unknown): Field | undefined => {
  const { columns } = recogniseColumns([header]);
  const fields = Object.keys(columns) as Field[];
  return fields.length === 1 ? fields[0] : undefined;
};

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

describe("columnLetter", () => {
  it.each([
    [0, "A"],
    [1, "B"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("%i -> %s", (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });

  it("gives '' for something that is not a column index", () => {
    for (const index of [-1, 1.5, NaN, Infinity]) expect(columnLetter(index)).toBe("");
  });

  it("is the inverse of reading the letters as bijective base 26", () => {
    const decode = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (index) => {
        const letters = columnLetter(index);
        expect(letters).toMatch(/^[A-Z]+$/);
        expect(decode(letters)).toBe(index);
      }),
    );
  });
});

describe("excelSerialDate", () => {
  it.each([
    [1, 1900, 1, 1],
    [59, 1900, 2, 28],
    [60, 1900, 2, 29], // Excel's fake leap day
    [61, 1900, 3, 1],
    [367, 1901, 1, 1],
    [25569, 1970, 1, 1],
    [36526, 2000, 1, 1],
    [40634, 2011, 4, 1],
    [40969, 2012, 3, 1],
    [45351, 2024, 2, 29],
    [2958465, 9999, 12, 31],
  ])("%i is %i-%i-%i", (serial, year, month, day) => {
    expect(excelSerialDate(serial)).toEqual({ year, month, day });
  });

  it("is null for numbers that are not date serials", () => {
    for (const serial of [0, -1, 2958466, 40634.5, NaN, Infinity]) expect(excelSerialDate(serial)).toBe(null);
  });

  it("agrees with the UTC calendar for every serial after the fake leap day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const utc = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
        expect(excelSerialDate(serial)).toEqual({
          year: utc.getUTCFullYear(),
          month: utc.getUTCMonth() + 1,
          day: utc.getUTCDate(),
        });
      }),
    );
  });

  it("financialMonth makes April month 1 and March month 12", () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3].map(financialMonth)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe("header words from cip-domain.md", () => {
  // The table "Typical tracker columns and the header words analysts use", word for word.
  const table: [Field, string[]][] = [
    ["organisation", ["Trust", "Organisation", "Org", "Provider", "Commissioner", "CCG", "PCT", "Org name"]],
    ["orgCode", ["Org code", "ODS code", "Trust code"]],
    ["group", ["Region", "Cluster", "ICS", "STP", "System", "SHA", "Sector"]],
    ["scheme", ["Scheme", "Project", "Initiative", "CIP scheme", "QIPP scheme"]],
    ["category", ["Workstream", "Theme", "Category", "Programme", "POD", "Point of delivery"]],
    [
      "annualPlan",
      ["Annual plan", "Plan", "Target", "Full year plan", "In year plan", "CIP target", "QIPP target", "Planned saving"],
    ],
    ["ytdPlan", ["YTD plan", "Year to date plan", "Plan to date", "Cumulative plan"]],
    ["ytdActual", ["YTD actual", "Year to date actual", "Actual to date", "Delivered", "Achieved", "Savings to date"]],
    ["forecast", ["Forecast", "FOT", "Forecast outturn", "Year end forecast", "Projected"]],
    ["recurrent", ["Recurrent", "Rec"]],
    ["nonRecurrent", ["Non-recurrent", "Non recurrent", "NR", "One-off"]],
    ["unidentified", ["Unidentified", "Gap", "To be identified", "Unidentified savings"]],
    ["turnover", ["Turnover", "Income", "Operating expenditure", "Opex", "Allocation", "Resources"]],
    ["surplusDeficit", ["Surplus/(deficit)", "Surplus", "Deficit", "I&E", "Net position"]],
    ["risk", ["RAG", "Risk", "Confidence", "Risk rating"]],
  ];
  const rows = table.flatMap(([field, words]) => words.map((word) => [word, field] as const));

  it.each(rows)("%j is %s", (word, field) => {
    expect(fieldOf(word)).toBe(field);
  });

  it.each(rows)("%j is %s in any case, spacing and punctuation", (word, field) => {
    expect(fieldOf(word.toUpperCase())).toBe(field);
    expect(fieldOf(`  ${word.toLowerCase().replace(/ /g, "   ")}  `)).toBe(field);
    expect(fieldOf(`${word}:`)).toBe(field);
  });

  it.each(rows.filter(([, field]) => !isTextField(field)))("%j is %s with a unit stated", (word, field) => {
    for (const [header, unit] of [
      [`${word} £k`, "£k"],
      [`(£000) ${word}`, "£k"],
      [`${word} (£m)`, "£m"],
      [`${word} £`, "£"],
    ] as const) {
      const mapping = recogniseColumns([header]);
      expect(mapping.columns).toEqual({ [field]: 0 });
      expect(mapping.units).toEqual({ [field]: unit });
    }
  });

  it.each(rows)("%j is %s with a financial year in it", (word, field) => {
    expect(fieldOf(`${word} 2011/12`)).toBe(field);
    expect(fieldOf(`${word} 11-12`)).toBe(field);
  });

  it("'ICB' is both an organisation and a group, so alone it is ambiguous", () => {
    const mapping = recogniseColumns(["ICB"]);
    expect(mapping.columns).toEqual({});
    expect(mapping.ambiguous).toEqual([
      {
        index: 0,
        header: "ICB",
        candidates: ["organisation", "group"],
        chosen: null,
        message:
          'Column A "ICB" could be Organisation or Group, and nothing else in the header row decides which, so it is not used; choose its field yourself to use it.',
      },
    ]);
  });

  it("every word in HEADER_WORDS is its field's (ICB apart, which is two fields')", () => {
    for (const [field, words] of Object.entries(HEADER_WORDS)) {
      for (const word of words) if (word !== "ICB") expect([word, fieldOf(word)]).toEqual([word, field]);
    }
  });

  it("reads the punctuation variants analysts type", () => {
    expect(recogniseColumns(["Plan £k"]).columns).toEqual({ annualPlan: 0 });
    expect(recogniseColumns(["(£000) YTD actual"]).units).toEqual({
      ytdActual: "£k",
    });
    const surplus = recogniseColumns(["Surplus/(deficit) £m"]);
    expect(surplus.columns).toEqual({ surplusDeficit: 0 });
    expect(surplus.units).toEqual({ surplusDeficit: "£m" });
    for (const header of [
      "I&E",
      "I & E",
      "I and E",
      "i&e £k",
      "Income & expenditure",
      "I&E surplus/(deficit)",
      "Surplus / (Deficit)",
      "Surplus (deficit)",
    ]) {
      expect([header, fieldOf(header)]).toEqual([header, "surplusDeficit"]);
    }
    expect(fieldOf("Non - recurrent £'000s")).toBe("nonRecurrent");
    expect(fieldOf("Forecast\nOutturn\n(£m)")).toBe("forecast");
  });

  it("prefers the header word with the most words in it", () => {
    expect(fieldOf("YTD plan £k")).toBe("ytdPlan");
    expect(fieldOf("Forecast outturn (£m)")).toBe("forecast");
    expect(fieldOf("CIP target 2011/12")).toBe("annualPlan");
    expect(fieldOf("Revised CIP plan")).toBe("annualPlan");
    expect(fieldOf("Non recurrent savings")).toBe("nonRecurrent");
    expect(fieldOf("Total operating income")).toBe("turnover");
    expect(fieldOf("Income and expenditure position")).toBe("surplusDeficit");
  });

  it("reads an amount qualified by whose it is as the amount, and a label by its specific word", () => {
    expect(fieldOf("Trust plan")).toBe("annualPlan");
    expect(fieldOf("Trust's plan")).toBe("annualPlan");
    expect(fieldOf("Provider income")).toBe("turnover");
    expect(fieldOf("Risk adjusted forecast")).toBe("forecast");
    expect(fieldOf("Region name")).toBe("group");
    expect(fieldOf("Project name")).toBe("scheme");
    expect(fieldOf("CCG code")).toBe("orgCode");
  });

  it("does not take calculated measures for inputs", () => {
    for (const header of [
      "Variance",
      "YTD variance £k",
      "Variance to plan",
      "Shortfall",
      "% delivered",
      "Delivered %",
      "Delivery rate",
      "Plan vs actual",
      "Prior year outturn",
      "Q1 plan",
      "H2 plan",
      "Forecast variance",
    ]) {
      const mapping = recogniseColumns([header]);
      expect([header, mapping.columns]).toEqual([header, {}]);
      expect(mapping.unmapped).toEqual([{ index: 0, header }]);
    }
    expect(recogniseColumns(["Variance"]).messages).toContain(
      'Column A "Variance" looks like a calculated measure (a variance, percentage, comparison or part of the year), not an input, so it is not used.',
    );
  });

  it("leaves headers it does not know unmapped, and says so", () => {
    const mapping = recogniseColumns(["Trust", "Comments", "Lead"]);
    expect(mapping.unmapped).toEqual([
      { index: 1, header: "Comments" },
      { index: 2, header: "Lead" },
    ]);
    expect(mapping.messages).toEqual([
      'Column B "Comments" was not recognised, so it is not used.',
      'Column C "Lead" was not recognised, so it is not used.',
    ]);
  });

  it("says an Excel error in the header row is not a header", () => {
    const mapping = recogniseColumns(["Trust", "#REF!"]);
    expect(mapping.unmapped).toEqual([{ index: 1, header: "#REF!" }]);
    expect(mapping.messages).toEqual(['Column B "#REF!" is an Excel error, not a header, so it is not used.']);
  });
});

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

describe("ambiguous headers", () => {
  it("'ICB' is the group when another column is plainly the organisation", () => {
    const mapping = recogniseColumns(["Trust", "ICB", "Annual plan"]);
    expect(mapping.columns).toEqual({
      organisation: 0,
      group: 1,
      annualPlan: 2,
    });
    expect(mapping.ambiguous).toEqual([
      {
        index: 1,
        header: "ICB",
        candidates: ["organisation", "group"],
        chosen: "group",
        message: 'Column B "ICB" could be Organisation or Group; it is taken as Group because column A "Trust" is Organisation.',
      },
    ]);
    expect(mapping.messages).toContain(mapping.ambiguous[0].message);
  });

  it("'ICB' is the organisation when another column is plainly the group", () => {
    const mapping = recogniseColumns(["Region", "ICB", "QIPP target £m"]);
    expect(mapping.columns).toEqual({
      group: 0,
      organisation: 1,
      annualPlan: 2,
    });
    expect(mapping.ambiguous[0].chosen).toBe("organisation");
    expect(mapping.ambiguous[0].message).toBe(
      'Column B "ICB" could be Organisation or Group; it is taken as Organisation because column A "Region" is Group.',
    );
  });

  it("chooses nothing when both fields are already plain elsewhere", () => {
    const mapping = recogniseColumns(["Trust", "Region", "ICB"]);
    expect(mapping.columns).toEqual({ organisation: 0, group: 1 });
    expect(mapping.ambiguous).toEqual([
      {
        index: 2,
        header: "ICB",
        candidates: ["organisation", "group"],
        chosen: null,
        message:
          'Column C "ICB" could be Organisation or Group, but column A "Trust" is Organisation and column B "Region" is Group, so it is not used.',
      },
    ]);
    expect(mapping.unmapped).toEqual([]);
  });

  it("chooses nothing when the row does not decide", () => {
    const mapping = recogniseColumns(["ICB", "ICB name", "Plan £k"]);
    expect(mapping.columns).toEqual({ annualPlan: 2 });
    expect(mapping.ambiguous.map((a) => [a.index, a.chosen])).toEqual([
      [0, null],
      [1, null],
    ]);
    expect(mapping.messages).toEqual([
      'Column A "ICB" could be Organisation or Group, and nothing else in the header row decides which, so it is not used; choose its field yourself to use it.',
      'Column B "ICB name" could be Organisation or Group, and nothing else in the header row decides which, so it is not used; choose its field yourself to use it.',
    ]);
  });

  it("takes the analyst's choices as context", () => {
    const chosen = recogniseColumns(["ICB", "Name"], {
      fields: { organisation: 1 },
    });
    expect(chosen.columns).toEqual({ organisation: 1, group: 0 });
    expect(chosen.ambiguous[0].message).toBe(
      'Column A "ICB" could be Organisation or Group; it is taken as Group because you chose column B "Name" for Organisation.',
    );

    const vetoed = recogniseColumns(["ICB"], { fields: { group: null } });
    expect(vetoed.columns).toEqual({ organisation: 0 });
    expect(vetoed.ambiguous[0].message).toBe(
      'Column A "ICB" could be Organisation or Group; it is taken as Organisation because you chose not to use Group.',
    );
  });
});

describe("duplicates", () => {
  it("a generic header loses to a specific one, wherever it is", () => {
    for (const header of [
      ["Plan", "Annual plan £k"],
      ["Annual plan £k", "Plan"],
    ]) {
      const mapping = recogniseColumns(header);
      const specific = header.indexOf("Annual plan £k");
      const generic = header.indexOf("Plan");
      expect(mapping.columns).toEqual({ annualPlan: specific });
      expect(mapping.duplicates).toEqual([
        {
          field: "annualPlan",
          indices: [0, 1],
          chosen: specific,
          message: `Columns A "${header[0]}" and B "${header[1]}" both look like Annual plan; column ${columnLetter(specific)} is used because its header is more specific.`,
        },
      ]);
      expect(mapping.unmapped).toEqual([]);
      expect(mapping.messages).toContain(mapping.duplicates[0].message);
      expect(generic).not.toBe(specific);
    }
  });

  it.each([
    ["Code", "Org code", "orgCode"],
    ["Name", "Trust", "organisation"],
    ["Actual", "YTD actual", "ytdActual"],
    ["Surplus", "Surplus/(deficit)", "surplusDeficit"],
    ["Deficit", "I&E", "surplusDeficit"],
    ["Target", "CIP target", "annualPlan"],
  ] as const)("generic %j loses to %j", (generic, specific, field) => {
    const mapping = recogniseColumns([generic, specific]);
    expect(mapping.columns).toEqual({ [field]: 1 });
    expect(mapping.duplicates).toHaveLength(1);
    expect(mapping.duplicates[0].chosen).toBe(1);
  });

  it("a header that is a field's word exactly beats one that only contains it", () => {
    const mapping = recogniseColumns(["Scheme lead", "Scheme name"]);
    expect(mapping.columns).toEqual({ scheme: 1 });
    expect(mapping.duplicates[0].message).toBe(
      'Columns A "Scheme lead" and B "Scheme name" both look like Scheme; column B is used because its header matches exactly.',
    );
  });

  it("equal claims go to the leftmost column, and the others are reported", () => {
    const mapping = recogniseColumns(["Trust", "Forecast £k", "YTD actual £k", "FOT £k", "Projected £k"]);
    expect(mapping.columns).toEqual({
      organisation: 0,
      forecast: 1,
      ytdActual: 2,
    });
    expect(mapping.duplicates).toEqual([
      {
        field: "forecast",
        indices: [1, 3, 4],
        chosen: 1,
        message:
          'Columns B "Forecast £k", D "FOT £k" and E "Projected £k" all look like Forecast; column B is used because it comes first.',
      },
    ]);
    expect(mapping.unmapped).toEqual([]);
  });

  it("two region-like columns: the first is the group", () => {
    const mapping = recogniseColumns(["SHA", "Cluster", "PCT"]);
    expect(mapping.columns).toEqual({ group: 0, organisation: 2 });
    expect(mapping.duplicates[0].message).toBe(
      'Columns A "SHA" and B "Cluster" both look like Group; column A is used because it comes first.',
    );
  });
});

describe("overrides", () => {
  const header = ["Trust", "Plan", "Revised plan £k", "YTD actual £k", "Comments"];

  it("a field pointed at a column takes it, and recognition yields", () => {
    const mapping = recogniseColumns(header, { fields: { annualPlan: 2 } });
    expect(mapping.columns).toEqual({
      organisation: 0,
      annualPlan: 2,
      ytdActual: 3,
    });
    expect(mapping.duplicates).toEqual([
      {
        field: "annualPlan",
        indices: [1, 2],
        chosen: 2,
        message:
          'You chose column C "Revised plan £k" for Annual plan, so column B "Plan", which also looks like Annual plan, is not used.',
      },
    ]);
  });

  it("a column chosen for one field is no longer a candidate for another", () => {
    const mapping = recogniseColumns(header, { fields: { scheme: 0 } });
    expect(mapping.columns.scheme).toBe(0);
    expect(mapping.columns.organisation).toBeUndefined();
    const months = recogniseColumns(["Apr", "Comments"], {
      fields: { ytdPlan: 0, planM1: 1 },
    });
    expect(months.columns).toEqual({ ytdPlan: 0, planM1: 1 });
    expect(months.unmapped).toEqual([]);
  });

  it("null removes a field", () => {
    const mapping = recogniseColumns(header, { fields: { annualPlan: null } });
    expect(mapping.columns).toEqual({ organisation: 0, ytdActual: 3 });
    expect(mapping.unmapped.map((u) => u.index)).toEqual([1, 2, 4]);
    expect(mapping.messages).toContain('Column B "Plan" looks like Annual plan, which you chose not to use, so it is not used.');
  });

  it("may point a field at a column with no header", () => {
    const mapping = recogniseColumns(["Trust", ""], {
      fields: { annualPlan: 1 },
      units: { 1: "£m" },
    });
    expect(mapping.columns).toEqual({ organisation: 0, annualPlan: 1 });
    expect(mapping.units).toEqual({ annualPlan: "£m" });
    expect(mapping.emptyHeaders).toEqual([]);
  });

  it("turns bad choices into messages, not exceptions", () => {
    const overrides = {
      fields: {
        annualPlan: 9,
        ytdPlan: -1,
        ytdActual: 1.5,
        forecast: "D",
        foo: 1,
        turnover: 0,
        recurrent: 0,
        unidentified: 5,
      },
      units: { 7: "£k", x: "£m", 1: "£bn" },
      defaultUnit: "£bn",
    } as unknown as Parameters<typeof recogniseColumns>[1];
    const mapping = recogniseColumns(["Trust", "Plan", "Actual", "Forecast", "Gap", "CIP: Shortfall £k"], overrides);
    expect(mapping.columns).toEqual({
      ytdActual: 2,
      forecast: 3,
      turnover: 0,
      annualPlan: 1,
      unidentified: 4,
    });
    expect(mapping.messages.slice(0, 11)).toEqual([
      "Annual plan is set to column J, outside the header row (columns A to F), so the choice is ignored.",
      "YTD plan is set to -1, which is not a column number, so the choice is ignored.",
      "YTD actual is set to 1.5, which is not a column number, so the choice is ignored.",
      'Forecast is set to "D", which is not a column number, so the choice is ignored.',
      '"foo" is not a field CIP Analyst knows, so the column chosen for it is ignored.',
      'Recurrent is set to column A "Trust", which is already chosen for Turnover, so the choice is ignored.',
      'Unidentified is set to column F "CIP: Shortfall £k", which holds output from an earlier run of CIP Analyst, so the choice is ignored.',
      'The unit "£bn" set for column B "Plan" is not £, £k or £m, so it is ignored.',
      "A unit is set for column H, outside the header row (columns A to F), so it is ignored.",
      'A unit is set for column "x", which is not a column, so it is ignored.',
      'The default unit "£bn" is not £, £k or £m, so it is ignored.',
    ]);
  });

  it("survives overrides of any shape", () => {
    for (const overrides of [
      null,
      1,
      "x",
      [],
      { fields: [] },
      { fields: 3 },
      { units: "£k" },
      { fields: { annualPlan: {} } },
      { fields: Object.create(null) },
    ]) {
      expect(() => recogniseColumns(["Trust", "Plan"], overrides as never)).not.toThrow();
    }
    expect(recogniseColumns(["Plan"], { fields: 3 } as never).messages).toContain(
      "The column choices are not in a form CIP Analyst can read, so they are ignored.",
    );
  });
});

describe("units", () => {
  it("takes the unit each header states", () => {
    const mapping = recogniseColumns(["Annual plan £m", "YTD plan £k", "YTD actual (£000)", "Turnover £"]);
    expect(mapping.units).toEqual({
      annualPlan: "£m",
      ytdPlan: "£k",
      ytdActual: "£k",
      turnover: "£",
    });
  });

  it("gives columns that state none the unit most money headers state", () => {
    const mapping = recogniseColumns(["Trust", "Plan £k", "Actual £k", "Forecast £m", "Recurrent", "Apr"]);
    expect(mapping.units).toEqual({
      annualPlan: "£k",
      ytdActual: "£k",
      forecast: "£m",
      recurrent: "£k",
      planM1: "£k",
    });
    expect(mapping.units).not.toHaveProperty("organisation");
    expect(mapping.messages).toEqual([
      "Columns E and F state no unit, so £k is assumed, the unit most amount columns state.",
      "Plan phasing was found for only 1 of the 12 months; May, Jun, Jul, Aug, Sep, Oct, Nov, Dec, Jan, Feb and Mar are missing.",
    ]);
  });

  it("breaks a tie between stated units in favour of the first stated", () => {
    const mapping = recogniseColumns(["Plan £m", "Actual £k", "Forecast"]);
    expect(mapping.units.forecast).toBe("£m");
    expect(mapping.messages).toEqual([
      'Column C "Forecast" states no unit, so £m is assumed, the first unit stated; other columns state a different unit as often.',
    ]);
  });

  it("falls back to £, and says so", () => {
    const mapping = recogniseColumns(["Trust", "Plan"]);
    expect(mapping.units).toEqual({ annualPlan: "£" });
    expect(mapping.messages).toEqual([
      'Column B "Plan" states no unit and no other column does, so amounts are read as £ (pounds); if they are in £k or £m, set the unit.',
    ]);
  });

  it("orders the sources: header, then column choice, then default, then the usual unit", () => {
    const mapping = recogniseColumns(["Plan £k", "Actual", "Forecast", "Recurrent £k"], {
      units: { 0: "£m", 1: "£m" },
      defaultUnit: "£",
    });
    expect(mapping.units).toEqual({
      annualPlan: "£k",
      ytdActual: "£m",
      forecast: "£",
      recurrent: "£k",
    });
    expect(mapping.messages).toEqual(['Column A "Plan £k" states £k, so the £m set for it is not used.']);
  });

  it("ignores a unit set for a column that is not an amount", () => {
    const mapping = recogniseColumns(["Trust", "Plan £k"], {
      units: { 0: "£k" },
    });
    expect(mapping.messages).toEqual([
      'The unit £k set for column A "Trust" is ignored because the column is not read as an amount.',
    ]);
  });

  it("warns about £bn, which it cannot hold", () => {
    const mapping = recogniseColumns(["Plan £bn", "Actual £m"]);
    expect(mapping.units).toEqual({ annualPlan: "£m", ytdActual: "£m" });
    expect(mapping.messages).toEqual([
      'Column A "Plan £bn" is in £bn, which CIP Analyst does not read (only £, £k and £m); it is read as £m, so convert it or its figures will be wrong.',
    ]);
  });
});

describe("previous outputs", () => {
  it("never reads a 'CIP:' column as input, and lists it for replacement", () => {
    const mapping = recogniseColumns(["Trust", "Plan £k", "CIP: Shortfall £k", "cip:Delivery %", "  CIP : RAG"]);
    expect(mapping.columns).toEqual({ organisation: 0, annualPlan: 1 });
    expect(mapping.previousOutputs).toEqual([2, 3, 4]);
    expect(mapping.unmapped).toEqual([]);
    expect(mapping.ambiguous).toEqual([]);
    expect(mapping.messages).toEqual([
      'Columns C "CIP: Shortfall £k", D "cip:Delivery %" and E "CIP : RAG" hold output from an earlier run of CIP Analyst, so they are not read as input.',
    ]);
  });

  it("keeps headers that merely start with 'CIP' as inputs", () => {
    expect(recogniseColumns(["CIP target £k", "CIP: Plan"]).columns).toEqual({
      annualPlan: 0,
    });
    expect(recogniseColumns(["CIP: Plan"]).previousOutputs).toEqual([0]);
  });
});

describe("blank and odd headers", () => {
  it("lists blank headers and says so", () => {
    const mapping = recogniseColumns(["Trust", "", null, "Plan £k", undefined, "  ", NaN, "Actual £k"]);
    expect(mapping.emptyHeaders).toEqual([1, 2, 4, 5, 6]);
    expect(mapping.messages).toEqual(["Columns B, C and E to G have no header, so they are not used."]);
  });

  it("gives an empty mapping and the fields it expected when nothing is recognised", () => {
    for (const row of [[], [undefined, {}, NaN, "   "], ["Foo", "Bar", true, 0]]) {
      const mapping = recogniseColumns(row);
      expect(mapping.columns).toEqual({});
      expect(mapping.units).toEqual({});
      expect(mapping.hasFullPhasing).toBe(false);
      const [first] = mapping.messages;
      expect(first).toMatch(
        /^No column in the header row was recognised\. CIP Analyst looks for headers such as Organisation \("Trust", "Organisation"\), /,
      );
      for (const expected of ["Annual plan", "YTD plan", "YTD actual", "Forecast", "Surplus/(deficit)", '"M1" to "M12"'])
        expect(first).toContain(expected);
    }
    expect(recogniseColumns([undefined, {}, NaN, "   "]).emptyHeaders).toEqual([0, 1, 2, 3]);
    expect(recogniseColumns(["Foo", true]).unmapped).toEqual([
      { index: 0, header: "Foo" },
      { index: 1, header: "TRUE" },
    ]);
  });

  it("treats a row that is not an array as empty", () => {
    expect(recogniseColumns(undefined as never).columns).toEqual({});
    expect(recogniseColumns("Trust" as never).columns).toEqual({});
  });
});

describe("realistic header rows", () => {
  it("a trust CIP tracker", () => {
    const header = [
      "Trust",
      "Org code",
      "Region",
      "Annual plan £k",
      "YTD plan £k",
      "YTD actual £k",
      "Forecast outturn £k",
      "Recurrent",
      "Non-recurrent",
      "Unidentified",
      "Turnover £k",
      "Surplus/(deficit) £k",
      ...MONTH_NAMES,
    ];
    const mapping = recogniseColumns(header);
    expect(mapping.columns).toEqual({
      organisation: 0,
      orgCode: 1,
      group: 2,
      annualPlan: 3,
      ytdPlan: 4,
      ytdActual: 5,
      forecast: 6,
      recurrent: 7,
      nonRecurrent: 8,
      unidentified: 9,
      turnover: 10,
      surplusDeficit: 11,
      planM1: 12,
      planM2: 13,
      planM3: 14,
      planM4: 15,
      planM5: 16,
      planM6: 17,
      planM7: 18,
      planM8: 19,
      planM9: 20,
      planM10: 21,
      planM11: 22,
      planM12: 23,
    });
    expect(Object.values(mapping.units).every((u) => u === "£k")).toBe(true);
    expect(Object.keys(mapping.units)).toHaveLength(21);
    expect(mapping.hasFullPhasing).toBe(true);
    expect(mapping.unmapped).toEqual([]);
    expect(mapping.ambiguous).toEqual([]);
    expect(mapping.duplicates).toEqual([]);
    expect(mapping.messages).toEqual([
      "Columns H to J and M to X state no unit, so £k is assumed, the unit most amount columns state.",
    ]);
  });

  it("a trust CIP tracker after a run, with our output columns and the months as dates", () => {
    const serials = [40634, 40664, 40695, 40725, 40756, 40787, 40817, 40848, 40878, 40909, 40940, 40969];
    const header = [
      "Trust",
      "ICB",
      "CIP plan 2011/12 (£000)",
      "Plan to date (£000)",
      "Delivered to date (£000)",
      "FOT (£000)",
      "RAG",
      ...serials,
      "CIP: Shortfall £k",
      "CIP: RAG",
    ];
    const mapping = recogniseColumns(header);
    expect(mapping.columns).toMatchObject({
      organisation: 0,
      group: 1,
      annualPlan: 2,
      ytdPlan: 3,
      ytdActual: 4,
      forecast: 5,
      risk: 6,
      planM1: 7,
      planM12: 18,
    });
    expect(mapping.hasFullPhasing).toBe(true);
    expect(mapping.previousOutputs).toEqual([19, 20]);
    expect(mapping.ambiguous.map((a) => a.chosen)).toEqual(["group"]);
  });

  it("a PCT QIPP tracker", () => {
    const header = [
      "SHA",
      "PCT",
      "Cluster",
      "QIPP target (£m)",
      "Plan to date",
      "Savings to date",
      "Variance",
      "FOT",
      "Unidentified",
      "RAG",
      "Allocation £m",
      "Comments",
    ];
    const mapping = recogniseColumns(header);
    expect(mapping.columns).toEqual({
      group: 0,
      organisation: 1,
      annualPlan: 3,
      ytdPlan: 4,
      ytdActual: 5,
      forecast: 7,
      unidentified: 8,
      risk: 9,
      turnover: 10,
    });
    expect(mapping.units).toEqual({
      annualPlan: "£m",
      ytdPlan: "£m",
      ytdActual: "£m",
      forecast: "£m",
      unidentified: "£m",
      turnover: "£m",
    });
    expect(mapping.duplicates.map((d) => [d.field, d.indices, d.chosen])).toEqual([["group", [0, 2], 0]]);
    expect(mapping.unmapped.map((u) => u.header)).toEqual(["Variance", "Comments"]);
    expect(mapping.messages).toEqual([
      'Columns A "SHA" and C "Cluster" both look like Group; column A is used because it comes first.',
      'Column G "Variance" looks like a calculated measure (a variance, percentage, comparison or part of the year), not an input, so it is not used.',
      'Column L "Comments" was not recognised, so it is not used.',
      "Columns E, F, H and I state no unit, so £m is assumed, the unit most amount columns state.",
    ]);
  });

  it("an ICB QIPP tracker, where the ICB is the organisation", () => {
    const mapping = recogniseColumns([
      "Region",
      "ICB",
      "ICB code",
      "QIPP plan £m",
      "YTD plan £m",
      "YTD actual £m",
      "Forecast £m",
      "I&E £m",
    ]);
    expect(mapping.columns).toEqual({
      group: 0,
      organisation: 1,
      orgCode: 2,
      annualPlan: 3,
      ytdPlan: 4,
      ytdActual: 5,
      forecast: 6,
      surplusDeficit: 7,
    });
  });
});

describe("recogniseColumns properties", () => {
  const headerish = fc.oneof(
    fc.anything(),
    fc.constantFrom(...Object.values(HEADER_WORDS).flat(), ...MONTHS, "ICB", "CIP: RAG", "Plan £k", "", 40634, 60),
    fc.string(),
    fc.integer({ min: -10, max: 3_000_000 }),
  );
  const overrides = fc.oneof(
    fc.constant(undefined),
    fc.anything(),
    fc.record(
      {
        fields: fc.dictionary(
          fc.constantFrom(...ALL_FIELDS, "foo"),
          fc.oneof(fc.integer({ min: -2, max: 20 }), fc.constant(null), fc.anything()),
        ),
        units: fc.dictionary(
          fc.oneof(fc.nat(20).map(String), fc.string()),
          fc.oneof(fc.constantFrom("£", "£k", "£m"), fc.anything()),
        ),
        defaultUnit: fc.oneof(fc.constantFrom("£", "£k", "£m"), fc.anything()),
      },
      { requiredKeys: [] },
    ),
  );

  const check = (row: unknown[], mapping: ColumnMapping) => {
    const used = Object.values(mapping.columns) as number[];
    expect(new Set(used).size).toBe(used.length);
    for (const index of used) expect(Number.isInteger(index) && index >= 0 && index < row.length).toBe(true);
    for (const field of Object.keys(mapping.units)) expect(mapping.columns[field as Field]).toBeDefined();
    expect(mapping.hasFullPhasing).toBe(PLAN_MONTH_FIELDS.every((f) => mapping.columns[f] !== undefined));
    // Each column is in at most one of the lists.
    const listed = [
      ...mapping.unmapped.map((u) => u.index),
      ...mapping.ambiguous.map((a) => a.index),
      ...mapping.emptyHeaders,
      ...mapping.previousOutputs,
    ];
    expect(new Set(listed).size).toBe(listed.length);
    for (const index of mapping.previousOutputs) expect(used).not.toContain(index);
    for (const message of mapping.messages) expect(typeof message).toBe("string");
  };

  it("never throws and never maps two fields to one column", () => {
    fc.assert(
      fc.property(fc.array(headerish, { maxLength: 40 }), overrides, (row, o) => {
        const mapping = recogniseColumns(row, o as never);
        check(row, mapping);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on arrays of arbitrary values", () => {
    fc.assert(
      fc.property(fc.array(fc.anything()), (row) => {
        check(row, recogniseColumns(row));
      }),
    );
  });

  it("reports every column that a field lost", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...Object.values(HEADER_WORDS).flat(), ...MONTHS), { maxLength: 30 }), (row) => {
        const mapping = recogniseColumns(row);
        const mapped = new Set(Object.values(mapping.columns) as number[]);
        const accounted = new Set([
          ...mapped,
          ...mapping.duplicates.flatMap((d) => d.indices),
          ...mapping.ambiguous.map((a) => a.index),
          ...mapping.unmapped.map((u) => u.index),
        ]);
        expect(accounted.size).toBe(row.length);
        for (const d of mapping.duplicates) expect(mapping.columns[d.field]).toBe(d.chosen);
      }),
    );
  });
});

describe("column letters in messages", () => {
  it("name the sheet's columns when the header does not start in column A", () => {
    const header = ["Trust", "Annual plan £k", "YTD plan £k", "YTD actual £k", "Comments", ""];
    const fromD = recogniseColumns(header, { firstColumn: 3 });
    expect(fromD.messages).toContain('Column H "Comments" was not recognised, so it is not used.');
    expect(fromD.messages.some((m) => m.includes("Column I has no header"))).toBe(true);
    expect(fromD.columns).toEqual(recogniseColumns(header).columns);
    expect(recogniseColumns(header, { fields: { turnover: 9 }, firstColumn: 3 }).messages[0]).toContain(
      "outside the header row (columns D to I)",
    );
  });
});
