// The size budget plugin that `npm run build` uses: it must fail a build whose bundle is over budget
// (the production dist itself is checked against the real budgets in production-dist.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers";

const load = createRequire(join(ROOT, "package.json"));
const webpack = load("webpack") as typeof import("webpack");
const { BundleSizePlugin } = load(join(ROOT, "scripts", "bundle-sizes.cjs"));

const dir = mkdtempSync(join(tmpdir(), "cip-budget-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, "entry.js"),
  `export const words = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `word${i}`))};\nconsole.log(words.join(","));\n`,
);

function compile(budget: number): Promise<string[]> {
  const compiler = webpack({
    mode: "production",
    context: dir,
    entry: { taskpane: "./entry.js" },
    output: { path: join(dir, `out-${budget}`), filename: "[name].js" },
    plugins: [new BundleSizePlugin({ budgets: { "taskpane.js": budget }, print: false })],
  });
  return new Promise((done, fail) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || !stats) fail(err);
      else done(stats.toJson({ all: false, errors: true }).errors!.map((e) => e.message));
    }),
  );
}

describe("BundleSizePlugin", () => {
  it("fails the build when a bundle is over its gzipped budget", async () => {
    const errors = await compile(100);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Bundle budget exceeded: taskpane\.js is [\d.]+ KB gzipped, over its 0\.1 KB budget/);
  });

  it("passes a bundle within budget", async () => {
    expect(await compile(100 * 1024)).toEqual([]);
  });
});
