// The analyst's run options as plain values. They are chosen in the view, remembered in the
// workbook's state and used by the planner and the writers, so they live below all of them: the
// view, excel/ and output/ may import this module, and it imports none of them.

/** What the output cells hold: the core's values, live CIP.* formulas, or formulas in plain Excel. */
export type OutputMode = "values" | "live" | "portable";
/** Where the output block goes: beside the tracker's data, or on a sheet of its own. */
export type Destination = "beside" | "newSheet";
/** The core's three projections, or the tracker's own forecast column. */
export type ForecastChoice = "deliveryRatio" | "runRate" | "remainingPlan" | "reported";
