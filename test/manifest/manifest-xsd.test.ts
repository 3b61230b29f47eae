/**
 * The real manifest against Microsoft's XSDs (the shared offline validator, which needs xmllint
 * from Debian's libxml2-utils), and `npm run validate` end to end.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MANIFEST_PATH, REPO_ROOT, VALIDATE_SCRIPT, VALIDATE_SH, makeTemp, mutate, removeTemp, writeTemp } from "./helpers";

const temp = makeTemp("xsd");
afterAll(() => removeTemp(temp));

function xsd(file: string) {
  expect(existsSync(VALIDATE_SH), `the XSD validator is missing: ${VALIDATE_SH}`).toBe(true);
  const run = spawnSync("bash", [VALIDATE_SH, file], { encoding: "utf8" });
  expect(run.stderr, "xmllint is not installed (Debian: apt-get install libxml2-utils)").not.toMatch(/xmllint not found/);
  return run;
}

describe("manifest.xml against the XSD", () => {
  it("validates", () => {
    const run = xsd(MANIFEST_PATH);
    expect(run.stderr).toContain("validates");
    expect(run.status).toBe(0);
  });

  it("rejects <Runtimes> after <AllFormFactors> (element order is checked)", () => {
    const runtimes = `<Runtimes>
          <Runtime resid="Taskpane.Url" lifetime="long"/>
        </Runtimes>`;
    const moved = mutate(runtimes, "").replace("</AllFormFactors>", `</AllFormFactors>${runtimes}`);
    const run = xsd(writeTemp(temp, "runtimes-after.xml", moved));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Runtimes': This element is not expected/);
  });

  it('rejects lifetime="forever"', () => {
    const run = xsd(writeTemp(temp, "forever.xml", mutate('lifetime="long"', 'lifetime="forever"')));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/'forever' is not an element of the set/);
  });
});

describe("npm run validate (scripts/validate-manifest.mjs)", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [VALIDATE_SCRIPT, ...args], { cwd: REPO_ROOT, encoding: "utf8" });

  it("passes the real manifest and says what it checked", () => {
    const result = run("manifest.xml");
    expect(result.stdout).toMatch(/^manifest\.xml: valid \(XSD \+ \d+ consistency checks\)$/m);
    expect(result.status).toBe(0);
  });

  it("fails a manifest with a consistency problem, naming the problem", () => {
    const copyDir = makeTemp("script");
    try {
      const file = writeTemp(
        copyDir,
        "manifest.xml",
        mutate('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'),
      );
      const result = run(file);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain("INVALID");
      expect(result.stdout).toMatch(
        /<FunctionFile> uses resid "Functions\.Script\.Url" but the shared <Runtime> uses "Taskpane\.Url"/,
      );
    } finally {
      removeTemp(copyDir);
    }
  });

  it("fails a manifest the XSD rejects, with xmllint's message", () => {
    const file = writeTemp(temp, "bad-lifetime.xml", mutate('lifetime="long"', 'lifetime="forever"'));
    const result = run(file);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/XSD: .*'forever' is not an element of the set/);
  });

  it("reports a missing file", () => {
    const result = run(join(dirname(temp), "no-such-dir", "manifest.xml"));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/manifest\.xml: not found/);
  });
});
