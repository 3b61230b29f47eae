// @vitest-environment happy-dom
// Which Fluent theme the pane takes: Office's own where the client gives it, else the system's.
import { describe, expect, it } from "vitest";
import { luminance, paneTheme } from "../../../src/taskpane/view/theme";

// Office's body colours for its themes, as Excel reports them.
const WHITE = { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" };
const COLORFUL = { bodyBackgroundColor: "#F3F2F1", bodyForegroundColor: "#262626" };
const DARK_GREY = { bodyBackgroundColor: "#444444", bodyForegroundColor: "#FFFFFF" };
const BLACK = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" };

describe("paneTheme", () => {
  it("follows Office's isDarkTheme when the client gives it, whatever the system prefers", () => {
    expect(paneTheme({ ...BLACK, isDarkTheme: true }, false).dark).toBe(true);
    expect(paneTheme({ ...WHITE, isDarkTheme: false }, true).dark).toBe(false);
  });

  it("judges by Office's background when isDarkTheme is missing", () => {
    expect(paneTheme(WHITE, true).dark).toBe(false);
    expect(paneTheme(COLORFUL, true).dark).toBe(false);
    expect(paneTheme(DARK_GREY, false).dark).toBe(true);
    expect(paneTheme(BLACK, false).dark).toBe(true);
  });

  it("falls back to the system's preference without an Office theme", () => {
    expect(paneTheme(undefined, true)).toEqual({ dark: true, overrides: {} });
    expect(paneTheme(undefined, false)).toEqual({ dark: false, overrides: {} });
    expect(paneTheme({ bodyBackgroundColor: "not a colour" }, true).dark).toBe(true);
  });

  it("takes Office's body colours onto Fluent's tokens when they are readable", () => {
    expect(paneTheme(BLACK, false).overrides).toEqual({
      colorNeutralBackground1: "#262626",
      colorNeutralForeground1: "#ffffff",
    });
    // Unreadable (grey on grey) or on the other side from isDarkTheme: Fluent's own colours stay.
    expect(paneTheme({ bodyBackgroundColor: "#777777", bodyForegroundColor: "#888888" }, false).overrides).toEqual({});
    expect(paneTheme({ ...WHITE, isDarkTheme: true }, false).overrides).toEqual({});
  });
});

describe("luminance", () => {
  it("is WCAG's relative luminance of a #rrggbb colour, null for anything else", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("#000000")).toBe(0);
    expect(luminance("777777")).toBeCloseTo(0.184, 3);
    expect(luminance("red")).toBeNull();
    expect(luminance(undefined)).toBeNull();
  });
});
