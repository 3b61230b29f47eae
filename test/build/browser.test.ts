// The development build (local office.js) served over plain http and opened in headless Chromium,
// outside Excel: the page must say so, load all its chunks, log no errors, break no CSP rule and
// fetch nothing from anywhere but its own server. Skipped only when /usr/bin/chromium is missing and
// CI is not set; in CI a missing browser is a failure.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const CHROMIUM = "/usr/bin/chromium";
const inCI = !!process.env.CI && !["false", "0"].includes(process.env.CI.toLowerCase());
const skip = !existsSync(CHROMIUM) && !inCI;
const SKIP_REASON = `skipped: ${CHROMIUM} is not installed (apt-get install chromium) and CI is not set`;
if (skip) console.warn(`browser.test.ts ${SKIP_REASON}.`);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** A minimal static file server over one folder. */
function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

describe.skipIf(skip)(`task pane in a plain browser (development build)${skip ? ` [${SKIP_REASON}]` : ""}`, () => {
  let server: Server;
  let origin: string;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  const consoleProblems: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];
  const failed: string[] = [];
  const scripts = new Map<string, number>();

  beforeAll(async () => {
    server = await serve(normalize(inject("devDist")));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), "cip-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      chromiumSandbox: false,
      args: [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 320, height: 640 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    // Runs before the page's own scripts; injected by DevTools, so the page's CSP does not apply to it.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`),
      );
    });
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning" || /Content.Security.Policy/i.test(m.text())) {
        consoleProblems.push(`${m.type()}: ${m.text()} (${m.location().url})`);
      }
    });
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    page.on("request", (r) => requests.push(r.url()));
    page.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.url()} HTTP ${r.status()}`);
      const name = new URL(r.url()).pathname.slice(1);
      if (name.endsWith(".js")) scripts.set(name, r.status());
    });
    await page.goto(`${origin}/taskpane.html`, { waitUntil: "load" });
    await page.waitForSelector('#status[data-kind="outside"]', { timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    if (profile) rmSync(profile, { recursive: true, force: true });
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
    expect(pageErrors).toEqual([]);
    expect(consoleProblems).toEqual([]);
    expect(failed).toEqual([]);
  });

  it("breaks no Content-Security-Policy rule", async () => {
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
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
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
  });

  it("fits a 320 px wide pane without sideways scrolling", async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
  });
});
