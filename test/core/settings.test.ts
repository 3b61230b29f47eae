import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  FORECAST_METHODS,
  FORECAST_METHOD_LABELS,
  resolveSettings,
  upgradeSettings,
  type Settings,
} from "../../src/core/settings";

const problemsOf = (input: unknown) => {
  const r = resolveSettings(input);
  if (r.ok) throw new Error("expected problems, got settings");
  return r.problems;
};
const settingsOf = (input: unknown, base?: Settings) => {
  const r = resolveSettings(input, base);
  if (!r.ok) throw new Error(`expected settings, got ${JSON.stringify(r.problems)}`);
  return r.settings;
};

describe("defaults (cip-domain.md)", () => {
  it("delivery ratio is the default forecast method", () => {
    expect(DEFAULT_SETTINGS.forecastMethod).toBe("deliveryRatio");
  });

  it("every RAG and flag threshold has the documented default", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      deliveryRag: { greenAt: 0.95, amberAt: 0.8 },
      forecastShortfallRag: { greenAt: 0.05, amberAt: 0.1 },
      cipOfTurnoverRag: { greenAt: 0.04, amberAt: 0.05 },
      nonRecurrentRag: { greenAt: 0.25, amberAt: 0.5 },
      unidentifiedRag: { greenAt: 0.1, amberAt: 0.25 },
      h2ShareRag: { greenAt: 0.55, amberAt: 0.65 },
      runRateRag: { greenAt: 1.5, amberAt: 2 },
      severelyBehindBelow: 0.5,
      underFifthBelow: 0.2,
    });
  });

  it("months elapsed defaults to a valid month", () => {
    expect(Number.isInteger(DEFAULT_SETTINGS.monthsElapsed)).toBe(true);
    expect(DEFAULT_SETTINGS.monthsElapsed).toBeGreaterThanOrEqual(1);
    expect(DEFAULT_SETTINGS.monthsElapsed).toBeLessThanOrEqual(12);
  });

  it("the defaults pass their own validation", () => {
    expect(resolveSettings({ ...DEFAULT_SETTINGS })).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it("each forecast method has a label", () => {
    for (const m of FORECAST_METHODS) expect(FORECAST_METHOD_LABELS[m].length).toBeGreaterThan(0);
  });
});

describe("resolveSettings: good input", () => {
  it("nothing given → the defaults", () => {
    expect(resolveSettings(undefined)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(resolveSettings(null)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(resolveSettings({})).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it("fills what is missing from the defaults", () => {
    const s = settingsOf({ monthsElapsed: 9, forecastMethod: "runRate" });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, monthsElapsed: 9, forecastMethod: "runRate" });
  });

  it.each([[1], [6], [12]])("months elapsed %s is accepted", (m) => {
    expect(settingsOf({ monthsElapsed: m }).monthsElapsed).toBe(m);
  });

  it.each(FORECAST_METHODS.map((m) => [m]))("forecast method %s is accepted", (m) => {
    expect(settingsOf({ forecastMethod: m }).forecastMethod).toBe(m);
  });

  it("a band given in part keeps the other cut-off", () => {
    expect(settingsOf({ deliveryRag: { greenAt: 0.9 } }).deliveryRag).toEqual({ greenAt: 0.9, amberAt: 0.8 });
    expect(settingsOf({ forecastShortfallRag: { amberAt: 0.2 } }).forecastShortfallRag).toEqual({ greenAt: 0.05, amberAt: 0.2 });
  });

  it("amber equal to red is allowed", () => {
    expect(settingsOf({ unidentifiedRag: { greenAt: 0.2, amberAt: 0.2 } }).unidentifiedRag).toEqual({
      greenAt: 0.2,
      amberAt: 0.2,
    });
  });

  it("thresholds of exactly 100% and worst counts of 1 and 1000 are accepted", () => {
    expect(settingsOf({ underFifthBelow: 1 }).underFifthBelow).toBe(1);
    expect(settingsOf({ worstCount: 1 }).worstCount).toBe(1);
    expect(settingsOf({ worstCount: 1000 }).worstCount).toBe(1000);
  });

  it("fills from a given base", () => {
    const base = { ...DEFAULT_SETTINGS, monthsElapsed: 3 };
    expect(settingsOf({ worstCount: 5 }, base)).toEqual({ ...base, worstCount: 5 });
  });
});

describe("resolveSettings: each bad setting has a clear message", () => {
  it("settings that are not a set of named values", () => {
    for (const bad of ["x", 5, [], true]) {
      expect(problemsOf(bad)).toEqual([{ setting: "settings", message: "Settings must be a set of named values." }]);
    }
  });

  it("an unknown key", () => {
    expect(problemsOf({ monthElapsed: 6 })).toEqual([
      { setting: "monthElapsed", message: '"monthElapsed" is not a setting CIP Analyst knows.' },
    ]);
  });

  it.each([
    [0, "0"],
    [13, "13"],
    [2.5, "2.5"],
    ["6", '"6"'],
    [Number.NaN, "NaN"],
    [-1, "-1"],
  ])("months elapsed %s", (m, shown) => {
    expect(problemsOf({ monthsElapsed: m })).toEqual([
      { setting: "monthsElapsed", message: `Months elapsed must be a whole number from 1 (April) to 12 (March); got ${shown}.` },
    ]);
  });

  it("an unknown forecast method", () => {
    expect(problemsOf({ forecastMethod: "linear" })).toEqual([
      {
        setting: "forecastMethod",
        message: 'Forecast method must be one of deliveryRatio, runRate, remainingPlan; got "linear".',
      },
    ]);
  });

  it("a forecast method that is not text", () => {
    expect(problemsOf({ forecastMethod: 2 })).toEqual([
      { setting: "forecastMethod", message: "Forecast method must be one of deliveryRatio, runRate, remainingPlan; got 2." },
    ]);
  });

  it("an unknown forecast basis", () => {
    expect(problemsOf({ forecastBasis: "guess" })).toEqual([
      { setting: "forecastBasis", message: 'Forecast basis must be one of reported, projected; got "guess".' },
    ]);
  });

  it("delivery: red above amber (higher is better)", () => {
    expect(problemsOf({ deliveryRag: { greenAt: 0.8, amberAt: 0.9 } })).toEqual([
      {
        setting: "deliveryRag",
        message: "YTD delivery RAG: the amber cut-off (0.9) must be below or at the green cut-off (0.8).",
      },
    ]);
  });

  it("forecast shortfall: red below amber (lower is better)", () => {
    expect(problemsOf({ forecastShortfallRag: { greenAt: 0.1, amberAt: 0.05 } })).toEqual([
      {
        setting: "forecastShortfallRag",
        message: "Forecast shortfall RAG: the amber cut-off (0.05) must be above or at the green cut-off (0.1).",
      },
    ]);
  });

  it("a partial band that crosses the default other cut-off", () => {
    expect(problemsOf({ forecastShortfallRag: { greenAt: 0.2 } })).toEqual([
      {
        setting: "forecastShortfallRag",
        message: "Forecast shortfall RAG: the amber cut-off (0.1) must be above or at the green cut-off (0.2).",
      },
    ]);
  });

  it("share bands out of range", () => {
    expect(problemsOf({ nonRecurrentRag: { greenAt: 0.25, amberAt: 1.5 } })).toEqual([
      {
        setting: "nonRecurrentRag",
        message: "Non-recurrent share RAG cut-offs must be numbers from 0 to 1; got green at 0.25, amber at 1.5.",
      },
    ]);
    expect(problemsOf({ unidentifiedRag: { greenAt: -0.1, amberAt: 0.25 } })).toEqual([
      {
        setting: "unidentifiedRag",
        message: "Unidentified share RAG cut-offs must be numbers from 0 to 1; got green at -0.1, amber at 0.25.",
      },
    ]);
    expect(problemsOf({ h2ShareRag: { greenAt: "55%", amberAt: 0.65 } })).toEqual([
      { setting: "h2ShareRag", message: 'H2 share RAG cut-offs must be numbers from 0 to 1; got green at "55%", amber at 0.65.' },
    ]);
  });

  it("a band that is not an object", () => {
    expect(problemsOf({ deliveryRag: "high" })).toEqual([
      {
        setting: "deliveryRag",
        message: 'YTD delivery RAG needs a green and an amber cut-off, e.g. {"greenAt": 0.95, "amberAt": 0.8}; got "high".',
      },
    ]);
    expect(problemsOf({ runRateRag: null })).toEqual([
      {
        setting: "runRateRag",
        message:
          'Required vs achieved run rate RAG needs a green and an amber cut-off, e.g. {"greenAt": 1.5, "amberAt": 2}; got null.',
      },
    ]);
  });

  it.each([
    ["severelyBehindBelow", 0, "Severely behind threshold", "0"],
    ["underFifthBelow", 1.5, "Under-a-fifth threshold", "1.5"],
    ["highNonRecurrentAbove", -0.5, "High non-recurrent threshold", "-0.5"],
    ["highUnidentifiedAbove", "25%", "High unidentified threshold", '"25%"'],
    ["backLoadedAbove", Number.POSITIVE_INFINITY, "Back-loaded threshold", "Infinity"],
  ])("flag threshold %s = %s", (key, value, label, shown) => {
    expect(problemsOf({ [key]: value })).toEqual([
      { setting: key, message: `${label} must be a share above 0% and at most 100%; got ${shown}.` },
    ]);
  });

  it.each([
    [0, "0"],
    [1001, "1001"],
    [2.5, "2.5"],
    ["10", '"10"'],
  ])("worstCount %s", (n, shown) => {
    expect(problemsOf({ worstCount: n })).toEqual([
      { setting: "worstCount", message: `The worst-organisations list must hold 1 to 1000 organisations; got ${shown}.` },
    ]);
  });

  it("reports every bad setting at once and never falls back to a default", () => {
    const problems = problemsOf({ monthsElapsed: 13, forecastMethod: "x", bogus: 1, worstCount: 0 });
    expect(problems.map((p) => p.setting).sort()).toEqual(["bogus", "forecastMethod", "monthsElapsed", "worstCount"]);
  });

  it("a band given as a list is a problem, not silently the default", () => {
    expect(resolveSettings({ deliveryRag: [0.9, 0.7] }).ok).toBe(false);
    expect(problemsOf({ deliveryRag: [0.9, 0.7] })).toEqual([
      {
        setting: "deliveryRag",
        message: 'YTD delivery RAG needs a green and an amber cut-off, e.g. {"greenAt": 0.95, "amberAt": 0.8}; got [0.9,0.7].',
      },
    ]);
    expect(problemsOf({ h2ShareRag: [] })).toEqual([
      {
        setting: "h2ShareRag",
        message: 'H2 share RAG needs a green and an amber cut-off, e.g. {"greenAt": 0.55, "amberAt": 0.65}; got [].',
      },
    ]);
  });

  it("a misspelt cut-off inside a band is a problem", () => {
    expect(resolveSettings({ deliveryRag: { greenAt: 0.9, rde: 0.7 } }).ok).toBe(false);
    expect(problemsOf({ deliveryRag: { greenAt: 0.9, rde: 0.7 } })).toEqual([
      {
        setting: "deliveryRag",
        message: 'YTD delivery RAG has only "greenAt" and "amberAt" cut-offs; "rde" is not one of them.',
      },
    ]);
  });

  it("an extra key beside both cut-offs is a problem too", () => {
    expect(problemsOf({ runRateRag: { greenAt: 1.5, amberAt: 2, green: 1 } })).toEqual([
      {
        setting: "runRateRag",
        message: 'Required vs achieved run rate RAG has only "greenAt" and "amberAt" cut-offs; "green" is not one of them.',
      },
    ]);
  });

  it("a bad band is reported alongside the other bad settings", () => {
    const problems = problemsOf({ deliveryRag: [0.9, 0.7], forecastShortfallRag: { greenAt: 0.05, Red: 0.1 }, worstCount: 0 });
    expect(problems.map((p) => p.setting).sort()).toEqual(["deliveryRag", "forecastShortfallRag", "worstCount"]);
  });
});

describe("settings saved before the cut-offs were renamed", () => {
  it("reads {amber, red} as {greenAt, amberAt}, whole or in part", () => {
    expect(settingsOf({ deliveryRag: { amber: 0.9, red: 0.7 } }).deliveryRag).toEqual({ greenAt: 0.9, amberAt: 0.7 });
    expect(settingsOf({ forecastShortfallRag: { red: 0.2 } }).forecastShortfallRag).toEqual({ greenAt: 0.05, amberAt: 0.2 });
    expect(upgradeSettings({ monthsElapsed: 4, runRateRag: { amber: 1.2, red: 3 } })).toEqual({
      monthsElapsed: 4,
      runRateRag: { greenAt: 1.2, amberAt: 3 },
    });
  });

  it("checks old cut-offs as strictly as new ones", () => {
    expect(problemsOf({ deliveryRag: { amber: 0.8, red: 0.9 } })).toEqual([
      {
        setting: "deliveryRag",
        message: "YTD delivery RAG: the amber cut-off (0.9) must be below or at the green cut-off (0.8).",
      },
    ]);
  });

  it("does not mix old and new names", () => {
    expect(problemsOf({ deliveryRag: { greenAt: 0.9, red: 0.7 } })).toEqual([
      {
        setting: "deliveryRag",
        message: 'YTD delivery RAG has only "greenAt" and "amberAt" cut-offs; "red" is not one of them.',
      },
    ]);
  });

  it("leaves anything that is not a set of settings as it is", () => {
    for (const input of [null, undefined, 5, "x", [1]]) expect(upgradeSettings(input)).toBe(input);
  });
});
