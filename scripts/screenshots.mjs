#!/usr/bin/env node
// npm run screenshots: pictures of the task pane for the README, taken from the browser preview in
// headless Chromium (Debian's chromium, see scripts/chromium.mjs). Builds the development add-in
// into a temporary folder, serves it, uses the preview as an analyst would (select the sample
// tracker, Use selection, Analyse) and writes PNGs to docs/images/:
//
//   preview-before.png   the preview with the sample tracker read, before Analyse
//   preview-after.png    after Analyse: results beside the data, RAG colours, the pane's results
//   preview-summary.png  the CIP Summary sheet
//   preview-movement.png the summary's movement since the last run (?runs=2: last month's run in the history)
//   pane-before.png      the task pane alone, full length, with the tracker read
//   pane-after.png       the task pane alone, full length, after Analyse
//   pane-after-dark.png  the same in Excel's dark theme (the preview follows the browser's scheme)
//   schemes-*.png        the sample scheme register (schemeScreenshots.mjs)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM, launchChromium, serveFolder, watchPage } from "./chromium.mjs";
import { ROOT } from "./dev-server-state.mjs";
import { shootSchemeRegister } from "./schemeScreenshots.mjs";

const OUT = join(ROOT, "docs", "images");
const WEBPACK_CLI = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");

if (!existsSync(CHROMIUM)) {
  console.error(`npm run screenshots needs Chromium at ${CHROMIUM} (apt-get install chromium).`);
  process.exit(1);
}

const dist = mkdtempSync(join(tmpdir(), "cip-screenshots-"));
let server;
let browser;
try {
  console.log("Building the development add-in (with the preview)...");
  const env = { ...process.env };
  delete env.ADDIN_URL;
  const build = spawnSync(process.execPath, [WEBPACK_CLI, "--mode", "development", "--output-path", dist], {
    cwd: ROOT,
    env,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error(`the build failed (exit ${build.status ?? build.signal})`);

  server = await serveFolder(dist);
  mkdirSync(OUT, { recursive: true });
  const written = [];
  const shoot = async (target, name, options = {}) => {
    await target.screenshot({ path: join(OUT, name), ...options });
    written.push(name);
  };

  // The preview: grid and pane side by side.
  browser = await launchChromium({ viewport: { width: 1400, height: 860 } });
  const { page } = browser;
  const watch = await watchPage(page);
  const pane = page.frameLocator("#pane-frame");
  await page.goto(`${server.origin}/preview.html`);
  await pane.getByRole("button", { name: "Use selection" }).waitFor({ timeout: 30_000 });
  await page.locator("#workbook-status", { hasText: "Nothing here is saved" }).waitFor();
  await page.locator('.grid-cells [data-address="C5"]').click();
  await pane.getByRole("button", { name: "Use selection" }).click();
  await pane.getByRole("button", { name: "Analyse" }).waitFor();
  await pane.getByText(/^Read 72 rows/).waitFor();
  await shoot(page, "preview-before.png");

  await pane.getByRole("button", { name: "Analyse" }).click();
  await pane.getByText(/^Done: results written/).waitFor({ timeout: 30_000 });
  await page.locator("#namebox").fill("AM1");
  await page.locator("#namebox").press("Enter");
  await page.evaluate(() => document.activeElement?.blur());
  await pane.getByRole("heading", { name: "Results" }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await shoot(page, "preview-after.png");

  await page.getByRole("tab", { name: "CIP Summary" }).click();
  await page.locator('.grid-cells [data-address="A1"]', { hasText: "CIP Analyst summary" }).waitFor();
  await page.waitForTimeout(300);
  await shoot(page, "preview-summary.png");

  // Two runs: the sample opens with last month's run in its history, so the summary shows what moved.
  await page.goto(`${server.origin}/preview.html?runs=2`);
  await pane.getByRole("button", { name: "Use selection" }).waitFor({ timeout: 30_000 });
  await page.locator("#workbook-status", { hasText: "Nothing here is saved" }).waitFor();
  await page.locator('.grid-cells [data-address="C5"]').click();
  await pane.getByRole("button", { name: "Use selection" }).click();
  await pane.getByRole("button", { name: "Analyse" }).waitFor();
  await pane.getByRole("button", { name: "Analyse" }).click();
  await pane.getByText(/^Done: results written/).waitFor({ timeout: 30_000 });
  await page.getByRole("tab", { name: "CIP Summary" }).click();
  const movementRow = await page.evaluate(async () => {
    const frame = /** @type {HTMLIFrameElement} */ (document.getElementById("pane-frame"));
    const book = await frame.contentWindow.cipPreview.ready;
    return book.values("'CIP Summary'!A1:A400").findIndex((r) => r[0] === "Movement since the last run") + 1;
  });
  if (movementRow < 1) throw new Error("the summary has no movement section");
  await page.locator("#namebox").fill(`A${movementRow + 30}`);
  await page.locator("#namebox").press("Enter");
  await page.locator("#namebox").fill(`A${movementRow}`);
  await page.locator("#namebox").press("Enter");
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForTimeout(300);
  await shoot(page, "preview-movement.png");

  const problems = [...watch.seen.errors, ...watch.seen.console];
  await browser.close();
  browser = null;

  // The pane alone at a task pane's width, full length (its frame page works on its own too).
  browser = await launchChromium({ viewport: { width: 360, height: 900 } });
  const alone = browser.page;
  await alone.goto(`${server.origin}/preview-pane.html`);
  await alone.getByRole("button", { name: "Use selection" }).click();
  await alone.getByText(/^Read 72 rows/).waitFor({ timeout: 30_000 });
  await shoot(alone, "pane-before.png", { fullPage: true });
  await alone.getByRole("button", { name: "Analyse" }).click();
  await alone.getByText(/^Done: results written/).waitFor({ timeout: 30_000 });
  await alone.evaluate(() => window.scrollTo(0, 0));
  await shoot(alone, "pane-after.png", { fullPage: true });

  // Dark: the preview's Office theme follows the browser's colour scheme, as Excel's pane follows Excel's.
  await alone.emulateMedia({ colorScheme: "dark" });
  await alone.reload();
  await alone.getByRole("button", { name: "Use selection" }).click();
  await alone.getByText(/^Read 72 rows/).waitFor({ timeout: 30_000 });
  await alone.getByRole("button", { name: "Analyse" }).click();
  await alone.getByText(/^Done: results written/).waitFor({ timeout: 30_000 });
  await alone.evaluate(() => window.scrollTo(0, 0));
  await shoot(alone, "pane-after-dark.png", { fullPage: true });

  await shootSchemeRegister({ launchChromium, origin: server.origin, shoot });

  if (problems.length > 0) console.warn(`The preview logged problems:\n  ${problems.join("\n  ")}`);
  console.log(`Wrote ${written.map((n) => `docs/images/${n}`).join(", ")}.`);
} catch (error) {
  console.error(`npm run screenshots failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
}
