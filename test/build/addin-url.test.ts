// ADDIN_URL: a production build refuses to run without an https one, and rewrites every development
// URL of the manifest to it, with or without a trailing slash.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runWebpack } from "../setup/build-dist";
import { manifestUrls, ROOT } from "./helpers";

const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

function envWith(addinUrl: string | undefined): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ADDIN_URL;
  if (addinUrl !== undefined) env.ADDIN_URL = addinUrl;
  return env;
}

async function failingBuild(addinUrl: string | undefined) {
  const out = join(mkdtempSync(join(tmpdir(), "cip-fail-")), "dist");
  temp.push(out);
  const result = await runWebpack("production", out, envWith(addinUrl));
  return { ...result, wrote: existsSync(out) && readdirSync(out).length > 0 };
}

/** What the build printed, as its non-empty lines: one line that says what is wrong, no stack trace. */
const printedLines = (output: string) => output.split(/\r?\n/).filter((line) => line.trim() !== "");

describe("a production build", () => {
  it("fails with a clear message when ADDIN_URL is not set", async () => {
    const { code, output, wrote } = await failingBuild(undefined);
    expect(code).not.toBe(0);
    expect(printedLines(output)).toEqual([expect.stringMatching(/ADDIN_URL is not set.*npm run build:dev/)]);
    expect(wrote).toBe(false);
  });

  it("fails when ADDIN_URL is http", async () => {
    const { code, output, wrote } = await failingBuild("http://cip.example.org/addin");
    expect(code).not.toBe(0);
    expect(printedLines(output)).toEqual([expect.stringMatching(/ADDIN_URL must be an https URL/)]);
    expect(wrote).toBe(false);
  });

  it("fails when ADDIN_URL is not a URL", async () => {
    const { code, output } = await failingBuild("cip.example.org/addin");
    expect(code).not.toBe(0);
    expect(printedLines(output)).toEqual([expect.stringMatching(/ADDIN_URL is not a valid URL/)]);
  });
});

describe("the manifest rewrite", () => {
  type CopyPattern = { from: string; transform?: (content: Buffer) => string };
  type Config = { plugins: { patterns?: CopyPattern[] }[] };
  const load = createRequire(join(ROOT, "package.json"));
  const configFactory = load(join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<Config>;
  const manifest = readFileSync(join(ROOT, "manifest.xml"));

  async function rewrite(addinUrl: string): Promise<string> {
    const saved = process.env.ADDIN_URL;
    process.env.ADDIN_URL = addinUrl;
    try {
      const config = await configFactory({}, { mode: "production" });
      const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === "manifest.xml");
      return pattern!.transform!(manifest);
    } finally {
      if (saved === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = saved;
    }
  }

  it.each(["https://cip.example.org/addin", "https://cip.example.org/addin/"])(
    "%s: every URL, once each, no double slash",
    async (url) => {
      const xml = await rewrite(url);
      const urls = manifestUrls(xml);
      expect(urls).toHaveLength(manifestUrls(manifest.toString()).length);
      expect(urls.every((u) => u.startsWith("https://cip.example.org/addin/") && !u.includes("addin//"))).toBe(true);
      expect(urls).toContain("https://cip.example.org/addin/taskpane.html");
      expect(xml).not.toMatch(/localhost/i);
    },
  );

  it("works for an add-in at the root of its host", async () => {
    const urls = manifestUrls(await rewrite("https://cip.example.org"));
    expect(urls).toContain("https://cip.example.org/taskpane.html");
    expect(urls.every((u) => u.startsWith("https://cip.example.org/") && !u.startsWith("https://cip.example.org//"))).toBe(true);
  });
});
