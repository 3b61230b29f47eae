import { describe, it, expect } from "vitest";
import { HEADER_WORDS, isTextField, type Field } from "../../src/core/fields";
import { recogniseColumns } from "../../src/core/recogniseColumns";
import { fieldOf } from "../support/recognition";

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
    const mapping = recogniseColumns(["Trust", "Comments", "Notes"]);
    expect(mapping.unmapped).toEqual([
      { index: 1, header: "Comments" },
      { index: 2, header: "Notes" },
    ]);
    expect(mapping.messages).toEqual([
      'Column B "Comments" was not recognised, so it is not used.',
      'Column C "Notes" was not recognised, so it is not used.',
    ]);
  });

  it("says an Excel error in the header row is not a header", () => {
    const mapping = recogniseColumns(["Trust", "#REF!"]);
    expect(mapping.unmapped).toEqual([{ index: 1, header: "#REF!" }]);
    expect(mapping.messages).toEqual(['Column B "#REF!" is an Excel error, not a header, so it is not used.']);
  });
});
