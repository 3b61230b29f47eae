// The development build (local office.js) served over plain http and opened in headless Chromium,
// outside Excel: the page must say so, load all its chunks, log no errors, break no CSP rule and
// fetch nothing from anywhere but its own server. Skipped only when /usr/bin/chromium is missing and
// CI is not set; in CI a missing browser is a failure.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CHROMIUM, inCI, launchChromium, serveFolder, watchPage, type Seen } from "../../scripts/chromium.mjs";

const skip = !existsSync(CHROMIUM) && !inCI();
const SKIP_REASON = `skipped: ${CHROMIUM} is not installed (apt-get install chromium) and CI is not set`;
if (skip) console.warn(`browser.test.ts ${SKIP_REASON}.`);

describe.skipIf(skip)(`task pane in a plain browser (development build)${skip ? ` [${SKIP_REASON}]` : ""}`, () => {
  let server: { origin: string; close(): Promise<void> };
  let browser: { page: Page; close(): Promise<void> };
  let origin: string;
  let page: Page;
  let seen: Seen;
  let cspViolations: () => Promise<string[]>;
  const scripts = new Map<string, number>();

  beforeAll(async () => {
    server = await serveFolder(inject("devDist"));
    origin = server.origin;
    browser = await launchChromium({ viewport: { width: 320, height: 640 } });
    page = browser.page;
    ({ seen, cspViolations } = await watchPage(page));
    page.on("response", (r) => {
      const name = new URL(r.url()).pathname.slice(1);
      if (name.endsWith(".js")) scripts.set(name, r.status());
    });
    await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
    await page.waitForSelector('#status[data-kind="outside"]', { timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("says plainly that it is not running inside Excel", async () => {
    await expect(page.locator("#status-text").textContent()).resolves.toBe(
      "Not running inside Excel: open it from Excel's Home tab > CIP Analyst.",
    );
    await expect(page.locator("h1").textContent()).resolves.toBe("CIP Analyst");
  });

  it("loads office.js locally and all three chunks, with no errors in the console", () => {
    for (const file of ["office-js/office.js", "functions.js", "commands.js", "taskpane.js"])
      expect(scripts.get(file), file).toBe(200);
    expect(seen.errors).toEqual([]);
    expect(seen.console).toEqual([]);
    expect(seen.failed).toEqual([]);
  });

  it("breaks no Content-Security-Policy rule", async () => {
    expect(await cspViolations()).toEqual([]);
  });

  it("ran the functions chunk: office.js holds an association for every custom function", async () => {
    const ids = await page.evaluate(() => {
      const cf = (window as unknown as { CustomFunctions?: { _association?: { mappings?: Record<string, unknown> } } })
        .CustomFunctions;
      return cf?._association?.mappings ? Object.keys(cf._association.mappings).sort() : null;
    });
    // office.js's internal registry (CustomFunctions._association.mappings in @microsoft/office-js
    // 1.1.110); if an update renames it, look for the new name rather than dropping this check.
    const expected = JSON.parse(readFileSync(join(inject("devDist"), "functions.json"), "utf8"))
      .functions.map((f: { id: string }) => f.id)
      .sort();
    expect(expected.length).toBeGreaterThan(10);
    expect(ids, "office.js's CustomFunctions registry").toEqual(expected);
  });

  it("requests nothing outside its own server", () => {
    expect(seen.requests.length).toBeGreaterThan(3);
    expect(seen.requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
  });

  it("fits a 320 px wide pane without sideways scrolling", async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
  });
});
