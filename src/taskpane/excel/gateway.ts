// The one module that talks to Excel: every Excel.run and every document-settings call of the task
// pane goes through here, so the rest of the pane (controller, view, core) can be tested without
// Excel, and Excel's rules (load before read, few syncs, 5 MB requests) are kept in one place.
import { MERGED_CELLS, PAGE_LAYOUT, SPILL_RANGES, supports, type IsSetSupported } from "../requirements";
import type { SummaryPlan } from "../summary/summaryPlan";
import { EMPTY_STATE, parseState, serialiseState, STATE_KEY, type WorkbookState } from "../workbookState";
import type { History } from "../../core/history/historyFormat";
import { readHistory, writeHistory, type HistoryRead } from "./history";
import { describeOfficeError } from "./officeErrors";
import { checkMerged, locateTracker, readCells, rereadTracker, type ReadOutcome, type TrackerRange } from "./readTracker";
import type { WriteJob } from "./outputTarget";
import { writeOutput, Cancelled, type WriteOutcome } from "./writeOutput";
import { queueSummaryCheck, writeSummary, type SummaryWritten } from "./writeSummary";

export type SummaryOutcome = ({ readonly ok: true } & SummaryWritten) | { readonly ok: false; readonly message: string };

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What the gateway needs from Office: given by taskpane.ts in Excel, by a test double in tests. */
export interface ExcelHost {
  readonly run: ExcelRun;
  readonly settings: Office.Settings;
  readonly isSetSupported: IsSetSupported;
}

/** Lets a long read or write report how far it got and stop between chunks when asked. */
export class Job {
  private stopped = false;
  /** What the job is doing now, for the progress bar. */
  label = "";

  constructor(readonly onProgress: (done: number, total: number) => void = () => {}) {}

  cancel(): void {
    this.stopped = true;
  }

  get cancelled(): boolean {
    return this.stopped;
  }

  progress(done: number, total: number): void {
    this.onProgress(done, total);
  }

  checkCancelled(): void {
    if (this.stopped) throw new Cancelled();
  }
}

export class ExcelGateway {
  constructor(private readonly host: ExcelHost) {}

  /** The selected tracker's cells, or why it cannot be read. Never throws. */
  async readSelection(job: Job): Promise<ReadOutcome> {
    const supportsMergedCheck = supports(this.host.isSetSupported, MERGED_CELLS);
    try {
      return await this.host.run(async (context) => {
        const located = await locateTracker(context);
        if (!located.ok) return located;
        if (supportsMergedCheck) {
          const merged = await checkMerged(context, located.sheetName, located.rect);
          if (merged) return merged;
        }
        return readCells(context, located, job);
      });
    } catch (error) {
      if (error instanceof Cancelled) return { ok: false, message: "Cancelled: nothing was read.", detail: "" };
      return { ok: false, message: "The selection could not be read.", detail: describeOfficeError(error) };
    }
  }

  /**
   * At Analyse: the tracker as it is now, read again where Use selection found it, and whether the
   * summary sheet can be rebuilt (checked here, before anything is written). Never throws.
   */
  async readForAnalysis(previous: TrackerRange, summarySheetId: string | null, job: Job): Promise<ReadOutcome> {
    try {
      return await this.host.run(async (context) => {
        const summary = queueSummaryCheck(context, summarySheetId);
        return rereadTracker(context, previous, job, () => {
          const refused = summary();
          return refused && { ok: false, ...refused };
        });
      });
    } catch (error) {
      if (error instanceof Cancelled) return { ok: false, message: "Cancelled: nothing was written.", detail: "" };
      return { ok: false, message: "The tracker could not be read again before writing.", detail: describeOfficeError(error) };
    }
  }

  /** Writes the output block, or refuses without changing anything. Never throws. */
  async writeOutput(job: WriteJob, control: Job): Promise<WriteOutcome> {
    try {
      const spillRanges = supports(this.host.isSetSupported, SPILL_RANGES);
      return await this.host.run((context) => writeOutput(context, { ...job, spillRanges }, control));
    } catch (error) {
      return { ok: false, message: "The output could not be written.", detail: describeOfficeError(error), offerNewSheet: false };
    }
  }

  /** Rebuilds the summary sheet, or says in the analyst's words why Excel refused. Never throws. */
  async writeSummary(plan: SummaryPlan, ownSheetId: string | null): Promise<SummaryOutcome> {
    try {
      return { ok: true, ...(await this.host.run((context) => writeSummary(context, plan, ownSheetId, this.pageLayout()))) };
    } catch (error) {
      return { ok: false, message: `The summary sheet could not be written. ${describeOfficeError(error)}` };
    }
  }

  /**
   * The run history, read before anything is written, or why the run cannot go on: the workbook's
   * structure is protected, or Excel failed to read it (then nothing is written, so that this run's
   * movement is never shown against no run at all while a history is there). Never throws.
   */
  async readHistory(): Promise<HistoryRead> {
    try {
      return await this.host.run((context) => readHistory(context));
    } catch (error) {
      return {
        ok: false,
        message: "The run history kept in this workbook could not be read, so nothing was changed.",
        detail: `${describeOfficeError(error)} Press Analyse again.`,
      };
    }
  }

  /** Stores the history; resolves with "" or a sentence saying the previous history was kept. Never throws. */
  async writeHistory(history: History, keepOld: boolean): Promise<string> {
    try {
      await this.host.run((context) => writeHistory(context, history, keepOld));
      return "";
    } catch (error) {
      return `This run could not be added to the run history, which is kept as it was: ${describeOfficeError(error)}`;
    }
  }

  private pageLayout(): boolean {
    return supports(this.host.isSetSupported, PAGE_LAYOUT);
  }

  /** What earlier runs saved in this workbook, and a note when it could not be used. */
  loadState(): { state: WorkbookState; note: string } {
    try {
      return parseState(this.host.settings.get(STATE_KEY));
    } catch (error) {
      return { state: EMPTY_STATE, note: `The workbook's saved settings could not be read: ${describeOfficeError(error)}` };
    }
  }

  /** Saves the state in the workbook's settings; resolves with "" or a sentence about what went wrong. */
  saveState(state: WorkbookState): Promise<string> {
    return new Promise((resolve) => {
      try {
        this.host.settings.set(STATE_KEY, serialiseState(state));
        this.host.settings.saveAsync((result) => {
          // The typings declare a numeric enum; office.js (and our double) give "succeeded" / "failed".
          resolve(
            String(result.status) === "failed"
              ? `The settings could not be saved in the workbook: ${result.error?.message ?? "unknown error"}.`
              : "",
          );
        });
      } catch (error) {
        resolve(`The settings could not be saved in the workbook: ${describeOfficeError(error)}`);
      }
    });
  }
}
