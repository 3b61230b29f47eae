// The portable formulas as the task pane writes them into a workbook, evaluated by an independent
// formula engine (HyperFormula), against the values the same pane writes in values mode: a
// reviewer without the add-in sees the same numbers.
import { HyperFormula, type RawCellContent } from "hyperformula";
import { describe, expect, it } from "vitest";
import { columnLetter } from "../../src/core/excelConventions";
import { close, shown } from "../support/formulaEngine";
import { loadSample, openPane, trackerBook, type Sample } from "../support/paneHarness";

async function run(sample: Sample, mode: "values" | "portable", destination: "beside" | "newSheet" = "beside") {
  const pane = openPane(trackerBook(sample));
  pane.book.select("Tracker!A1");
  await pane.controller.readSelection();
  pane.controller.changeOptions({ outputMode: mode, destination });
  await pane.controller.analyse();
  expect(pane.state().phase, pane.state().status.text).toBe("done");
  return pane;
}

// The scheme register's risk-adjusted forecast too (schemeColumns.ts).
const SAMPLES = ["sample-trust-cip-tracker.json", "sample-pct-qipp-tracker.json", "sample-scheme-register.json"];

describe.each(SAMPLES)("portable formulas written for %s", (name) => {
  const sample = loadSample(name);

  it.each(["beside", "newSheet"] as const)("give the values mode's numbers (%s)", async (destination) => {
    const values = await run(sample, "values", destination);
    const portable = await run(sample, "portable", destination);
    const outSheet = destination === "beside" ? "Tracker" : "CIP Output";
    const address = values.state().result!.outputAddress.replace(/^.*!/, "");
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const sheet of ["Tracker", ...(destination === "newSheet" ? ["CIP Output"] : [])]) {
      const trackerEnd = `${columnLetter(sample.header.length - 1)}${sample.rows.length + 1}`;
      const used = sheet === outSheet ? `A1:${address.split(":")[1]}` : `A1:${trackerEnd}`;
      sheets[sheet] = portable.book.formulas(`'${sheet}'!${used}`) as RawCellContent[][];
    }
    const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
    const sheetId = hf.getSheetId(outSheet)!;
    const expected = values.book.values(`'${outSheet}'!${address}`);
    const header = expected[0];
    const first = destination === "beside" ? sample.header.length : 0;
    const bad: string[] = [];
    for (let r = 1; r < expected.length; r++) {
      header.forEach((h, c) => {
        if (h === "CIP: Notes") return; // explains the run in words: values in every mode
        const got = shown(hf.getCellValue({ sheet: sheetId, row: r, col: first + c }));
        if (!close(got, expected[r][c]))
          bad.push(`${columnLetter(first + c)}${r + 1} ${String(h)}: ${String(got)} ≠ ${String(expected[r][c])}`);
      });
    }
    hf.destroy();
    expect(bad).toEqual([]);
  });
});
