/**
 * What npm start and npm run preview print once the dev server answers (scripts/start-messages.mjs),
 * for the https cases test/build/dev-server.test.ts cannot reach (it serves plain http, so as to
 * make no certificate).
 */
import { describe, expect, it } from "vitest";
import { previewAlreadyServedLines, previewLines, uploadLines, urlLines } from "../../scripts/start-messages.mjs";

const HTTPS = "https://localhost:3000";
const text = (lines: string[]) => lines.join("\n");

describe("the start script's messages", () => {
  it("npm run preview while a server runs: where the preview is, and no advice to run it again", () => {
    const said = text(previewAlreadyServedLines({ pid: 4242, origin: HTTPS }));
    expect(said).toContain(`  ${HTTPS}/preview.html`);
    expect(said).toContain("pid 4242");
    expect(said).not.toMatch(/npm run preview|npm start/);
  });

  it("offers plain http for the preview only when asked (an https server whose CA is not trusted)", () => {
    expect(text(previewLines(HTTPS, { offerHttp: true }))).toMatch(/Ctrl\+C here, then CIP_DEV_HTTP=1 npm run preview/);
    expect(text(previewLines(HTTPS))).not.toMatch(/CIP_DEV_HTTP|certificate/);
  });

  it("names the preview's address once when its own instructions follow the list of addresses", () => {
    const said = text([...urlLines(HTTPS, { preview: false }), ...previewLines(HTTPS)]);
    expect(said.match(/https:\/\/localhost:3000\/preview\.html(?!\?)/g)).toHaveLength(1);
    expect(text(urlLines(HTTPS))).toContain(`${HTTPS}/preview.html`);
  });

  it("Excel on the web over http: says it will not load yet", () => {
    expect(text(uploadLines("http://localhost:3000"))).toMatch(/will not load yet/);
    expect(text(uploadLines(HTTPS))).not.toMatch(/will not load yet/);
  });
});
