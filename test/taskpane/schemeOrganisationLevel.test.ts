// A scheme register's organisation-level cells in the output block (issue 14, "Levels"): on a
// scheme row, "CIP: CIP % of turnover" and the DEFICIT and DISTRESS flags are its organisation's,
// worked out on the organisation's totals, in every output mode; never a scheme's plan over the
// trust's turnover, nor every scheme of a trust in deficit flagged as if it were a trust.
import { HyperFormula, type RawCellContent } from "hyperformula";
import { describe, expect, it } from "vitest";
import { close, shown } from "../support/formulaEngine";
import { loadSample, openPane, trackerBook, type Sample } from "../support/paneHarness";

const sample = loadSample("sample-scheme-register.json");
const col = (name: string) => sample.header.indexOf(name);
const DALE = "Dale Valley Hospitals NHS Trust";
const NORTHSHIRE = "Northshire Teaching Hospitals NHS Foundation Trust";

/** The sample with Dale Valley (in deficit) delivering nothing to date, and one scheme with no trust. */
function register(): Sample {
  const rows = sample.rows.map((r) => [...r]);
  const actuals = sample.header.flatMap((h, i) => (/actual/i.test(String(h)) ? [i] : []));
  for (const r of rows) if (r[col("Trust")] === DALE) for (const c of actuals) r[c] = 0;
  rows[2][col("Trust")] = "";
  return { ...sample, rows };
}

interface Organisation {
  cipOfTurnover: number;
  deficit: boolean;
  distress: boolean;
}

/** Each trust's measures from its totals, worked out here from the cells, apart from the add-in. */
function organisations(data: Sample, planHeader: string): Map<string, Organisation> {
  const totals = new Map<string, { plan: number; ytdPlan: number; actual: number; turnover: number; surplus: number }>();
  for (const r of data.rows) {
    const trust = String(r[col("Trust")]);
    if (trust === "") continue;
    const t = totals.get(trust) ?? { plan: 0, ytdPlan: 0, actual: 0, turnover: 0, surplus: 0 };
    t.plan += Number(r[col(planHeader)] ?? 0);
    t.ytdPlan += Number(r[col("YTD plan £k")] ?? 0);
    t.actual += Number(r[col("YTD actual £k")] ?? 0);
    t.turnover = Number(r[col("Trust turnover £k")]);
    t.surplus = Number(r[col("Trust surplus/(deficit) £k")]);
    totals.set(trust, t);
  }
  return new Map(
    [...totals].map(([trust, t]) => {
      const deficit = t.surplus < 0;
      return [
        trust,
        {
          cipOfTurnover: t.plan / t.turnover,
          deficit,
          distress: deficit && t.actual < 0.2 * t.plan && t.actual < 0.5 * t.ytdPlan,
        },
      ];
    }),
  );
}

/** The output block as shown: written values, or the written formulas evaluated by an independent engine. */
async function shownBlock(data: Sample, mode: "values" | "live" | "portable") {
  const pane = openPane(trackerBook(data));
  pane.book.select("Tracker!A1");
  await pane.controller.readSelection();
  const planHeader = pane.state().mapping!.rows.find((r) => r.field === "annualPlan")!.header;
  pane.controller.changeOptions({ outputMode: mode });
  await pane.controller.analyse();
  expect(pane.state().phase, pane.state().status.text).toBe("done");
  const address = pane.state().result!.outputAddress.replace(/^.*!/, "");
  if (mode === "values") return { planHeader, block: pane.book.values(`Tracker!${address}`) };
  const formulas = pane.book.formulas(`Tracker!A1:${address.split(":")[1]}`) as RawCellContent[][];
  const hf = HyperFormula.buildFromSheets({ Tracker: formulas }, { licenseKey: "gpl-v3" });
  const first = data.header.length;
  const block = formulas.map((row, r) =>
    row.slice(first).map((_, c) => shown(hf.getCellValue({ sheet: 0, row: r, col: first + c }))),
  );
  hf.destroy();
  return { planHeader, block };
}

describe.each(["values", "live", "portable"] as const)("a scheme register's organisation-level cells (%s)", (mode) => {
  it("show each scheme row its organisation's % of turnover, DEFICIT and DISTRESS", async () => {
    const data = register();
    const { planHeader, block } = await shownBlock(data, mode);
    const orgs = organisations(data, planHeader);
    // The setting of the test: a trust in distress, one in deficit only, one in surplus.
    expect(orgs.get(DALE)).toMatchObject({ deficit: true, distress: true });
    expect(orgs.get(NORTHSHIRE)).toMatchObject({ deficit: true, distress: false });
    expect([...orgs.values()].some((o) => !o.deficit)).toBe(true);
    const header = block[0];
    const cip = header.indexOf("CIP: CIP % of turnover");
    const flags = header.indexOf("CIP: Flags");
    expect(cip).toBeGreaterThanOrEqual(0);
    const wrong: string[] = [];
    data.rows.forEach((r, i) => {
      const row = block[i + 1];
      const words = String(row[flags]).split(", ");
      const org = orgs.get(String(r[col("Trust")]));
      const got = { cip: row[cip], deficit: words.includes("DEFICIT"), distress: words.includes("DISTRESS") };
      // A scheme with no organisation has no organisation's measures.
      const want = org
        ? { cip: org.cipOfTurnover, deficit: org.deficit, distress: org.distress }
        : { cip: "", deficit: false, distress: false };
      if (!close(got.cip, want.cip) || got.deficit !== want.deficit || got.distress !== want.distress)
        wrong.push(`row ${i + 2}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    });
    expect(wrong).toEqual([]);
    // The scheme's own delivery flags stay its own.
    const dale = data.rows.findIndex((r) => r[col("Trust")] === DALE && Number(r[col("YTD plan £k")]) > 0);
    expect(String(block[dale + 1][flags])).toMatch(/^BEHIND_PLAN, SEVERELY_BEHIND\b/);
  });
});
