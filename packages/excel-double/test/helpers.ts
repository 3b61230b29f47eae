// Shared set-up for the double's own tests.
import { createWorkbookDouble, isExcelError } from "..";

export const tracker = () =>
  createWorkbookDouble({
    sheets: {
      Tracker: [
        ["Organisation", "Plan", "Actual"],
        ["A", 10, 8],
        ["B", 20, 25],
        ["C", 30, 12],
      ],
      "CIP Summary": [],
    },
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
