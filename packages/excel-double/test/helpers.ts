// Shared set-up for the double's own tests.
import { createWorkbookDouble, isExcelError } from "..";

const ROWS = [
  ["A", 10, 8],
  ["B", 20, 25],
  ["C", 30, 12],
];

/** A small tracker (its first `rows` organisations) and an empty summary sheet. */
export const tracker = (rows = ROWS.length) =>
  createWorkbookDouble({
    sheets: { Tracker: [["Organisation", "Plan", "Actual"], ...ROWS.slice(0, rows)], "CIP Summary": [] },
    active: "Tracker",
  });

/** The code and message of the Excel error a promise rejects with. */
export async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isExcelError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected a rejection");
}
