// What the pane says when Analyse cannot start, when a run is done, and when a job fails part-way:
// each failure names the step that failed and what that leaves in the workbook. Pure.
import type { TrackerAnalysis } from "../core/analyseTracker";
import { columnLetter } from "../core/excelConventions";
import { describeOfficeError, messageOf } from "./excel/officeErrors";
import type { TrackerRange } from "./excel/readTracker";
import { sheetPrefix } from "./geometry/rect";
import type { Destination } from "./options";
import type { PaneStatus, ProblemView } from "./view/paneState";

/** The pane lists this many problem rows; the Notes column has them all. */
const PROBLEMS_SHOWN = 500;

/** The steps of a job, in order ("show": drawing the pane as a job starts or ends); a failure names its step. */
export type JobStage = "read" | "recognise" | "reread" | "plan" | "write" | "summary" | "history" | "save" | "show";

/** Why Analyse will not start: columns are missing, or an option cannot be used. */
export function notReadyStatus(missing: readonly string[]): PaneStatus {
  return missing.length > 0
    ? { kind: "error", text: "Choose the missing columns first.", detail: missing.join(" ") }
    : {
        kind: "error",
        text: "Check the options: some cannot be used as they are.",
        detail: "Each one says what is wrong next to it.",
      };
}

/** Why Analyse has no tracker: the last Use selection failed (`failure`), or none was read yet. */
export function noTrackerStatus(failure: PaneStatus | null): PaneStatus {
  if (failure === null) {
    return {
      kind: "error",
      text: "There is no tracker to analyse yet.",
      detail: "Select your tracker, then press Use selection.",
    };
  }
  return {
    kind: "error",
    text: `Use selection did not read a tracker: ${failure.text}`,
    detail: [failure.detail, "Then press Use selection again."].filter(Boolean).join(" "),
  };
}

/** What a run says about hidden or filtered-out rows, which it analyses all the same; "" when there are none. */
export function hiddenRowsNote(range: TrackerRange, destination: Destination): string {
  const hidden = range.hiddenRows ?? 0;
  if (hidden === 0) return "";
  const rows = range.rows.length;
  const them = hidden === 1 ? "it is" : "they are";
  const where =
    destination === "beside"
      ? `the results beside ${hidden === 1 ? "it are" : "them are"} hidden with ${hidden === 1 ? "it" : "them"}`
      : `${hidden === 1 ? "its" : "their"} results on the output sheet are not hidden`;
  return `${hidden.toLocaleString("en-GB")} of the ${rows.toLocaleString("en-GB")} rows ${hidden === 1 ? "is" : "are"} hidden or filtered out: ${them} analysed and counted all the same, and ${where}.`;
}

/**
 * A job that threw: what failed, in the analyst's words. `outputAddress` is where this run wrote its
 * block, when it got that far, so the analyst knows the results are there all the same.
 */
export function jobFailureStatus(stage: JobStage, error: unknown, outputAddress: string | null): PaneStatus {
  const written = outputAddress ? `The results were written to ${outputAddress}, but ` : "";
  switch (stage) {
    case "read":
      return { kind: "error", text: "The selection could not be read.", detail: describeOfficeError(error) };
    case "recognise":
      return { kind: "error", text: "The selected cells could not be read as a tracker.", detail: messageOf(error) };
    case "reread":
      return {
        kind: "error",
        text: "The tracker could not be read again, so nothing was written.",
        detail: describeOfficeError(error),
      };
    case "plan":
      return {
        kind: "error",
        text: "The analysis could not be worked out, so nothing was written.",
        detail: messageOf(error),
      };
    case "write":
      return { kind: "error", text: "The output could not be written.", detail: describeOfficeError(error) };
    case "summary":
      return { kind: "error", text: `${written}the summary sheet could not be written.`, detail: describeOfficeError(error) };
    case "history":
      return {
        kind: "error",
        text: `${written}this run could not be added to the run history, which is kept as it was.`,
        detail: describeOfficeError(error),
      };
    case "save":
      return {
        kind: "error",
        text: `${written}the settings could not be saved in the workbook.`,
        detail: describeOfficeError(error),
      };
    case "show":
      return { kind: "error", text: "The pane could not be redrawn.", detail: messageOf(error) };
  }
}

/** A run that wrote its block; `notes` says what went wrong after that (summary, saving), "" when nothing. */
export function doneStatus(analysis: TrackerAnalysis, outputAddress: string, summarySheet: string, notes: string): PaneStatus {
  return {
    kind: notes ? "warning" : "success",
    text: `Done: results written to ${outputAddress}${summarySheet ? ` and the summary to sheet ${summarySheet}` : ""}.`,
    detail: notes || doneDetail(analysis),
  };
}

function doneDetail(a: TrackerAnalysis): string {
  const problems = a.problemRows.length;
  if (problems === 0) return a.headlines[0] ?? "";
  return `${problems.toLocaleString("en-GB")} ${problems === 1 ? "row has" : "rows have"} problems: see the list below and the Notes column.`;
}

/** The first rows with problems, each at its first cell, e.g. "Tracker!A6". */
export function problemList(a: TrackerAnalysis, range: TrackerRange): ProblemView[] {
  const prefix = sheetPrefix(range.sheetName);
  const letter = columnLetter(range.rect.column);
  return a.problemRows.slice(0, PROBLEMS_SHOWN).map((row) => ({
    address: `${prefix}${letter}${a.rowNumber(row)}`,
    message: `${a.organisation(row)}: ${a
      .problemsInRow(row)
      .map((p) => p.message)
      .join(" ")}`,
  }));
}
