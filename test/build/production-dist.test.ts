// The production build as it would be released: what is in dist/, what the manifest points at, the
// page's Content-Security-Policy and the bundle budgets.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { baseOf, gzipSize, listFiles, manifestUrls, OFFICE_JS_CDN, readText } from "./helpers";

const dist = inject("prodDist");
const base = baseOf(inject("addinUrl"));
let files: string[];

beforeAll(() => {
  files = listFiles(dist);
});

describe("production dist", () => {
  it("has the page, the three bundles, the functions metadata, help, icons and the manifest", () => {
    for (const file of [
      "taskpane.html",
      "taskpane.css",
      "taskpane.js",
      "commands.js",
      "functions.js",
      "functions.json",
      "help.html",
      "manifest.xml",
    ]) {
      expect(files, file).toContain(file);
    }
    expect(files.some((f) => /^assets\/icon-\d+\.png$/.test(f))).toBe(true);
  });

  it("does not mention localhost anywhere, source maps included", () => {
    const offenders = files.filter((f) => /localhost/i.test(readFileSync(join(dist, f)).toString("latin1")));
    expect(offenders).toEqual([]);
  });

  it("does not ship the local copy of office.js", () => {
    expect(files.filter((f) => f.startsWith("office-js/") || f.endsWith("office.js"))).toEqual([]);
  });

  it("does not ship the preview or the Excel double it runs on", () => {
    expect(files.filter((f) => /preview/i.test(f))).toEqual([]);
    for (const bundle of files.filter((f) => f.endsWith(".js"))) {
      expect(readFileSync(join(dist, bundle), "utf8"), bundle).not.toMatch(/createWorkbookDouble|PropertyNotLoaded/);
    }
  });
});

describe("dist/manifest.xml", () => {
  let xml: string;
  beforeAll(() => {
    xml = readText(dist, "manifest.xml");
  });

  it("points every URL at ADDIN_URL", () => {
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith(base))).toEqual([]);
    expect(urls.filter((u) => u.slice(base.length).startsWith("/"))).toEqual([]); // no double slash
  });

  it("names the task pane, functions script and metadata under ADDIN_URL", () => {
    expect(xml).toContain(`"${base}taskpane.html"`);
    expect(xml).toContain(`"${base}functions.js"`);
    expect(xml).toContain(`"${base}functions.json"`);
  });

  it("points only at files the build contains", () => {
    const missing = manifestUrls(xml)
      .map((u) => u.slice(base.length).replace(/[?#].*$/, ""))
      .filter((f) => !existsSync(join(dist, f)));
    expect(missing).toEqual([]);
  });
});

describe("functions.json", () => {
  type Param = { name: string; dimensionality?: string; optional?: boolean; type?: string };
  type Fn = { id: string; name: string; parameters: Param[]; result?: { dimensionality?: string } };
  let functions: Fn[];
  beforeAll(() => {
    functions = JSON.parse(readText(dist, "functions.json")).functions;
  });
  const byId = (id: string) => functions.find((f) => f.id === id)!;
  const params = (id: string) => byId(id).parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional === true]);

  // The contract workbooks depend on: names, argument order and which arguments are optional.
  // Changing a line here breaks every workbook that uses the function.
  const SIGNATURES: Record<string, string> = {
    SHORTFALL: "target, achieved",
    SHORTFALLPCT: "target, achieved",
    VARIANCE: "plan, actual",
    DELIVERY: "achieved, target",
    FORECAST: "annual_plan, ytd_plan, ytd_actual, [method], [months_elapsed]",
    REQUIREDRATE: "annual_plan, ytd_actual, months_elapsed",
    RAG: "value, [green_at], [amber_at]",
    FLAGS: "annual_plan, ytd_plan, ytd_actual, [surplus_deficit]",
    NRSHARE: "recurrent, non_recurrent",
    YTDPLAN: "monthly_plan, months_elapsed",
    H2SHARE: "monthly_plan",
    SUMMARY: "annual_plan, ytd_plan, ytd_actual, [group]",
    RISKADJUST: "values, basis, [weights]",
    ROLLUP: "keys, values, [measures]",
  };

  it("lists the whole CIP.* catalogue, each id its own name", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(SIGNATURES).sort());
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  it("keeps every function's arguments, in order, optional where the contract says", () => {
    for (const [id, signature] of Object.entries(SIGNATURES)) {
      const got = byId(id)
        .parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))
        .join(", ");
      expect(got, id).toBe(signature);
    }
  });

  it("takes a range for every argument and spills a matrix", () => {
    for (const id of Object.keys(SIGNATURES)) {
      expect(
        params(id).every(([, dimensionality]) => dimensionality === "matrix"),
        id,
      ).toBe(true);
      expect(byId(id).result?.dimensionality, id).toBe("matrix");
    }
  });
});

describe("taskpane.html", () => {
  let html: string;
  beforeAll(() => {
    html = readText(dist, "taskpane.html");
  });

  it("loads office.js from Microsoft's CDN before the add-in's own scripts", () => {
    const srcs = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]);
    expect(srcs[0]).toBe(OFFICE_JS_CDN);
    expect(srcs.slice(1).map((s) => s.replace(/\?.*$/, ""))).toEqual(["functions.js", "commands.js", "taskpane.js"]);
  });
});

describe("bundle budgets (gzipped)", () => {
  it("task pane bundle is at most 150 KB", () => {
    expect(gzipSize(dist, "taskpane.js")).toBeLessThanOrEqual(150 * 1024);
  });
  it("functions bundle is at most 30 KB", () => {
    expect(gzipSize(dist, "functions.js")).toBeLessThanOrEqual(30 * 1024);
  });
});
