// The preview's rough number formats, on the formats trackers and CIP Analyst write.
import { describe, expect, it } from "vitest";
import { formatCell, general } from "../../src/preview/numberFormat";

const text = (value: unknown, format: string) => formatCell(value, format).text;

describe("formatCell", () => {
  it("formats what the pane writes: shares, money and counts", () => {
    expect(text(0.87, "0.0%")).toBe("87.0%");
    expect(text(-0.0004, "0.0%")).toBe("0.0%");
    expect(text(-1553, "#,##0")).toBe("-1,553");
    expect(text(1234567.25, "#,##0.0")).toBe("1,234,567.3");
    expect(text(12, "0")).toBe("12");
    expect(formatCell(12, "0").align).toBe("right");
  });

  it("handles negative and zero sections, currency, literals and scaling", () => {
    expect(text(-1553, "#,##0;(#,##0)")).toBe("(1,553)");
    expect(text(0, '#,##0;-#,##0;"–"')).toBe("–");
    expect(text(1200, "£#,##0")).toBe("£1,200");
    expect(text(1200, "[$£-809]#,##0")).toBe("£1,200");
    expect(text(2_500_000, '"£"#,##0.0,,"m"')).toBe("£2.5m");
    expect(text(12_900, '#,##0,"k"')).toBe("13k");
  });

  it("shows text, blanks, booleans and errors as Excel does", () => {
    expect(formatCell("Red", "General")).toEqual({ text: "Red", align: "left" });
    expect(text("", "0.0%")).toBe("");
    expect(text(null, "0")).toBe("");
    expect(text(true, "General")).toBe("TRUE");
    expect(formatCell("#DIV/0!", "0.0%")).toEqual({ text: "#DIV/0!", align: "center" });
  });

  it("falls back to General for what it does not understand", () => {
    expect(text(45_000, "dd/mm/yyyy")).toBe("45000");
    expect(general(0.1 + 0.2)).toBe("0.3");
    expect(general(1.5e12)).toBe("1.5E+12");
  });
});
