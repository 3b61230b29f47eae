import { describe, expect, it } from "vitest";
import { createWorkbookDouble } from "..";

// =SEQ(n) returns the column 1..n, as SEQUENCE(n) does; =ROW2 a 1×2 array; =ONE a 1×1 array.
const evaluate = (formula: string) => {
  const seq = /^=SEQ\((\d+)\)$/.exec(formula);
  if (seq) return Array.from({ length: Number(seq[1]) }, (_, i) => [i + 1]);
  if (formula === "=ROW2") return [["a", ""]];
  if (formula === "=ONE") return [[7]];
  return null;
};
const book = () => createWorkbookDouble({ sheets: { S: [["=SEQ(3)"]] }, evaluate });

describe("dynamic-array spills", () => {
  it("fill the empty cells below the anchor; a spilled cell has no formula of its own", async () => {
    const b = book();
    await b.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const cells = sheet.getRange("A1:A4").load("values, formulas, valueTypes, hasSpill");
      const spilled = sheet.getRange("A1:A3").load("hasSpill");
      const to = sheet.getRange("A1").getSpillingToRangeOrNullObject().load("address");
      const parent = sheet.getRange("A3").getSpillParentOrNullObject().load("address");
      const notAnchor = sheet.getRange("A2").getSpillingToRangeOrNullObject();
      const used = sheet.getRange("A1:C9").getUsedRange(true).load("address");
      await context.sync();
      expect(cells.values).toEqual([[1], [2], [3], [""]]);
      expect(cells.formulas).toEqual([["=SEQ(3)"], [2], [3], [""]]);
      expect(cells.valueTypes).toEqual([["Double"], ["Double"], ["Double"], ["Empty"]]);
      expect(cells.hasSpill).toBeNull();
      expect(spilled.hasSpill).toBe(true);
      expect(to.address).toBe("S!A1:A3");
      expect(parent.address).toBe("S!A1");
      expect(notAnchor.isNullObject).toBe(true);
      expect(used.address).toBe("S!A1:A3");
    });
    expect(b.snapshot().sheets[0].cells).toEqual({ A1: { f: "=SEQ(3)", spill: "A1:A3" }, A2: { sv: 2 }, A3: { sv: 3 } });
  });

  it("are blocked by anything written into their area (#SPILL!, the constant stays), and return when it is cleared", async () => {
    const b = book();
    await b.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A3").values = [["mine"]];
      await context.sync();
    });
    expect(b.values("S!A1:A3")).toEqual([["#SPILL!"], [""], ["mine"]]);
    expect(b.valueTypes("S!A1:A2")).toEqual([["Error"], ["Empty"]]);
    expect(b.formulas("S!A1:A3")).toEqual([["=SEQ(3)"], [""], ["mine"]]);
    expect(b.snapshot().sheets[0].cells).toEqual({ A1: { f: "=SEQ(3)", spill: "#SPILL!" }, A3: { v: "mine" } });
    await b.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const to = sheet.getRange("A1").getSpillingToRangeOrNullObject();
      await context.sync();
      expect(to.isNullObject).toBe(true);
      sheet.getRange("A3").clear("Contents");
      await context.sync();
    });
    expect(b.values("S!A1:A3")).toEqual([[1], [2], [3]]);
  });

  it('are blocked by a formula that shows "", and not by writing "" (which empties the cell)', () => {
    const b = book();
    b.setValues("S!A2", [['=IF(1,"","")']]);
    expect(b.values("S!A1")).toEqual([["#SPILL!"]]);
    b.setValues("S!A2", [[""]]);
    expect(b.values("S!A1:A2")).toEqual([[1], [2]]);
  });

  it("spill right too, keep an earlier spill against a later one, and read a 1×1 array as its value", () => {
    const b = createWorkbookDouble({ sheets: { S: [["=ROW2"], ["=SEQ(2)", "=ONE"]] }, evaluate });
    expect(b.values("S!A1:B1")).toEqual([["a", ""]]);
    expect(b.valueTypes("S!B1")).toEqual([["String"]]);
    expect(b.values("S!A2:B3")).toEqual([
      [1, 7],
      [2, ""],
    ]);
    const late = createWorkbookDouble({ sheets: { S: [["=SEQ(3)", "=ROW2"], [], [null, null]] }, evaluate });
    expect(late.values("S!A1:B3")).toEqual([
      [1, "a"],
      [2, ""],
      [3, ""],
    ]);
    late.setValues("S!B2", [["=ROW2"]]);
    late.setValues("S!A2", [["=ROW2"]]);
    // A2's own formula blocks A1's spill; A2 then spills into B2, which holds a formula: #SPILL! too.
    expect(late.values("S!A1:B2")).toEqual([
      ["#SPILL!", "a"],
      ["#SPILL!", "a"],
    ]);
  });

  it("need a single cell for getSpillingToRange and getSpillParent", async () => {
    const b = book();
    await b.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const many = sheet.getRange("A1:A2").getSpillParentOrNullObject();
      const outside = sheet.getRange("B1").getSpillParentOrNullObject();
      await context.sync();
      expect(many.isNullObject).toBe(true);
      expect(outside.isNullObject).toBe(true);
      sheet.getRange("B1").getSpillingToRange().load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("do not happen without an evaluate hook: the formula reads as uncalculated", () => {
    const b = createWorkbookDouble({ sheets: { S: [["=SEQ(3)"]] } });
    expect(b.values("S!A1:A2")).toEqual([[""], [""]]);
    expect(b.snapshot().sheets[0].cells).toEqual({ A1: { f: "=SEQ(3)" } });
  });
});
