// What an undo keeps of a block: only the cells it was given, written back as read (text as text),
// null for the rest, and number formats as runs.
import { describe, expect, it } from "vitest";
import { KeptCells } from "../../../src/taskpane/excel/keptCells";

describe("kept cells", () => {
  it("give back each kept cell in the form that writes it the same, null where nothing was kept", () => {
    const kept = new KeptCells(4, 3);
    kept.keepContent(0, 0, 1.5, "Double");
    kept.keepContent(0, 1, "00123", "String");
    kept.keepContent(0, 2, "=CIP.DELIVERY(D2:D5,E2:E5)", "Double");
    kept.keepContent(2, 0, "#DIV/0!", "Error");
    kept.keepContent(2, 1, "", "Empty");
    kept.keepContent(2, 2, true, "Boolean");
    expect(kept.contents(0)).toEqual([1.5, "'00123", "=CIP.DELIVERY(D2:D5,E2:E5)"]);
    expect(kept.contents(1)).toEqual([null, null, null]);
    expect(kept.contents(2)).toEqual(["#DIV/0!", "", true]);
    expect([0, 1, 2, 3].map((r) => kept.isKept(r))).toEqual([true, false, true, false]);
    expect(kept.nextKeptRow(1)).toBe(2);
    expect(kept.nextKeptRow(3)).toBe(4);
    expect(kept.hasFormats).toBe(false);
  });

  it("keep number formats as runs, with the gaps between them left alone", () => {
    const kept = new KeptCells(6, 2);
    for (const row of [0, 1, 2, 4]) kept.keepFormat(row, 0, row < 2 ? "0.0%" : "General");
    kept.keepFormat(5, 1, "#,##0.0");
    expect([0, 1, 2, 3, 4, 5].map((r) => kept.formats(r)[0])).toEqual(["0.0%", "0.0%", "General", null, "General", null]);
    expect(kept.formats(5)).toEqual([null, "#,##0.0"]);
    expect(kept.hasContents).toBe(false);
  });

  it("keep nothing, and allocate nothing, for a block the run leaves as it is", () => {
    const kept = new KeptCells(1_048_576, 16);
    expect(kept.nextKeptRow(0)).toBe(1_048_576);
    expect(kept.hasContents || kept.hasFormats).toBe(false);
  });
});
