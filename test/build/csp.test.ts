// Static Content-Security-Policy checks of the built page, production and development alike. The
// browser test (browser.test.ts) checks that the policy actually holds when the page runs.
import { describe, expect, inject, it } from "vitest";
import { readText } from "./helpers";

const CDN_ORIGIN = "https://appsforoffice.microsoft.com";

function policyOf(html: string): Map<string, string[]> {
  const meta = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html);
  expect(meta, "a <meta http-equiv=Content-Security-Policy> tag").not.toBeNull();
  const content = /\bcontent="([^"]*)"/i.exec(meta![0]) ?? /\bcontent='([^']*)'/i.exec(meta![0]);
  expect(content).not.toBeNull();
  const directives = new Map<string, string[]>();
  for (const part of content![1].split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

describe.each([
  ["production", () => inject("prodDist")],
  ["development", () => inject("devDist")],
])("taskpane.html (%s build)", (_, dist) => {
  const html = () => readText(dist(), "taskpane.html");

  it("declares the policy before any script or stylesheet", () => {
    const page = html();
    const metaAt = page.search(/<meta\b[^>]*Content-Security-Policy/i);
    const firstLoad = page.search(/<script\b|<link\b/i);
    expect(metaAt).toBeGreaterThanOrEqual(0);
    expect(metaAt).toBeLessThan(firstLoad);
  });

  it("allows scripts only from this origin and Microsoft's office.js CDN, without inline code or eval", () => {
    const csp = policyOf(html());
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")?.sort()).toEqual(["'self'", CDN_ORIGIN].sort());
    expect(csp.get("style-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    const everything = [...csp.values()].flat();
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "blob:", "http:", "https:"]) {
      expect(everything, unsafe).not.toContain(unsafe);
    }
    // frame-ancestors is ignored in <meta> and would have to track Excel on the web's domains.
    expect(csp.has("frame-ancestors")).toBe(false);
  });

  it("has no inline script, event-handler attribute, style attribute or <style> element", () => {
    const page = html();
    for (const m of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(m[1], "every script has a src").toMatch(/\bsrc=/i);
      expect(m[2].trim(), "script bodies are empty").toBe("");
    }
    expect(page).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/<[^>]*\sstyle\s*=/i);
    expect(page).not.toMatch(/<style\b/i);
    expect(page).not.toMatch(/javascript:/i);
  });

  it("loads scripts and stylesheets only from this origin or the CDN", () => {
    const page = html();
    const urls = [
      ...[...page.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]),
      ...[...page.matchAll(/<link\b[^>]*\bhref=["']?([^"'\s>]+)/gi)].map((m) => m[1]),
    ];
    expect(urls.length).toBeGreaterThanOrEqual(5);
    const foreign = urls.filter((u) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(u) && !u.startsWith(`${CDN_ORIGIN}/`));
    expect(foreign).toEqual([]);
  });
});
