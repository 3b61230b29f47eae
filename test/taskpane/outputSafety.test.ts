// The output block never damages the analyst's workbook (issue 12, items 2, 3, 4, 5, 8 and 12 for the
// output side): it overwrites or clears only cells it can prove it wrote, a failure or Cancel leaves
// the workbook as it was (formats, rules, names, widths and panes too), a re-run replaces its previous
// block wherever it was, and protection is found before the first write. The real controller and
// gateway over the Excel double.
import { describe, expect, it } from "vitest";
import { columnLetter } from "../../src/core/excelConventions";
import { recogniseColumns } from "../../src/core/recogniseColumns";
import { withoutHistory } from "../support/historyCheck";
import { outputWidthFor } from "../../src/taskpane/output/outputColumns";
import { STATE_KEY } from "../../src/taskpane/workbookState";
import { attach, loadSample, openPane, trackerBook, type Pane } from "../support/paneHarness";

const sample = loadSample();
const WIDTH = sample.header.length; // A to AG
const OUT = columnLetter(WIDTH); // AH: the block starts right of the data
const COLUMNS = outputWidthFor(recogniseColumns(sample.header).columns);
const LAST_OUT = columnLetter(WIDTH + COLUMNS - 1);
const LAST_ROW = sample.rows.length + 1;

async function read(pane: Pane, select = "Tracker!A1"): Promise<void> {
  pane.book.select(select);
  await pane.controller.readSelection();
  expect(pane.state().phase, pane.state().status.text).toBe("mapped");
}

async function run(pane: Pane, select = "Tracker!A1"): Promise<void> {
  await read(pane, select);
  await pane.controller.analyse();
}

/** The analyst deletes the last ten organisations. */
function shrink(pane: Pane): string {
  pane.book.setValues(
    `Tracker!A${LAST_ROW - 9}:AG${LAST_ROW}`,
    Array.from({ length: 10 }, () => new Array(WIDTH).fill(null)),
  );
  return `Tracker!A1:AG${LAST_ROW - 10}`;
}

function addTextRule(pane: Pane, address: string, text: string): Promise<void> {
  return pane.book.run(async (context) => {
    const [sheet, cells] = address.split("!");
    const rule = context.workbook.worksheets.getItem(sheet).getRange(cells).conditionalFormats.add("ContainsText");
    rule.textComparison.rule = { operator: "Contains", text };
    rule.textComparison.format.fill.color = "#00FF00";
    await context.sync();
  });
}

describe("analyst cells inside a previous block", () => {
  it("refuses to overwrite a value typed into the previous block, naming the cell", async () => {
    const pane = openPane(trackerBook());
    await run(pane);
    pane.book.setValues(`Tracker!${columnLetter(WIDTH + 2)}10`, [["my estimate"]]);
    const before = pane.book.snapshot({ settings: false });
    await run(pane);
    expect(pane.state().status.kind).toBe("error");
    expect(pane.state().status.text).toContain(`Tracker!${columnLetter(WIDTH + 2)}10`);
    expect(pane.book.snapshot({ settings: false })).toEqual(before);
  });

  it("refuses to clear an analyst's value in the spare rows when the tracker shrinks", async () => {
    const pane = openPane(trackerBook());
    await run(pane);
    const smaller = shrink(pane);
    pane.book.setValues(`Tracker!${LAST_OUT}${LAST_ROW}`, [["keep me"]]);
    pane.book.select(smaller);
    const before = pane.book.snapshot({ settings: false });
    await run(pane, smaller);
    expect(pane.state().status.text).toContain(`Tracker!${LAST_OUT}${LAST_ROW}`);
    expect(pane.book.snapshot({ settings: false })).toEqual(before);
  });

  it("counts a formula that shows nothing as the analyst's", async () => {
    const pane = openPane({ ...trackerBook(), evaluate: (f) => (f.startsWith("=IF") ? "" : null) });
    await run(pane);
    pane.book.setValues(`Tracker!${OUT}20`, [['=IF(A20="x","flag","")']]);
    const before = pane.book.snapshot({ settings: false });
    await run(pane);
    expect(pane.state().status.text).toContain(`Tracker!${OUT}20`);
    expect(pane.book.snapshot({ settings: false })).toEqual(before);
  });

  it("counts a formula that shows nothing as occupied on a first run", async () => {
    // Without a calculated result the cell reads as empty: its formula is what makes it occupied.
    const pane = openPane(trackerBook());
    pane.book.setValues(`Tracker!${columnLetter(WIDTH + 4)}7`, [['=IF(A7="x","flag","")']]);
    const before = pane.book.snapshot({ settings: false });
    await run(pane);
    expect(pane.state().status.text).toContain(`Tracker!${columnLetter(WIDTH + 4)}7 already holds other data`);
    expect(pane.book.snapshot({ settings: false })).toEqual(before);
  });

  it("will not overwrite a block recorded by an older version, which it cannot check, and says what to do", async () => {
    const pane = openPane(trackerBook());
    await run(pane);
    const state = JSON.parse(String(pane.book.settings.get(STATE_KEY)));
    delete state.outputs[0].fingerprint;
    pane.book.settings.set(STATE_KEY, JSON.stringify(state));
    const reviewer = attach(pane.book);
    const before = pane.book.snapshot({ settings: false });
    await run(reviewer);
    expect(reviewer.state().status.kind).toBe("error");
    expect(reviewer.state().status.text).toContain(`Tracker!${OUT}1:${LAST_OUT}${LAST_ROW}`);
    expect(reviewer.state().status.text).toContain("cannot check");
    expect(pane.book.snapshot({ settings: false })).toEqual(before);
  });
});

describe("after a failure or Cancel the workbook is as before", () => {
  it("keeps the analyst's formats, rules, widths and panes on the empty target cells", async () => {
    const pane = openPane(trackerBook());
    pane.book.setFormat(`Tracker!${OUT}1:${columnLetter(WIDTH + 3)}${LAST_ROW}`, {
      fill: "#FFFF00",
      numberFormat: "0.000",
      bold: true,
      fontColor: "#FF0000",
    });
    await addTextRule(pane, `Tracker!${OUT}1:${OUT}200`, "late");
    await pane.book.run(async (context) => {
      context.workbook.worksheets.getItem("Tracker").getRange(`${OUT}:${OUT}`).format.columnWidth = 90;
      await context.sync();
    });
    await read(pane);
    const before = pane.book.snapshot({ settings: false });
    // The last sync of the write: everything before it has landed.
    pane.book.failSync((sync) => sync.mutates && sync.operations > 20);
    await pane.controller.analyse();
    expect(pane.state().status.kind).toBe("error");
    expect(pane.book.snapshot({ settings: false })).toEqual(before);
  });

  it("keeps the previous block when a re-run is cancelled, and says so", async () => {
    const pane = openPane(trackerBook());
    // Twice: from the second run on, a re-run of the same tracker changes nothing but the run history.
    await run(pane);
    await run(pane);
    const after = pane.book.snapshot();
    await read(pane);
    // Cancel once the write has begun (a Cancel during the re-read writes nothing at all).
    const write = pane.gateway.writeOutput.bind(pane.gateway);
    pane.gateway.writeOutput = (job, control) => {
      pane.controller.cancel();
      return write(job, control);
    };
    await pane.controller.analyse();
    pane.gateway.writeOutput = write;
    expect(pane.state().status.text).toMatch(/^Cancelled/);
    expect(pane.state().status.text + pane.state().status.detail).toContain("previous output");
    expect(pane.book.snapshot()).toEqual(after);
    // The record still finds it: the next run replaces it in place.
    await run(pane);
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    expect(withoutHistory(pane.book.snapshot({ settings: false }))).toEqual(
      withoutHistory({ ...after, settings: undefined, savedSettings: undefined }),
    );
  });
});

describe("a re-run with another destination", () => {
  it("removes the block beside the data when the output moves to its own sheet, and back", async () => {
    const pane = openPane(trackerBook());
    const original = pane.book.snapshot({ settings: false }).sheets[0];
    await run(pane);
    await read(pane);
    pane.controller.changeOptions({ destination: "newSheet" });
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    const sheets = pane.book.snapshot({ settings: false }).sheets;
    expect(sheets[0]).toEqual({ ...original, freeze: { rows: 1, columns: 0 } });
    expect(pane.book.names().map((n) => n.name)).toEqual(["CIPAnalyst_Output_1"]);
    expect(pane.book.names()[0].formula).toMatch(/^='CIP Output'!/);

    await read(pane);
    pane.controller.changeOptions({ destination: "beside" });
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    expect(pane.book.values("'CIP Output'!A1:B2")).toEqual([
      ["", ""],
      ["", ""],
    ]);
    expect(pane.book.names().map((n) => n.formula)).toEqual([`=Tracker!$${OUT}$1:$${LAST_OUT}$${LAST_ROW}`]);
  });
});

describe("workbook names", () => {
  it("picks a name no other block uses when the saved record is lost, and never deletes another's", async () => {
    const pane = openPane(trackerBook(sample, { Other: [["x"]] }));
    pane.book.addName("CIPAnalyst_Output_1", "=Other!$A$1:$B$3");
    await read(pane);
    pane.book.failSync((sync) => sync.mutates && sync.operations > 20);
    await pane.controller.analyse();
    expect(pane.state().status.kind).toBe("error");
    expect(pane.book.names()).toEqual([
      { name: "CIPAnalyst_Output_1", formula: "=Other!$A$1:$B$3", comment: "", scope: "Workbook" },
    ]);
    await pane.controller.analyse();
    expect(pane.state().phase, pane.state().status.text).toBe("done");
    expect(pane.book.names().map((n) => n.name)).toEqual(["CIPAnalyst_Output_1", "CIPAnalyst_Output_2"]);
  });
});

describe("protection found before the first write", () => {
  it("names a protected output sheet", async () => {
    const pane = openPane(trackerBook());
    await read(pane);
    pane.controller.changeOptions({ destination: "newSheet" });
    await pane.controller.analyse();
    pane.book.protect("CIP Output");
    const before = pane.book.snapshot({ settings: false });
    await pane.controller.analyse();
    expect(pane.state().status.text).toContain("Sheet CIP Output is protected");
    expect(pane.book.snapshot({ settings: false })).toEqual(before);
  });

  it("names the workbook's protected structure when a new sheet is needed", async () => {
    const pane = openPane(trackerBook());
    pane.book.protectStructure();
    await read(pane);
    pane.controller.changeOptions({ destination: "newSheet" });
    const before = pane.book.snapshot({ settings: false });
    await pane.controller.analyse();
    expect(pane.state().status.text).toContain("workbook's structure is protected");
    expect(pane.book.snapshot({ settings: false })).toEqual(before);
  });

  it("names the protected tracker sheet that holds the previous block when the output moves", async () => {
    const pane = openPane(trackerBook());
    await run(pane);
    pane.book.protect("Tracker");
    await read(pane);
    pane.controller.changeOptions({ destination: "newSheet" });
    const before = pane.book.snapshot({ settings: false });
    await pane.controller.analyse();
    expect(pane.state().status.text).toContain("Sheet Tracker is protected");
    expect(pane.book.snapshot({ settings: false })).toEqual(before);
  });
});
