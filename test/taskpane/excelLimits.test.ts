// Excel's limits with trackers Excel can hold: long comments (from the first row, or only after row
// 500) never break a read, a summary of 1,500 or 40,000 groups is written in chunks under 5 MB, a
// headline never names every group, no cell passes 32,767 characters, and more than 512 merged areas
// get the merged-cells message.
import { describe, expect, it } from "vitest";
import { PAYLOAD_LIMIT_BYTES } from "../../packages/excel-double";
import { openPane, type Pane } from "../support/paneHarness";

const HEADER = ["Trust", "Cluster", "Annual plan £k", "YTD plan £k", "YTD actual £k", "Comment"];
const comment = (n: number) => "Slipped because ".padEnd(n, "x");

function tracker(rows: number, group: (i: number) => string, note: (i: number) => string): unknown[][] {
  return [
    HEADER,
    ...Array.from({ length: rows }, (_, i) => [`Scheme ${i + 1}`, group(i), 120 + (i % 7), 60, 50 + (i % 11), note(i)]),
  ];
}

async function run(pane: Pane): Promise<void> {
  pane.book.select("Tracker!A1");
  pane.controller.changeOptions({ monthsElapsed: 6 });
  await pane.controller.readSelection();
  expect(pane.state().phase, `${pane.state().status.text} ${pane.state().status.detail}`).toBe("mapped");
}

describe("reading long text", () => {
  it("reads a tracker whose every row has an 11,000-character comment", async () => {
    const pane = openPane({
      sheets: {
        Tracker: tracker(
          700,
          () => "North",
          () => comment(11_000),
        ),
      },
    });
    await run(pane);
    expect(pane.state().selection).toContain("700 rows");
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.detail).toBe("done");
  });

  it("reads a tracker whose long comments start after row 500", async () => {
    const pane = openPane({
      sheets: {
        Tracker: tracker(
          3000,
          () => "North",
          (i) => (i < 600 ? "ok" : comment(11_000)),
        ),
      },
    });
    await run(pane);
    expect(pane.state().selection).toContain("3,000 rows");
    // What was read is what is there, row by row.
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.detail).toBe("done");
    expect(pane.book.stats.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  it("reads a row too large for one response, in parts", async () => {
    const header = [...HEADER, ...Array.from({ length: 200 }, (_, i) => `Note ${i + 1}`)];
    const rows = Array.from({ length: 3 }, (_, i) => [
      `Scheme ${i}`,
      "North",
      100,
      50,
      40,
      "c",
      ...new Array(200).fill(comment(32_000)),
    ]);
    const pane = openPane({ sheets: { Tracker: [header, ...rows] } });
    await run(pane);
    expect(pane.state().selection).toContain("3 rows, 206 columns");
  });
});

describe("a summary of many groups", () => {
  it.each([1_500, 40_000])(
    "is written in chunks under 5 MB for %i groups, with lists cut and every cell within Excel's limit",
    async (groups) => {
      const pane = openPane({
        sheets: {
          Tracker: tracker(
            groups,
            (i) => `Cost centre ${String(i).padStart(6, "0")}`,
            () => "",
          ),
        },
      });
      await run(pane);
      pane.book.resetStats();
      await pane.controller.analyse();
      expect(pane.state().result?.summarySheet, pane.state().status.detail).toBe("CIP Summary");
      expect(pane.book.stats.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      const headlines = pane.state().result?.headlines ?? [];
      const byGroup = headlines.find((h) => h.startsWith("Delivery against plan to date by group"));
      expect(byGroup).toContain(`and ${(groups - 20).toLocaleString("en-GB")} more`);
      for (const h of headlines) expect(h.length).toBeLessThanOrEqual(32_767);
      // Every group is in the table (header, groups, total).
      const column = pane.book.values(`'CIP Summary'!A1:A${groups + 200}`).flat();
      expect(column).toContain(`Cost centre ${String(groups - 1).padStart(6, "0")}`);
      expect(pane.book.charts("CIP Summary")[0].title).toContain(`the first 50 of ${groups.toLocaleString("en-GB")} groups`);
    },
  );
});

describe("merged cells", () => {
  it("more than 512 merged areas get the merged-cells message", async () => {
    const pane = openPane({
      sheets: {
        Tracker: tracker(
          600,
          () => "North",
          () => "",
        ),
      },
    });
    for (let r = 2; r <= 600; r++) pane.book.merge(`Tracker!F${r}:G${r}`);
    pane.book.select("Tracker!A1");
    await pane.controller.readSelection();
    expect(pane.state().status.text).toMatch(
      /^The tracker has more merged cells than Excel can list \(over 512 areas, among them Tracker!F2:G2/,
    );
    expect(pane.state().status.detail).toContain("Unmerge");
  });
});
