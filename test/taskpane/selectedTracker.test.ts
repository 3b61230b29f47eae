// The selected tracker: a block holding an earlier run's output is cut back to the tracker, and the
// analyst's corrections for its header layout are applied.
import { describe, expect, it } from "vitest";
import type { TrackerRange } from "../../src/taskpane/excel/readTracker";
import { checkShape, selectTracker, selectionText, withOverrides } from "../../src/taskpane/selectedTracker";
import { EMPTY_STATE, layoutKey, rememberMapping } from "../../src/taskpane/workbookState";

const header = ["Trust", "Annual plan", "YTD plan", "YTD actual", "Risk"];
const rows = [
  ["Leeds", 100, 50, 40, "High"],
  ["York", 80, 40, 40, "Low"],
];
const range = (h: unknown[], r: unknown[][]): TrackerRange => ({
  sheetName: "My CIP",
  sheetId: "{1}",
  rect: { row: 4, column: 2, rows: r.length + 1, columns: h.length },
  address: "'My CIP'!C5:X7",
  header: h,
  rows: r,
  numberFormats: h.map(() => "#,##0"),
});

describe("selectTracker", () => {
  it("leaves out the columns of an earlier run's block, blank ones among them included", () => {
    const t = selectTracker(
      range(
        [...header, "CIP: Variance", null, "CIP: Notes"],
        rows.map((r) => [...r, 1, null, ""]),
      ),
      EMPTY_STATE,
    );
    expect(t.header).toEqual(header);
    expect(t.range.rect.columns).toBe(header.length);
    expect(t.range.address).toBe("'My CIP'!C5:G7");
    expect(t.range.numberFormats).toHaveLength(header.length);
    expect(selectionText(t)).toBe("'My CIP'!C5:G7: 2 rows, 5 columns");
  });

  it("applies the corrections this workbook remembers for the header layout", () => {
    const state = rememberMapping(EMPTY_STATE, layoutKey(header), { category: 4 });
    const t = selectTracker(range(header, rows), state);
    expect(t.mapping.columns.category).toBe(4);
    expect(t.recognised.columns.category).toBeUndefined();
    expect(withOverrides(t, {}).mapping.columns.category).toBeUndefined();
  });
});

describe("checkShape", () => {
  it("takes a block with a header and figures", () => {
    expect(checkShape(range(header, rows))).toBeNull();
  });

  it("refuses rows that are all empty", () => {
    expect(checkShape(range(header, [[null, null, "", null, null]]))?.text).toBe("The rows below the header are all empty.");
  });
});
