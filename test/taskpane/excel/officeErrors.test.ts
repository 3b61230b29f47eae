// What the analyst reads when Excel refuses a request: a sentence for the codes office.js uses,
// with the code and Excel's own message kept for support, and something readable for the rest.
import { describe, expect, it } from "vitest";
import { describeOfficeError } from "../../../src/taskpane/excel/officeErrors";

/** An error shaped like OfficeExtension.Error: an Error with a string `code`. */
function officeError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { name: "RichApi.Error", code });
}

describe("describeOfficeError", () => {
  it.each([
    ["AccessDenied", "protected"],
    ["InsertDeleteConflict", "table, a merged cell or a spilled array"],
    ["InvalidOperation", "refused the operation"],
    ["ItemNotFound", "deleted or renamed"],
    ["RequestPayloadSizeLimitExceeded", "too large"],
    ["ResponsePayloadSizeLimitExceeded", "so much data"],
    ["GeneralException", "internal error"],
    ["Conflict", "Someone else changed"],
    ["ApiNotFound", "lacks a feature"],
    ["InvalidArgument", "refused a value"],
    ["EditModeCannotAcquireContext", "press Enter or Esc"],
  ])("turns %s into a sentence with the code and Excel's message", (code, words) => {
    const text = describeOfficeError(officeError(code, "Excel's own words."));
    expect(text).toContain(words);
    expect(text.endsWith(`(${code}: Excel's own words.)`)).toBe(true);
    expect(text).not.toMatch(/^Excel reported:/);
  });

  it("gives the exact sentence for a protected sheet", () => {
    expect(describeOfficeError(officeError("AccessDenied", "You cannot perform the requested operation."))).toBe(
      "Excel refused the change: the sheet or workbook is protected, or shared in a way that blocks add-ins. " +
        "(AccessDenied: You cannot perform the requested operation.)",
    );
  });

  it("passes on Excel's message for an unknown code or an error without one", () => {
    expect(describeOfficeError(officeError("NotImplemented", "The requested feature isn't implemented."))).toBe(
      "Excel reported: The requested feature isn't implemented.",
    );
    expect(describeOfficeError(new Error("Something broke"))).toBe("Excel reported: Something broke");
    expect(describeOfficeError(new TypeError("x is undefined"))).toBe("Excel reported: x is undefined");
    // A code that is not a string is not looked up.
    expect(describeOfficeError(Object.assign(new Error("odd"), { code: 5004 }))).toBe("Excel reported: odd");
  });

  it("copes with throws that are not Errors", () => {
    expect(describeOfficeError("a plain string")).toBe("Excel reported: a plain string");
    expect(describeOfficeError(42)).toBe("Excel reported: 42");
    expect(describeOfficeError(null)).toBe("Excel reported: null");
    expect(describeOfficeError(undefined)).toBe("Excel reported: undefined");
  });

  // BUG (minor): String() of an object with no toString (a null-prototype object) throws
  // "Cannot convert object to primitive value", so describeOfficeError, called inside the
  // gateway's catch blocks, turns the original failure into a TypeError of its own.
  it("never throws, whatever was thrown", () => {
    expect(() => describeOfficeError(Object.create(null))).not.toThrow();
  });

  // BUG: a thrown plain object with a code and a message (as some hosts and polyfills reject
  // with, e.g. { code: "AccessDenied", message: "..." }) gets the right sentence but
  // "[object Object]" in place of its message: the message is only read from Error instances.
  it("uses the message of a non-Error object that has one", () => {
    expect(describeOfficeError({ code: "AccessDenied", message: "You cannot perform the requested operation." })).toContain(
      "(AccessDenied: You cannot perform the requested operation.)",
    );
  });

  // BUG (minor): codes are looked up on a plain object literal, so a code naming an
  // Object.prototype member ("constructor", "toString") finds a function and prints its source,
  // e.g. "function Object() { [native code] } (constructor: x)".
  it("does not treat Object.prototype members as known codes", () => {
    expect(describeOfficeError(officeError("constructor", "x"))).toBe("Excel reported: x");
    expect(describeOfficeError(officeError("toString", "x"))).toBe("Excel reported: x");
  });
});
