// A contract test of what Excel loads: the built dist/functions.js, run in a bare node:vm context
// whose only global is a fake CustomFunctions. If the bundle touched Office, Excel, window or
// document while loading, it would throw here. The metadata Excel reads (functions.json) must
// match what the bundle registers, and describe every function and parameter.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { baseOf } from "./helpers";
import { cells, loadFunctions, readMetadata } from "../support/functionsBundle";

const CATALOGUE = [
  "SHORTFALL",
  "SHORTFALLPCT",
  "VARIANCE",
  "DELIVERY",
  "FORECAST",
  "REQUIREDRATE",
  "RAG",
  "FLAGS",
  "NRSHARE",
  "YTDPLAN",
  "H2SHARE",
  "SUMMARY",
  "RISKADJUST",
  "ROLLUP",
];

describe("functions.js in a bare context", () => {
  it("loads with only CustomFunctions defined and associates exactly the ids in functions.json", () => {
    const { associations, context } = loadFunctions(inject("prodDist"));
    const ids = readMetadata(inject("prodDist")).map((f) => f.id);
    expect([...associations.keys()].sort()).toEqual([...ids].sort());
    expect([...ids].sort()).toEqual([...CATALOGUE].sort());
    // It left nothing behind in the global scope but what it was given.
    expect(Object.keys(context)).toEqual(["CustomFunctions"]);
  });

  it("loaded twice in one window (standalone and by the page), it re-associates the same functions harmlessly", () => {
    const { associations, duplicates } = loadFunctions(inject("prodDist"), 2);
    expect([...associations.keys()].sort()).toEqual([...CATALOGUE].sort());
    expect(duplicates.sort()).toEqual([...CATALOGUE].sort());
    expect(cells(associations.get("SHORTFALL")!([[100], [50]], [[80], [60]]))).toEqual([[20], [0]]);
  });
});

describe("functions.json", () => {
  const metadata = () => readMetadata(inject("prodDist"));

  it("names every id after the function, in upper case, with a description", () => {
    for (const f of metadata()) {
      expect(f.name).toBe(f.id);
      expect(f.id).toMatch(/^[A-Z0-9]+$/);
      expect(f.description.length, f.id).toBeGreaterThan(30);
    }
  });

  it("takes every argument as a range and spills every result", () => {
    for (const f of metadata()) {
      expect(f.result.dimensionality, f.id).toBe("matrix");
      for (const p of f.parameters) expect(p.dimensionality, `${f.id} ${p.name}`).toBe("matrix");
    }
  });

  it("describes every parameter, and says what an optional one defaults to", () => {
    for (const f of metadata()) {
      for (const p of f.parameters) {
        expect(p.description.length, `${f.id} ${p.name}`).toBeGreaterThan(10);
        if (p.optional) expect(p.description, `${f.id} ${p.name}`).toMatch(/default|omitted|needed/i);
      }
    }
  });

  it("links every function to its entry in the built function reference, under ADDIN_URL", () => {
    const html = readFileSync(join(inject("prodDist"), "functions.html"), "utf8");
    for (const f of metadata()) {
      expect(f.helpUrl, f.id).toBe(`${baseOf(inject("addinUrl"))}functions.html#cip-${f.id.toLowerCase()}`);
      expect(html, f.id).toMatch(new RegExp(`<h2 id="?cip-${f.id.toLowerCase()}"?>CIP\\.${f.id}</h2>`));
    }
  });
});
