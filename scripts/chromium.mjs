// Headless Chromium for the browser tests and `npm run screenshots`: Debian's own chromium driven by
// playwright-core (never a browser download), a static server over a built folder, and a watch on
// what a page logs, requests and breaks. Flags and profile: see the Office notes in the project's
// shared docs (a closed network, a fresh profile, no sandbox when running as root).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
};

/** Whether browser tests must run: in CI a missing browser is a failure, elsewhere a skip. */
export function inCI() {
  const ci = (process.env.CI ?? "").toLowerCase();
  return ci !== "" && ci !== "false" && ci !== "0";
}

/** Serves one folder on 127.0.0.1 (a free port); resolves with its origin and a close(). */
export function serveFolder(folder) {
  const root = normalize(folder);
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
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () =>
      done({
        origin: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((closed) => server.close(() => closed(undefined))),
      }),
    ),
  );
}

/** A fresh headless Chromium with one page; close() also removes its profile. */
export async function launchChromium({ viewport = { width: 1400, height: 900 }, deviceScaleFactor = 1 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "cip-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
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
    viewport,
    deviceScaleFactor,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Records, for every frame of the page, console errors and warnings, uncaught errors, failed or
 * refused requests and Content-Security-Policy violations (collected by a script DevTools injects
 * before the page's own, to which the page's policy does not apply).
 */
export async function watchPage(page) {
  const seen = { console: [], errors: [], requests: [], failed: [] };
  await page.addInitScript(() => {
    const violations = [];
    window.__cspViolations = violations;
    document.addEventListener("securitypolicyviolation", (e) =>
      violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${location.pathname}`),
    );
  });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning" || /Content.Security.Policy/i.test(m.text())) {
      seen.console.push(`${m.type()}: ${m.text()} (${m.location().url})`);
    }
  });
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  page.on("request", (r) => seen.requests.push(r.url()));
  page.on("requestfailed", (r) => seen.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => {
    if (r.status() >= 400) seen.failed.push(`${r.url()} HTTP ${r.status()}`);
  });
  return {
    seen,
    /** CSP violations reported so far in every frame of the page. */
    cspViolations: async () =>
      (await Promise.all(page.frames().map((f) => f.evaluate(() => window.__cspViolations ?? []).catch(() => [])))).flat(),
  };
}

/** Makes axe-core available in every frame the page opens (injected by DevTools, so the CSP allows it). */
export async function addAxe(page, axePath) {
  await page.addInitScript({ path: axePath });
}

/** axe's serious and critical violations in one frame, as "rule: target" lines. */
export async function seriousViolations(frame) {
  const result = await frame.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${v.help}`));
}
