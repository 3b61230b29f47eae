// The task pane's live formulas, evaluated as Excel on Windows would: the workbook the pane writes
// in live mode, for trackers with empty cells, run through an independent formula engine
// (HyperFormula) in which every CIP.* call goes to the built functions bundle with its arguments as
// Windows hands them over — an empty cell as 0 — and compared with what the same pane writes in
// values mode. The web (empty cells as null) is the easier case: the catalogue covers it.
import { HyperFormula, type RawCellContent } from "hyperformula";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { columnLetter } from "../../src/core/excelConventions";
import { loadSample, openPane, trackerBook, type Sample } from "../support/paneHarness";
import { close, handEmptyCellsAs, registerCipFunctions, shown } from "../support/formulaEngine";

beforeAll(() => registerCipFunctions(inject("prodDist")));

/** The trust sample with the empty cells real trackers have. */
function withEmptyCells(sample: Sample): Sample {
  const rows = sample.rows.map((row) => [...row]);
  const col = (name: string) => sample.header.indexOf(name);
  const blank = (r: number, ...names: string[]) => names.forEach((n) => (rows[r][col(n)] = ""));
  const months = sample.header.filter((h) => typeof h === "string" && h.startsWith("Actual ")) as string[];
  blank(1, "YTD actual £k", ...months); // nothing reported yet
  blank(3, "YTD actual £k"); // added up from the monthly actuals
  blank(5, "YTD plan £k"); // added up from the phasing
  blank(7, "Recurrent £k");
  blank(9, "Non-recurrent £k", "Recurrent £k");
  blank(11, "Turnover £k");
  blank(13, "Forecast outturn £k");
  blank(15, "Unidentified £k");
  blank(17, "Surplus/(deficit) £k");
  blank(19, "Annual plan £k");
  const phasing = sample.header.slice(col("Apr"), col("Mar") + 1) as string[];
  blank(21, "YTD plan £k", ...phasing); // no plan to date at all
  return { ...sample, rows };
}

type Change = Parameters<ReturnType<typeof openPane>["controller"]["changeOptions"]>[0];

async function analyse(sample: Sample, mode: "values" | "live", change: Change = {}) {
  const pane = openPane(trackerBook(sample));
  pane.book.select("Tracker!A1");
  await pane.controller.readSelection();
  pane.controller.changeOptions({ ...change, outputMode: mode });
  await pane.controller.analyse();
  expect(pane.state().phase, pane.state().status.text).toBe("done");
  return pane;
}

/** The output columns whose live formula differs from the values mode, with a cell that shows it. */
async function differences(sample: Sample, empty: 0 | null, change: Change = {}): Promise<Record<string, string>> {
  handEmptyCellsAs(empty);
  const values = await analyse(sample, "values", change);
  const live = await analyse(sample, "live", change);
  const address = values.state().result!.outputAddress.replace(/^.*!/, "");
  const used = `A1:${address.split(":")[1]}`;
  const hf = HyperFormula.buildFromSheets(
    // The double shows an empty cell as "", which the engine would read as text (and not spill over).
    {
      Tracker: live.book
        .formulas(`'Tracker'!${used}`)
        .map((line) => line.map((v) => (v === "" ? null : v))) as RawCellContent[][],
    },
    { licenseKey: "gpl-v3", useArrayArithmetic: true },
  );
  const expected = values.book.values(`'Tracker'!${address}`);
  const first = sample.header.length;
  const found: Record<string, string> = {};
  for (let r = 1; r < expected.length; r++) {
    expected[0].forEach((h, c) => {
      if (h === "CIP: Notes" || found[String(h)] !== undefined) return; // Notes: values in every mode
      const got = shown(hf.getCellValue({ sheet: 0, row: r, col: first + c }));
      if (!close(got, expected[r][c])) {
        found[String(h)] = `${columnLetter(first + c)}${r + 1}: ${String(got)} ≠ ${String(expected[r][c])}`;
      }
    });
  }
  hf.destroy();
  return found;
}

describe("live formulas evaluated with the built functions", () => {
  const trust = () => withEmptyCells(loadSample());

  it("on the web (an empty cell handed over as null) give the values mode's results for a tracker with empty cells", async () => {
    expect(await differences(trust(), null)).toEqual({});
  });

  it("on Windows (an empty cell handed over as 0) give the values mode's results for a tracker with empty cells", async () => {
    expect(await differences(trust(), 0)).toEqual({});
  });

  it("on Windows give the values mode's results for the QIPP sample, which has no empty cells", async () => {
    expect(await differences(loadSample("sample-pct-qipp-tracker.json"), 0)).toEqual({});
  });

  // CIP.RAG reads a cut-off of 0 as "not given" (an empty cut-off cell arrives as 0 on Windows), so a
  // 0 cut-off in the pane's settings is written as a MATCH over the cut-offs instead.
  it.each([null, 0] as const)("with a RAG cut-off of 0 give the values mode's results (empty cell as %s)", async (empty) => {
    const zero: Change = { threshold: { key: "forecastShortfallRag.greenAt", value: 0 } };
    expect(await differences(loadSample("sample-pct-qipp-tracker.json"), empty, zero)).toEqual({});
  });
});
