/**
 * scripts/devCerts.cjs where it cannot install a CA (CI set): it generates the certificate files in a
 * fresh home folder and serves https with them, saying so in one note, not once in its own words
 * and again in office-addin-dev-certs'.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers";

const home = mkdtempSync(join(tmpdir(), "cip-dev-certs-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Chooses the transport in a fresh process (the certificate folder is fixed when the module loads). */
async function chooseTransport(): Promise<string> {
  const script = `
    const certs = require(${JSON.stringify(join(ROOT, "scripts", "devCerts.cjs"))});
    certs.getDevServerTransport().then((t) => { certs.reportTransport(t, console.log); console.log("protocol:", t.protocol); });
  `;
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, USERPROFILE: home, CI: "1" };
  delete env.CIP_DEV_HTTP;
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ["-e", script], { env });
  return stdout + stderr;
}

describe("development certificates", () => {
  it("generated once and announced once, then reused with one note", async () => {
    const first = await chooseTransport();
    expect(first).toContain("protocol: https");
    expect(first.match(/generated/gi), first).toHaveLength(1);
    expect(first).toContain(join(home, ".office-addin-dev-certs", "ca.crt"));

    const second = await chooseTransport();
    expect(second).toContain("protocol: https");
    expect(second).not.toMatch(/generated/i);
    expect(second.match(/ca\.crt/g), second).toHaveLength(1);
  }, 60_000);
});
