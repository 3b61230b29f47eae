// What the add-in keeps in the workbook: parsing is defensive (the JSON may be old, edited or
// garbage), serialising and parsing round-trips, and the remembered layouts are bounded.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_FIELDS, type Field } from "../../src/core/fields";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import {
  EMPTY_STATE,
  forgetOutput,
  layoutKey,
  parseState,
  recordRun,
  rememberMapping,
  serialiseState,
  STATE_KEY,
  type OutputRecord,
  type WorkbookState,
} from "../../src/taskpane/workbookState";

const output = (n: number, extra: Partial<OutputRecord> = {}): OutputRecord => ({
  name: `CIPAnalyst_Output_${n}`,
  sourceSheetId: "{sheet-1}",
  sourceHeaderRow: 0,
  sourceFirstColumn: 0,
  destination: "beside",
  header: ["CIP: YTD variance", "CIP: Notes"],
  ...extra,
});

const FULL: WorkbookState = {
  settings: { monthsElapsed: 9, deliveryRag: { greenAt: 0.9, amberAt: 0.75 }, underFifthBelow: 0.25 },
  forecast: "runRate",
  outputMode: "portable",
  destination: "newSheet",
  mappings: { [layoutKey(["Trust", "Plan", "Actual"])]: { organisation: 0, ytdPlan: 1, ytdActual: 2, forecast: null } },
  outputs: [output(1), output(2, { destination: "newSheet", sourceHeaderRow: 4, sourceFirstColumn: 2 })],
  summarySheetId: "{summary}",
  lastRun: { at: "2024-10-01T09:30:00.000Z", monthsElapsed: 9, outputAddress: "Sheet1!P1:AC73" },
};

const stored = (fields: Record<string, unknown>) => JSON.stringify({ version: 1, ...fields });

describe("the state key", () => {
  it("is namespaced", () => {
    expect(STATE_KEY).toBe("CIPAnalyst.state");
  });
});

describe("layoutKey", () => {
  it("ignores case and surrounding spaces, keeps order and blanks", () => {
    expect(layoutKey(["Trust", " Annual Plan £k ", "YTD plan"])).toBe(layoutKey(["TRUST", "annual plan £k", "  ytd PLAN\t"]));
    expect(layoutKey(["a", "b"])).not.toBe(layoutKey(["b", "a"]));
    expect(layoutKey(["a", null, "b"])).toBe(layoutKey(["a", undefined, "b"]));
    expect(layoutKey(["a", null, "b"])).toBe(layoutKey(["a", "  ", "b"]));
    expect(layoutKey(["a", "", "b"])).not.toBe(layoutKey(["a", "b"]));
    expect(layoutKey([2024, true])).toBe(layoutKey(["2024", "TRUE"]));
  });

  it("keeps inner spacing, so different headers stay different", () => {
    expect(layoutKey(["YTD plan"])).not.toBe(layoutKey(["YTDplan"]));
  });

  it("is the same for any case and padding of the same cells (property)", () => {
    const cell = fc.string({ unit: fc.constantFrom(..."abcXYZ £k()/-1".split("")), maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 10 }),
        fc.array(fc.constantFrom("", " ", "  ", "\t"), { minLength: 2, maxLength: 2 }),
        (header, [l, r]) => {
          const shouted = header.map((h) => l + h.toUpperCase() + r);
          expect(layoutKey(shouted)).toBe(layoutKey(header));
        },
      ),
    );
  });
});

describe("parseState on nothing or garbage", () => {
  it("gives the defaults without a note for nothing saved", () => {
    expect(parseState(undefined)).toEqual({ state: EMPTY_STATE, note: "" });
    expect(parseState(null)).toEqual({ state: EMPTY_STATE, note: "" });
  });

  it("gives the defaults with a note for invalid JSON", () => {
    for (const raw of ["", "{", "not json", '{"version":1,'])
      expect(parseState(raw)).toEqual({
        state: EMPTY_STATE,
        note: "The add-in's saved settings in this workbook could not be read, so the defaults are used.",
      });
  });

  it("gives the defaults with a note for another version or a non-object", () => {
    const note = "The add-in's saved settings in this workbook are from another version, so the defaults are used.";
    for (const raw of [
      stored({ version: 2 }),
      JSON.stringify({ version: "1" }),
      JSON.stringify({}),
      "[]",
      "42",
      '"text"',
      "null",
      42,
      true,
      [1],
    ])
      expect(parseState(raw)).toEqual({ state: EMPTY_STATE, note });
  });

  it("never throws, whatever it is given (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.anything()), (raw) => {
        const { state, note } = parseState(raw);
        expect(typeof note).toBe("string");
        expect(state).toBeTypeOf("object");
      }),
    );
  });

  it("never throws on a version-1 object with fields of any type, and always yields a well-typed state (property)", () => {
    const anyField = fc.option(fc.oneof(fc.jsonValue(), fc.constant(undefined)), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record(
          {
            settings: anyField,
            forecast: anyField,
            outputMode: anyField,
            destination: anyField,
            mappings: fc.oneof(
              anyField,
              fc.dictionary(fc.string(), fc.dictionary(fc.constantFrom(...ALL_FIELDS, "bogus"), fc.jsonValue())),
            ),
            outputs: fc.oneof(anyField, fc.array(fc.jsonValue())),
            summarySheetId: anyField,
            lastRun: anyField,
          },
          { requiredKeys: [] },
        ),
        (fields) => {
          const { state } = parseState(stored(fields));
          expect([null, "deliveryRatio", "runRate", "remainingPlan", "reported"]).toContain(state.forecast);
          expect(["values", "live", "portable"]).toContain(state.outputMode);
          expect(["beside", "newSheet"]).toContain(state.destination);
          expect(Array.isArray(state.outputs)).toBe(true);
          expect(state.summarySheetId === null || typeof state.summarySheetId === "string").toBe(true);
          for (const fieldsOfLayout of Object.values(state.mappings))
            for (const [field, index] of Object.entries(fieldsOfLayout)) {
              expect(ALL_FIELDS).toContain(field);
              expect(index === null || (Number.isInteger(index) && (index as number) >= 0)).toBe(true);
            }
        },
      ),
    );
  });
});

describe("parseState keeps what is valid", () => {
  it("reads back a full state", () => {
    expect(parseState(serialiseState(FULL))).toEqual({ state: FULL, note: "" });
    // Office may hand over the parsed object rather than the string.
    expect(parseState(JSON.parse(serialiseState(FULL)))).toEqual({ state: FULL, note: "" });
  });

  it("ignores unknown fields", () => {
    const { state, note } = parseState(stored({ ...FULL, addedLater: { x: 1 }, theme: "dark" }));
    expect(state).toEqual(FULL);
    expect(note).toBe("");
  });

  it("falls back field by field for values of the wrong type", () => {
    const { state } = parseState(
      stored({ ...FULL, forecast: "guess", outputMode: 3, destination: ["beside"], summarySheetId: 7, lastRun: { at: 1 } }),
    );
    expect(state.forecast).toBeNull();
    expect(state.outputMode).toBe("values");
    expect(state.destination).toBe("beside");
    expect(state.summarySheetId).toBeNull();
    expect(state.lastRun).toBeNull();
    // The rest is kept.
    expect(state.settings).toEqual(FULL.settings);
    expect(state.mappings).toEqual(FULL.mappings);
    expect(state.outputs).toEqual(FULL.outputs);
  });

  it("drops a mapping's non-field keys and bad indices, keeping its good ones", () => {
    const key = layoutKey(["Trust", "Plan", "Actual"]);
    const { state } = parseState(
      stored({
        mappings: {
          [key]: {
            organisation: 0,
            ytdPlan: -1,
            ytdActual: 2.5,
            annualPlan: "3",
            bogus: 4,
            __proto__x: 1,
            forecast: null,
            group: 7,
          },
          notAnObject: 5,
          alsoNot: null,
        },
      }),
    );
    expect(state.mappings).toEqual({ [key]: { organisation: 0, forecast: null, group: 7 } });
  });

  it("drops output records with a bad name or bad fields, keeping the good ones", () => {
    const { state } = parseState(
      stored({
        outputs: [
          output(1),
          output(2, { name: "MyRange" }),
          output(3, { name: "CIPAnalyst_Output_" }),
          output(4, { name: "CIPAnalyst_Output_4; DROP" }),
          { ...output(5), destination: "elsewhere" },
          { ...output(6), header: ["ok", 3] },
          { ...output(7), sourceHeaderRow: 1.5 },
          { ...output(8), sourceSheetId: null },
          null,
          "CIPAnalyst_Output_9",
          output(10),
        ],
      }),
    );
    expect(state.outputs.map((o) => o.name)).toEqual(["CIPAnalyst_Output_1", "CIPAnalyst_Output_10"]);
  });

  it("keeps valid saved thresholds and drops invalid ones with a note naming the problem", () => {
    expect(parseState(stored({ settings: { monthsElapsed: 3 } })).state.settings).toEqual({ monthsElapsed: 3 });
    const bad = parseState(stored({ settings: { monthsElapsed: 13 }, outputMode: "live" }));
    expect(bad.state.settings).toEqual({});
    expect(bad.state.outputMode).toBe("live");
    expect(bad.note).toMatch(
      /^Saved thresholds were not used: Months elapsed must be a whole number from 1 \(April\) to 12 \(March\); got 13\.$/,
    );
    const unknown = parseState(stored({ settings: { colour: "red" } }));
    expect(unknown.state.settings).toEqual({});
    expect(unknown.note).toContain('"colour" is not a setting CIP Analyst knows.');
    expect(parseState(stored({ settings: "high" })).note).toContain("Settings must be a set of named values.");
  });

  it("drops every saved threshold when one is bad (never half a set), and says which was bad", () => {
    const { state, note } = parseState(stored({ settings: { monthsElapsed: 3, deliveryRag: { greenAt: 0.5, amberAt: 0.9 } } }));
    expect(state.settings).toEqual({});
    expect(note).toContain("YTD delivery RAG: the amber cut-off (0.9) must be below or at the green cut-off (0.5).");
  });

  // BUG: a state saved without "settings" (or with "settings": null) parses to settings
  // undefined (or null), not {}: resolveSettings accepts both, and parseState then keeps
  // v.settings as it is. The controller reads `this.workbook.settings.monthsElapsed` when there
  // is no last run, which then throws a TypeError.
  // Reproduction: parseState('{"version":1}').state.settings === undefined.
  it("gives empty settings when none or null were saved", () => {
    expect(parseState(stored({})).state.settings).toEqual({});
    expect(parseState(stored({ settings: null })).state.settings).toEqual({});
  });

  // Not what the code does: only dropped thresholds get a note. Dropped mappings, output records
  // and options are dropped silently. An output record dropped without a word means the next run
  // does not recognise the block it wrote, with nothing to tell the analyst why.
  it("returns a note when it drops an output record or a mapping entry", () => {
    expect(parseState(stored({ outputs: [output(1, { name: "Renamed" })] })).note).not.toBe("");
    expect(parseState(stored({ mappings: { k: { bogus: 1 } } })).note).not.toBe("");
  });
});

describe("parseState on a workbook saved by an earlier version", () => {
  it("keeps thresholds saved as {amber, red}, in today's names, so a later change merges with them", () => {
    const { state, note } = parseState(
      stored({ settings: { monthsElapsed: 7, deliveryRag: { amber: 0.9, red: 0.75 }, runRateRag: { red: 3 } } }),
    );
    expect(note).toBe("");
    expect(state.settings).toEqual({
      monthsElapsed: 7,
      deliveryRag: { greenAt: 0.9, amberAt: 0.75 },
      runRateRag: { amberAt: 3 },
    });
  });
});

describe("serialiseState", () => {
  it("stores the version with the state", () => {
    expect(JSON.parse(serialiseState(EMPTY_STATE))).toEqual({ version: 1, ...EMPTY_STATE });
  });

  it("round-trips through parseState (property)", () => {
    const index = fc.option(fc.integer({ min: 0, max: 16_383 }), { nil: null });
    const fieldsArb = fc.dictionary(fc.constantFrom(...ALL_FIELDS), index, { maxKeys: 6 }) as fc.Arbitrary<
      Partial<Record<Field, number | null>>
    >;
    const outputArb = fc.record({
      name: fc.nat().map((n) => `CIPAnalyst_Output_${n}`),
      sourceSheetId: fc.string(),
      sourceHeaderRow: fc.nat({ max: 1_048_575 }),
      sourceFirstColumn: fc.nat({ max: 16_383 }),
      destination: fc.constantFrom("beside" as const, "newSheet" as const),
      header: fc.array(fc.string(), { maxLength: 5 }),
    });
    const stateArb: fc.Arbitrary<WorkbookState> = fc.record({
      settings: fc.constantFrom(
        {},
        { monthsElapsed: 4 },
        { forecastMethod: "runRate" as const, backLoadedAbove: 0.7 },
        {
          runRateRag: { greenAt: 1.2, amberAt: 3 },
          worstCount: 20,
        },
      ),
      forecast: fc.constantFrom(
        null,
        "deliveryRatio" as const,
        "runRate" as const,
        "remainingPlan" as const,
        "reported" as const,
      ),
      outputMode: fc.constantFrom("values" as const, "live" as const, "portable" as const),
      destination: fc.constantFrom("beside" as const, "newSheet" as const),
      mappings: fc.dictionary(
        fc.string({ minLength: 1 }).filter((k) => k !== "__proto__"),
        fieldsArb,
        { maxKeys: 5 },
      ),
      outputs: fc.array(outputArb, { maxLength: 4 }),
      summarySheetId: fc.option(fc.string(), { nil: null }),
      lastRun: fc.option(
        fc.record({ at: fc.string(), monthsElapsed: fc.integer({ min: 1, max: 12 }), outputAddress: fc.string() }),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(parseState(serialiseState(state))).toEqual({ state, note: "" });
      }),
    );
  });

  it("round-trips the default settings spelled out in full", () => {
    const state = { ...EMPTY_STATE, settings: DEFAULT_SETTINGS };
    expect(parseState(serialiseState(state)).state.settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe("rememberMapping", () => {
  const key = (i: number) => layoutKey([`Trust ${i}`, "Plan", "Actual"]);

  it("adds, replaces and forgets a layout's choices", () => {
    const one = rememberMapping(EMPTY_STATE, key(1), { ytdPlan: 1 });
    expect(one.mappings).toEqual({ [key(1)]: { ytdPlan: 1 } });
    const replaced = rememberMapping(one, key(1), { ytdPlan: 2, forecast: null });
    expect(replaced.mappings).toEqual({ [key(1)]: { ytdPlan: 2, forecast: null } });
    expect(rememberMapping(replaced, key(1), null).mappings).toEqual({});
    // No choices left is forgetting too.
    expect(rememberMapping(replaced, key(1), {}).mappings).toEqual({});
    // The state it was given is untouched, and the rest of the state is kept.
    expect(one.mappings).toEqual({ [key(1)]: { ytdPlan: 1 } });
    const withOutputs = rememberMapping(FULL, key(1), { ytdPlan: 1 });
    expect(withOutputs.outputs).toBe(FULL.outputs);
    expect(withOutputs.settings).toBe(FULL.settings);
  });

  it("keeps at most 25 layouts, dropping the oldest", () => {
    let state = EMPTY_STATE;
    for (let i = 1; i <= 30; i++) state = rememberMapping(state, key(i), { ytdPlan: i });
    expect(Object.keys(state.mappings)).toHaveLength(25);
    expect(Object.keys(state.mappings)).toEqual(Array.from({ length: 25 }, (_, i) => key(i + 6)));
  });

  it("counts a layout used again as the most recent", () => {
    let state = EMPTY_STATE;
    for (let i = 1; i <= 25; i++) state = rememberMapping(state, key(i), { ytdPlan: i });
    state = rememberMapping(state, key(1), { ytdPlan: 100 }); // layout 1 again
    state = rememberMapping(state, key(26), { ytdPlan: 26 }); // pushes out the oldest: now layout 2
    expect(state.mappings[key(1)]).toEqual({ ytdPlan: 100 });
    expect(state.mappings[key(2)]).toBeUndefined();
    expect(Object.keys(state.mappings)).toHaveLength(25);
  });

  it("keeps the last 25 distinct layouts remembered, whatever the order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 80 }), (uses) => {
        let state = EMPTY_STATE;
        for (const i of uses) state = rememberMapping(state, key(i), { ytdPlan: i });
        const recent: number[] = [];
        for (const i of [...uses].reverse()) if (!recent.includes(i)) recent.push(i);
        const expected = recent.slice(0, 25).reverse().map(key);
        expect(Object.keys(state.mappings)).toEqual(expected);
      }),
    );
  });

  // BUG (minor): the "oldest" is the first of Object.keys, which lists integer-like keys first in
  // numeric order whatever their insertion order. A header of one number cell has such a key
  // (layoutKey([2024]) === "2024"), so it is always dropped first, however recently used, and
  // "most recent last" does not hold for it.
  it("drops the oldest layout even when a key looks like an integer", () => {
    let state = EMPTY_STATE;
    for (let i = 1; i <= 25; i++) state = rememberMapping(state, key(i), { ytdPlan: i });
    state = rememberMapping(state, layoutKey([2024]), { ytdPlan: 0 });
    expect(state.mappings[layoutKey([2024])]).toEqual({ ytdPlan: 0 });
  });
});

describe("recordRun and forgetOutput", () => {
  const options = {
    settings: { monthsElapsed: 7 },
    forecast: "runRate" as const,
    outputMode: "live" as const,
    destination: "newSheet" as const,
  };
  const lastRun = { at: "2026-12-01T09:30:00.000Z", monthsElapsed: 7, outputAddress: "'CIP Output'!A1:P73" };

  it("keeps the run's options and when it ran, and replaces the record of a block re-run under its name", () => {
    const before: WorkbookState = { ...EMPTY_STATE, outputs: [output(1), output(2, { sourceHeaderRow: 4 })] };
    const after = recordRun(before, { options, output: output(1, { destination: "newSheet" }), lastRun });
    expect(after).toMatchObject({ ...options, lastRun });
    expect(after.outputs).toEqual([output(2, { sourceHeaderRow: 4 }), output(1, { destination: "newSheet" })]);
    expect(after.mappings).toBe(before.mappings);
  });

  it("forgets only the block named", () => {
    const state: WorkbookState = { ...EMPTY_STATE, outputs: [output(1), output(2)] };
    expect(forgetOutput(state, "CIPAnalyst_Output_1").outputs).toEqual([output(2)]);
    expect(forgetOutput(state, "CIPAnalyst_Output_9").outputs).toEqual(state.outputs);
  });
});
