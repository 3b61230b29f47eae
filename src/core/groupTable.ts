/**
 * The columns of a per-group table, as both CIP.SUMMARY and the summary sheet write them, so a
 * reviewer sees the same table either way (the sheet adds columns after these).
 */
export const GROUP_TABLE_HEADER = [
  "Group",
  "Organisations",
  "Behind plan",
  "Behind plan %",
  "Annual plan",
  "YTD plan",
  "YTD actual",
  "YTD shortfall",
  "YTD delivery %",
  "Forecast",
] as const;

/** Columns of GROUP_TABLE_HEADER that hold money (their header says the unit where a unit is known). */
export const GROUP_TABLE_MONEY: readonly number[] = [4, 5, 6, 7, 9];
