// What the task pane says for each answer Office.onReady can give (the browser test covers the
// plain-browser case end to end; Excel itself cannot run here).
import { describe, expect, it } from "vitest";
import { statusFor } from "../../src/taskpane/status";

describe("task pane status", () => {
  it("inside Excel: ready, with where it runs", () => {
    expect(statusFor({ host: "Excel", platform: "PC" })).toEqual({
      kind: "ready",
      text: "Ready — select your tracker including its header row.",
      detail: "Running in Excel on Windows.",
    });
    expect(statusFor({ host: "Excel", platform: "OfficeOnline" }).detail).toBe("Running in Excel on the web.");
    expect(statusFor({ host: "Excel", platform: "Mac" }).detail).toBe("Running in Excel on Mac.");
    expect(statusFor({ host: "Excel", platform: null }).detail).toBe("Running in Excel.");
  });

  it("in a plain browser (host null): not running inside Excel, and how to open it", () => {
    const status = statusFor({ host: null, platform: null });
    expect(status.kind).toBe("outside");
    expect(status.text).toBe("Not running inside Excel: open it from Excel's Home tab > CIP Analyst.");
  });

  it("in another Office application: says it works in Excel only", () => {
    expect(statusFor({ host: "Word", platform: "PC" })).toMatchObject({
      kind: "other-host",
      text: "CIP Analyst works in Excel only; this is Word.",
    });
  });
});
