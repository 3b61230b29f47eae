// The live formulas' spills as Excel shapes them, for the Excel double's evaluate hook: a formula
// over a column of several data rows (D2:D73) returns one value per row and spills; anything else
// (the portable formulas of one row each) is left uncalculated. The values are stand-ins: what
// matters to the output write is where Excel puts them.
export function spillingEvaluate(formula: string): unknown {
  const range = /\$?[A-Z]{1,3}\$?(\d+):\$?[A-Z]{1,3}\$?(\d+)/.exec(formula);
  if (!range) return null;
  const rows = Number(range[2]) - Number(range[1]) + 1;
  if (rows < 2) return null;
  return Array.from({ length: rows }, (_, i) => [(i + 1) / 8]);
}
