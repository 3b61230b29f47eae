// Webpack plugin: prints the raw and gzipped size of every emitted JavaScript file (office.js and its
// host files excluded: they come from Microsoft's CDN in production) and fails the build when a
// bundle is over its gzipped budget. The task pane loads inside Excel, often on slow NHS networks
// and old laptops, so the budgets are enforced, not advisory.
"use strict";

const zlib = require("node:zlib");

const KB = 1024;
const DEFAULT_BUDGETS = { "taskpane.js": 150 * KB, "functions.js": 30 * KB };

const gzipSize = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

class BundleSizePlugin {
  /**
   * @param {{ budgets?: Record<string, number>, enforce?: boolean, print?: boolean, exclude?: RegExp }} [options]
   *   budgets: gzipped byte limits by asset name; enforce: fail the build when one is exceeded;
   *   print: print the table (never in watch mode).
   */
  constructor(options = {}) {
    this.budgets = options.budgets ?? DEFAULT_BUDGETS;
    this.enforce = options.enforce ?? true;
    this.print = options.print ?? true;
    this.exclude = options.exclude ?? /^office-js\//;
  }

  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    let rows = [];
    compiler.hooks.thisCompilation.tap(BundleSizePlugin.name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: BundleSizePlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          rows = Object.keys(assets)
            .filter((name) => name.endsWith(".js") && !this.exclude.test(name))
            .sort()
            .map((name) => {
              const buffer = compilation.getAsset(name).source.buffer();
              return { name, raw: buffer.length, gzip: gzipSize(buffer), budget: this.budgets[name] };
            });
          if (!this.enforce) return;
          for (const name of Object.keys(this.budgets)) {
            if (!rows.some((r) => r.name === name)) {
              compilation.errors.push(new WebpackError(`Bundle budget: ${name} was not emitted.`));
            }
          }
          for (const row of rows) {
            if (row.budget !== undefined && row.gzip > row.budget) {
              compilation.errors.push(
                new WebpackError(
                  `Bundle budget exceeded: ${row.name} is ${kb(row.gzip)} gzipped, over its ${kb(row.budget)} budget. ` +
                    "Look for a large dependency that crept in (npx webpack --mode production --json > stats.json, then inspect), " +
                    "or raise the budget in webpack.config.js with a reason.",
                ),
              );
            }
          }
        },
      );
    });
    compiler.hooks.done.tap(BundleSizePlugin.name, () => {
      if (!this.print || compiler.watchMode || rows.length === 0) return;
      const width = Math.max(...rows.map((r) => r.name.length), 6);
      const lines = [`${"Bundle".padEnd(width)}  ${"raw".padStart(10)}  ${"gzipped".padStart(10)}  budget (gzipped)`];
      for (const r of rows) {
        const budget = r.budget === undefined ? "" : `${kb(r.budget)}${r.gzip > r.budget ? "  OVER" : ""}`;
        lines.push(`${r.name.padEnd(width)}  ${kb(r.raw).padStart(10)}  ${kb(r.gzip).padStart(10)}  ${budget}`);
      }
      const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip }), { raw: 0, gzip: 0 });
      lines.push(`${"total".padEnd(width)}  ${kb(total.raw).padStart(10)}  ${kb(total.gzip).padStart(10)}`);
      console.log(`\nBundle sizes (office.js excluded):\n${lines.map((l) => `  ${l}`).join("\n")}\n`);
    });
  }
}

module.exports = { BundleSizePlugin, DEFAULT_BUDGETS, gzipSize };
