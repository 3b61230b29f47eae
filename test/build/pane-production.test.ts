// The production taskpane.html (dist/, office.js from Microsoft's CDN) opened in headless Chromium
// outside Excel. The CDN's office.js files are answered from the @microsoft/office-js package here,
// so the test needs no network and proves the page asks for nothing else: any other request off
// this server is refused and reported. The page must say it has to be opened in Excel, log nothing,
// break no CSP rule and pass axe-core. Skipped only when Chromium is missing and CI is not set.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, normalize, sep } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addAxe, CHROMIUM, inCI, launchChromium, seriousViolations, serveFolder, watchPage } from "../../scripts/chromium.mjs";
import { OFFICE_JS_CDN, ROOT } from "./helpers";

const skip = !existsSync(CHROMIUM) && !inCI();
const SKIP_REASON = `skipped: ${CHROMIUM} is not installed (apt-get install chromium) and CI is not set`;
if (skip) console.warn(`pane-production.test.ts ${SKIP_REASON}.`);

const CDN_FOLDER = OFFICE_JS_CDN.slice(0, OFFICE_JS_CDN.lastIndexOf("/") + 1);
const PACKAGE_DIST = join(
  dirname(createRequire(join(ROOT, "package.json")).resolve("@microsoft/office-js/package.json")),
  "dist",
);

describe.skipIf(skip)(`production task pane in a plain browser${skip ? ` [${SKIP_REASON}]` : ""}`, () => {
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let session: Awaited<ReturnType<typeof launchChromium>>;
  let watch: Awaited<ReturnType<typeof watchPage>>;
  let page: Page;
  const fromPackage: string[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    server = await serveFolder(inject("prodDist"));
    session = await launchChromium({ viewport: { width: 320, height: 640 } });
    page = session.page;
    watch = await watchPage(page);
    await addAxe(page, join(ROOT, "node_modules", "axe-core", "axe.min.js"));
    await session.context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.origin}/`)) return route.continue();
      if (url.startsWith(CDN_FOLDER)) {
        const file = normalize(join(PACKAGE_DIST, new URL(url).pathname.slice(new URL(CDN_FOLDER).pathname.length)));
        if (file.startsWith(PACKAGE_DIST + sep) && existsSync(file)) {
          fromPackage.push(url);
          return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: readFileSync(file) });
        }
      }
      refused.push(url);
      return route.abort("blockedbyclient");
    });
    await page.goto(`${server.origin}/taskpane.html`, { waitUntil: "load" });
    await page.waitForSelector('#status[data-kind="outside"]', { timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it("says it must be opened from Excel", async () => {
    await expect(page.locator("#status-text").textContent()).resolves.toBe(
      "Not running inside Excel: open it from Excel's Home tab > CIP Analyst.",
    );
    await expect(page.locator("#status-detail").textContent()).resolves.toBe(
      "This page is the add-in's task pane; on its own in a browser it cannot read a workbook.",
    );
    await expect(page.locator("#app").isHidden()).resolves.toBe(true);
  });

  it("loads office.js from the CDN address (answered here from the package) and nothing else off this server", () => {
    expect(fromPackage).toContain(OFFICE_JS_CDN);
    expect(refused).toEqual([]);
    expect(watch.seen.requests.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith(CDN_FOLDER))).toEqual([]);
  });

  it("logs no error or warning, throws nothing and breaks no Content-Security-Policy rule", async () => {
    expect(watch.seen.errors).toEqual([]);
    expect(watch.seen.console).toEqual([]);
    expect(watch.seen.failed).toEqual([]);
    expect(await watch.cspViolations()).toEqual([]);
  });

  it("passes axe with no serious or critical violations", async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });
});
