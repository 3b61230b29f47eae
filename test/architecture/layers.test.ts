// The import rules of docs/ARCHITECTURE.md, checked on every file: each layer imports only the
// layers below it, product code never imports tests or benchmarks, and only the preview, tests and
// benchmarks use the Excel double. A rule written here and not in the doc (or the other way round)
// is a bug in one of them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importGraph, packageImports, ROOT } from "./importGraph";

/** Layer name -> the path prefixes it covers. The longest matching prefix decides a file's layer. */
const LAYERS: Record<string, readonly string[]> = {
  core: ["src/core/"],
  functions: ["src/functions/"],
  geometry: ["src/taskpane/geometry/"],
  options: ["src/taskpane/options.ts"],
  output: ["src/taskpane/output/"],
  summary: ["src/taskpane/summary/"],
  view: ["src/taskpane/view/"],
  excel: ["src/taskpane/excel/"],
  pane: ["src/taskpane/"],
  preview: ["src/preview/"],
  commands: ["src/commands/", "src/help/"],
  double: ["packages/excel-double/"],
  synthetic: ["packages/synthetic-tracker/"],
  assets: ["assets/"],
  bench: ["bench/"],
  scripts: ["scripts/"],
  testSupport: ["test/support/"],
  tests: ["test/", "packages/excel-double/test/"],
};

/** Layer -> the layers it may import (its own always allowed). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  functions: ["core"],
  geometry: ["core"],
  options: [],
  output: ["core", "geometry", "options"],
  summary: ["core", "geometry", "options", "output"],
  view: ["core", "options"],
  excel: ["core", "geometry", "options", "output", "summary", "pane"],
  pane: ["core", "geometry", "options", "output", "summary", "view", "excel"],
  preview: ["core", "pane", "view", "options", "double", "synthetic", "assets"],
  commands: [],
  double: [],
  synthetic: [],
  scripts: [],
  bench: ["core", "functions", "geometry", "options", "output", "summary", "excel", "pane", "double", "synthetic", "testSupport"],
  testSupport: ["core", "functions", "geometry", "options", "output", "summary", "view", "excel", "pane", "double"],
  tests: Object.keys(LAYERS),
};

/** Packages a layer may import by name; Node's own modules and everything else are refused in src/. */
const MAY_IMPORT_PACKAGES: Record<string, RegExp> = {
  view: /^@fluentui\//,
  preview: /^@fluentui\//,
};

function layerOf(file: string): string {
  let best = "";
  let bestLength = -1;
  for (const [layer, prefixes] of Object.entries(LAYERS)) {
    for (const prefix of prefixes) {
      if (file.startsWith(prefix) && prefix.length > bestLength) {
        best = layer;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

const TREES = ["src", "packages", "bench", "test"];

function breaches(): string[] {
  const out: string[] = [];
  for (const tree of TREES) {
    for (const [file, targets] of importGraph(tree)) {
      const from = layerOf(file);
      for (const target of targets) {
        const to = layerOf(target);
        if (to !== from && !(MAY_IMPORT[from] ?? []).includes(to)) out.push(`${file} (${from}) imports ${target} (${to || "?"})`);
      }
    }
  }
  return out;
}

describe("layers", () => {
  it("every source file belongs to a layer", () => {
    const unplaced = TREES.flatMap((tree) => [...importGraph(tree).keys()]).filter((f) => layerOf(f) === "");
    expect(unplaced).toEqual([]);
  });

  it("each layer imports only what docs/ARCHITECTURE.md allows", () => {
    expect(breaches()).toEqual([]);
  });

  it("catches a breach: a made-up core file importing the task pane", () => {
    const from = layerOf("src/core/x.ts");
    expect(MAY_IMPORT[from]).not.toContain(layerOf("src/taskpane/excel/gateway.ts"));
    expect(MAY_IMPORT[layerOf("src/preview/grid.ts")]).not.toContain(layerOf("test/support/paneHarness.ts"));
    expect(MAY_IMPORT[layerOf("src/taskpane/controller.ts")]).not.toContain(layerOf("packages/excel-double/index.ts"));
  });

  it("product code imports no package but Fluent UI in the view and preview (never Node)", () => {
    const found = [...packageImports("src")].flatMap(([file, names]) =>
      names.filter((name) => !(MAY_IMPORT_PACKAGES[layerOf(file)]?.test(name) ?? false)).map((name) => `${file} imports ${name}`),
    );
    expect(found).toEqual([]);
  });

  it("only the Excel adapter syncs with Excel, and only taskpane.ts hands Excel.run to it", () => {
    const graph = importGraph("src");
    const calls = (pattern: RegExp) =>
      [...graph.keys()].filter((f) => !f.startsWith("src/preview/") && pattern.test(readFileSync(join(ROOT, f), "utf8")));
    expect(calls(/\bExcel\.run\(/)).toEqual(["src/taskpane/taskpane.ts"]);
    expect(calls(/\.sync\(\)/).every((f) => f.startsWith("src/taskpane/excel/"))).toBe(true);
    expect(calls(/\bhost\.run\(/)).toEqual(["src/taskpane/excel/gateway.ts"]);
  });
});
