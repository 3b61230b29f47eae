// The live formulas as written, for the trust sample's layout, and a check that every CIP.* call
// in them names a function of the catalogue with an argument count it accepts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLAN_MONTH_FIELDS, type Field } from "../../../src/core/fields";
import { recogniseColumns } from "../../../src/core/recogniseColumns";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings";
import { liveFormulaFor } from "../../../src/taskpane/output/liveFormulas";
import { OUTPUT_COLUMNS, type OutputColumnId } from "../../../src/taskpane/output/outputColumns";
import { formulaLayout, type FormulaLayout } from "../../../src/taskpane/output/portableFormulas";

const sample = JSON.parse(readFileSync(join(__dirname, "../../../assets/sample-trust-cip-tracker.json"), "utf8"));
const trust = formulaLayout(recogniseColumns(sample.header), { firstRow: 2, lastRow: 73 });

const live = (id: OutputColumnId, layout: FormulaLayout = trust, settings: Settings = DEFAULT_SETTINGS, hasForecast = true) =>
  liveFormulaFor(
    OUTPUT_COLUMNS.find((c) => c.id === id)!,
    layout,
    settings,
    hasForecast,
  );

// The trust sample: YTD plan in G with the phasing in P:AA behind it, YTD actual in H with six
// monthly actuals in AB:AG behind it, all in £k.
const PLAN = 'IF(G2:G73="",CIP.YTDPLAN(IF(P2:AA73="","",P2:AA73),6),G2:G73)';
// Every column handed to a function as IF(r="","",r): Windows hands a bare range's empty cells over as 0.
const ANNUAL = 'IF(F2:F73="","",F2:F73)';
const MONTHS = ["AB", "AC", "AD", "AE", "AF", "AG"];
const SUM = MONTHS.map((c) => `IF(${c}2:${c}73="",0,${c}2:${c}73)`).join("+");
const COUNT = MONTHS.map((c) => `ISNUMBER(${c}2:${c}73)`).join("+");
const ACTUAL = `IF(H2:H73="",IF(0*(${SUM})+${COUNT}=0,"",${SUM}),H2:H73)`;

describe("live formulas for the trust sample", () => {
  const golden: Record<OutputColumnId, string | null> = {
    variance: `=CIP.VARIANCE(${PLAN},${ACTUAL})`,
    shortfall: `=CIP.SHORTFALL(${PLAN},${ACTUAL})`,
    shortfallPct: `=CIP.SHORTFALLPCT(${PLAN},${ACTUAL})`,
    deliveryPct: `=CIP.DELIVERY(${ACTUAL},${PLAN})`,
    progressPct: `=CIP.DELIVERY(${ACTUAL},${ANNUAL})`,
    forecast: '=IF(I2:I73="","",I2:I73)',
    forecastShortfallPct: `=CIP.SHORTFALLPCT(${ANNUAL},IF(I2:I73="","",I2:I73))`,
    deliveryRag: `=CIP.RAG(CIP.DELIVERY(${ACTUAL},${PLAN}),0.95,0.8)`,
    forecastRag: `=CIP.RAG(CIP.SHORTFALLPCT(${ANNUAL},IF(I2:I73="","",I2:I73)),0.05,0.1)`,
    flags: null,
    cipOfTurnover: '=CIP.DELIVERY(IF(F2:F73="","",IF(F2:F73<0,SQRT(-1),F2:F73)),IF(M2:M73="","",M2:M73))',
    nonRecurrentShare: '=CIP.NRSHARE(IF(J2:J73="","",J2:J73),IF(K2:K73="","",K2:K73))',
    unidentifiedShare: `=CIP.DELIVERY(IF(L2:L73="","",IF(L2:L73<0,SQRT(-1),L2:L73)),${ANNUAL})`,
    // The scheme register's columns: schemeColumns.ts.
    riskAdjusted: null,
    riskBasis: null,
    notes: null,
  };

  it.each(OUTPUT_COLUMNS.map((c) => [c.id, golden[c.id]] as const))("%s", (id, formula) => {
    expect(live(id)).toBe(formula);
  });

  it("project the forecast by the method in the settings, months elapsed baked in", () => {
    const projected = (forecastMethod: Settings["forecastMethod"]) =>
      live("forecast", trust, { ...DEFAULT_SETTINGS, forecastBasis: "projected", forecastMethod });
    expect(projected("deliveryRatio")).toBe(`=CIP.FORECAST(${ANNUAL},${PLAN},${ACTUAL},"ratio",6)`);
    expect(projected("remainingPlan")).toBe(`=CIP.FORECAST(${ANNUAL},${PLAN},${ACTUAL},"plan",6)`);
    expect(projected("runRate")).toBe(`=CIP.FORECAST(${ANNUAL},${PLAN},${ACTUAL},"runrate",6)`);
    // A reported forecast with no forecast column: the projection.
    expect(live("forecastShortfallPct", trust, DEFAULT_SETTINGS, false)).toBe(
      `=CIP.SHORTFALLPCT(${ANNUAL},CIP.FORECAST(${ANNUAL},${PLAN},${ACTUAL},"ratio",6))`,
    );
  });

  it("rate with the settings' cut-offs, and without CIP.RAG where it would read them the wrong way round", () => {
    const strict = {
      ...DEFAULT_SETTINGS,
      deliveryRag: { greenAt: 0.9, amberAt: 0.9 },
      forecastShortfallRag: { greenAt: 0.2, amberAt: 0.3 },
    };
    expect(live("deliveryRag", trust, strict)).toBe(`=CIP.RAG(CIP.DELIVERY(${ACTUAL},${PLAN}),0.9,0.9)`);
    expect(live("forecastRag", trust, strict)).toBe(`=CIP.RAG(CIP.SHORTFALLPCT(${ANNUAL},IF(I2:I73="","",I2:I73)),0.2,0.3)`);
    const equal = { ...DEFAULT_SETTINGS, forecastShortfallRag: { greenAt: 0.2, amberAt: 0.2 } };
    const x = `CIP.SHORTFALLPCT(${ANNUAL},IF(I2:I73="","",I2:I73))`;
    expect(live("forecastRag", trust, equal)).toBe(`=IF(${x}="","",CHOOSE(MATCH(${x},{1e+308,0.200000001},-1),"Red","Green"))`);
  });

  it("rate by MATCH where a cut-off is 0, which CIP.RAG would read as not given", () => {
    const zero = { ...DEFAULT_SETTINGS, forecastShortfallRag: { greenAt: 0, amberAt: 0.1 } };
    const x = `CIP.SHORTFALLPCT(${ANNUAL},IF(I2:I73="","",I2:I73))`;
    expect(live("forecastRag", trust, zero)).toBe(
      `=IF(${x}="","",CHOOSE(MATCH(${x},{1e+308,0.100000001,1e-9},-1),"Red","Amber","Green"))`,
    );
    expect(live("deliveryRag", trust, { ...DEFAULT_SETTINGS, deliveryRag: { greenAt: 0.5, amberAt: 0 } })).not.toContain(
      "CIP.RAG",
    );
  });
});

describe("live formulas for other layouts", () => {
  // Plans in £m, actuals in £k (working unit £m), on another sheet; the phasing in two blocks.
  const columns: Partial<Record<Field, string>> = {
    annualPlan: "'Tracker data'!B",
    ytdActual: "'Tracker data'!C",
    ...Object.fromEntries(PLAN_MONTH_FIELDS.map((f, i) => [f, `'Tracker data'!${"DEFGHIKLMNOP"[i]}`])),
  };
  const layout: FormulaLayout = { columns, factors: { ytdActual: 0.001 }, firstRow: 5, lastRow: 9 };

  it("add up the phasing where there is no YTD plan column, columns apart put side by side", () => {
    const months = "DEFGHIKLMNOP"
      .split("")
      .map((c) => `IF('Tracker data'!${c}5:${c}9="","",'Tracker data'!${c}5:${c}9)`)
      .join(",");
    expect(live("variance", layout, DEFAULT_SETTINGS, false)).toBe(
      `=CIP.VARIANCE(CIP.YTDPLAN(CHOOSE({1,2,3,4,5,6,7,8,9,10,11,12},${months}),6),` +
        `IF('Tracker data'!C5:C9="","",'Tracker data'!C5:C9*0.001))`,
    );
  });

  it("scale a phasing in one block in another unit", () => {
    const one: FormulaLayout = {
      columns: { ytdActual: "C", ...Object.fromEntries(PLAN_MONTH_FIELDS.map((f, i) => [f, "DEFGHIJKLMNO"[i]])) },
      factors: Object.fromEntries(PLAN_MONTH_FIELDS.map((f) => [f, 1000])),
      firstRow: 2,
      lastRow: 3,
    };
    expect(live("shortfall", one, { ...DEFAULT_SETTINGS, monthsElapsed: 12 }, false)).toBe(
      '=CIP.SHORTFALL(CIP.YTDPLAN(IF(D2:O3="","",D2:O3*1000),12),IF(C2:C3="","",C2:C3))',
    );
  });

  it("give blank inputs where the tracker lacks a column", () => {
    expect(live("progressPct", { columns: { ytdActual: "C" }, firstRow: 2, lastRow: 3 }, DEFAULT_SETTINGS, false)).toBe(
      '=CIP.DELIVERY(IF(C2:C3="","",C2:C3),"")',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The catalogue: names and argument counts from the JSDoc that custom-functions-metadata-plugin reads.

function catalogue(): Map<string, { required: number; total: number }> {
  const source = readFileSync(join(__dirname, "../../../src/functions/functions.ts"), "utf8");
  const out = new Map<string, { required: number; total: number }>();
  for (const block of source.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const name = /@customfunction\s+([A-Z0-9.]+)/.exec(block)?.[1];
    if (name === undefined) continue;
    const params = [...block.matchAll(/@param\s+(\[)?/g)];
    out.set(name, { required: params.filter((p) => p[1] === undefined).length, total: params.length });
  }
  return out;
}

/** Every CIP.* call in a formula with its number of arguments (quotes and nesting respected). */
function calls(formula: string): { name: string; args: number }[] {
  const found: { name: string; args: number }[] = [];
  for (const m of formula.matchAll(/CIP\.([A-Z0-9]+)\(/g)) {
    let depth = 0;
    let args = 1;
    let quoted = false;
    let i = (m.index as number) + m[0].length;
    for (; i < formula.length; i++) {
      const c = formula[i];
      if (c === '"') quoted = !quoted;
      if (quoted) continue;
      if (c === "(" || c === "{") depth++;
      else if (c === ")" || c === "}") {
        if (depth === 0) break;
        depth--;
      } else if (c === "," && depth === 0) args++;
    }
    found.push({ name: m[1], args });
  }
  return found;
}

describe("every CIP.* call", () => {
  const functions = catalogue();
  const settings: Settings[] = [
    DEFAULT_SETTINGS,
    ...(["deliveryRatio", "remainingPlan", "runRate"] as const).map((forecastMethod) => ({
      ...DEFAULT_SETTINGS,
      forecastBasis: "projected" as const,
      forecastMethod,
    })),
  ];
  const formulas = settings.flatMap((s) =>
    OUTPUT_COLUMNS.flatMap((c) => [liveFormulaFor(c, trust, s, true), liveFormulaFor(c, trust, s, false)]),
  );

  it("reads the catalogue", () => {
    expect(functions.get("FORECAST")).toEqual({ required: 3, total: 5 });
    expect(functions.get("RAG")).toEqual({ required: 1, total: 3 });
  });

  it("names a catalogue function with an argument count it takes", () => {
    const used = formulas.flatMap((f) => (f === null ? [] : calls(f)));
    expect(new Set(used.map((u) => u.name))).toEqual(
      new Set(["VARIANCE", "SHORTFALL", "SHORTFALLPCT", "DELIVERY", "FORECAST", "RAG", "NRSHARE", "YTDPLAN"]),
    );
    for (const { name, args } of used) {
      const fn = functions.get(name);
      expect(fn, name).toBeDefined();
      expect(args, name).toBeGreaterThanOrEqual(fn!.required);
      expect(args, name).toBeLessThanOrEqual(fn!.total);
    }
  });
});
