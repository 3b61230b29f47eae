// The task pane's behaviour: what happens when the analyst reads a selection, corrects a column,
// changes an option or presses Analyse. It only sequences: an event updates the selected tracker or
// the options, a job reads or writes through the gateway with plans worked out by pure modules, and
// every change ends in a PaneState for the view. It never touches Excel or the DOM itself.
import type { Field } from "../core/fields";
import { planAnalysis } from "./analysePlan";
import { Job, type ExcelGateway } from "./excel/gateway";
import { chooseField, mappingView } from "./mappingView";
import {
  applyOptionsChange,
  choicesFromWorkbook,
  monthsForTracker,
  optionsView,
  resolveChoices,
  type OptionChoices,
} from "./optionChoices";
import {
  doneStatus,
  hiddenRowsNote,
  jobFailureStatus,
  noTrackerStatus,
  notReadyStatus,
  problemList,
  type JobStage,
} from "./runReport";
import {
  checkShape,
  readStatus,
  READY,
  selectionText,
  selectTracker,
  trackerChangeNote,
  withFinancialYear,
  withOverrides,
  withoutCells,
  type SelectedTracker,
} from "./selectedTracker";
import type { OptionsChange, PaneEvents, PaneState, PaneStatus } from "./view/paneState";
import { forgetOutput, recordRun, rememberMapping, type WorkbookState } from "./workbookState";
import { schemeProblemList, schemeReadNote } from "./schemePlan";
import { NO_SCHEME_OPTIONS, resolveSchemeChoices } from "./schemeOptions";

/** A job under way: its progress and cancel switch, the step it is at, and what it has written so far. */
interface JobRun {
  readonly job: Job;
  stage: JobStage;
  /** Where this run wrote its output block, once it has. */
  outputAddress: string | null;
}

/** Shows how a job ended; called once the job is over, so that Analyse can be offered again. */
type Ending = () => void;

export class PaneController implements PaneEvents {
  private state: PaneState;
  private workbook: WorkbookState;
  private tracker: SelectedTracker | null = null;
  /** Why the last Use selection read no tracker, until one is read: what Analyse says then. */
  private readFailure: PaneStatus | null = null;
  private choices: OptionChoices;
  private job: Job | null = null;

  constructor(
    private readonly gateway: ExcelGateway,
    private readonly render: (state: PaneState) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    const { state, note } = gateway.loadState();
    this.workbook = state;
    this.choices = choicesFromWorkbook(state);
    this.state = {
      phase: "empty",
      status: note ? { kind: "warning", text: note, detail: READY.text } : READY,
      selection: "",
      mapping: null,
      options: optionsView(this.choices, null),
      progress: null,
      problems: [],
      result: null,
      offerNewSheet: false,
      canAnalyse: false,
    };
  }

  /** Shows the first state; call once the view exists. */
  start(): void {
    this.render(this.state);
  }

  current(): PaneState {
    return this.state;
  }

  // -------------------------------------------------------------------------------------------
  // Events

  readSelection(): Promise<void> {
    return this.runJob("Reading the selection", "read", async (run) => {
      const outcome = await this.gateway.readSelection(run.job);
      if (!outcome.ok) {
        const status: PaneStatus = { kind: "error", text: outcome.message, detail: outcome.detail };
        this.readFailure = status;
        return () => this.update({ phase: this.tracker ? "mapped" : "empty", progress: null, status });
      }
      run.stage = "recognise";
      const refusal = checkShape(outcome.tracker);
      if (refusal) {
        this.tracker = null;
        this.readFailure = refusal;
        return () =>
          this.update({ phase: "empty", progress: null, mapping: null, selection: "", status: refusal, canAnalyse: false });
      }
      const tracker = withFinancialYear(selectTracker(outcome.tracker, this.workbook), this.financialYear());
      this.choices = monthsForTracker(this.choices, this.workbook, tracker);
      this.tracker = tracker;
      this.readFailure = null;
      return () =>
        this.refresh(
          { phase: "mapped", progress: null, problems: [], result: null, offerNewSheet: false },
          withSchemeNote(readStatus(tracker), tracker),
        );
    });
  }

  changeMapping(index: number, field: Field | null): void {
    const t = this.tracker;
    if (!t || this.job) return;
    this.correctColumns(t, chooseField(t.overrides, t.mapping, index, field));
  }

  resetMapping(): void {
    const t = this.tracker;
    if (!t || this.job) return;
    this.correctColumns(t, {});
  }

  changeOptions(change: OptionsChange): void {
    if (this.job) return;
    this.choices = applyOptionsChange(this.choices, change);
    let status = this.state.status;
    // Another year: other columns are the year's plan, so the tracker is recognised anew and says so.
    if (change.scheme?.financialYear !== undefined && this.tracker) {
      this.tracker = withFinancialYear(this.tracker, this.financialYear());
      status = withSchemeNote(readStatus(this.tracker), this.tracker);
    }
    this.refresh({ offerNewSheet: change.destination === "newSheet" ? false : this.state.offerNewSheet }, status);
  }

  useNewSheet(): Promise<void> {
    this.changeOptions({ destination: "newSheet" });
    return this.analyse();
  }

  cancel(): void {
    this.job?.cancel();
  }

  async analyse(): Promise<void> {
    let selected = this.tracker;
    if (this.job) return;
    if (!selected || this.readFailure) {
      this.refresh({}, noTrackerStatus(this.readFailure));
      return;
    }
    const resolved = resolveChoices(this.choices, selected.mapping);
    if (!resolved.ok || !this.state.canAnalyse) {
      this.refresh({}, notReadyStatus(this.state.mapping?.missing ?? []));
      return;
    }
    const settings = resolved.settings;
    // Options cannot change while the job runs; these are the ones the run is recorded with.
    const choices = this.choices;
    const { outputMode, destination } = choices;
    // The cells read before are not used again: let them go before the tracker is read anew, so that
    // a million-row tracker is not held twice.
    selected = { ...selected, range: withoutCells(selected.range) };
    this.tracker = selected;
    const previous = selected;
    await this.runJob("Analysing", "reread", async (run) => {
      // The tracker as it is now: edits, sorts and rows added since Use selection count.
      const fresh = await this.gateway.readForAnalysis(previous.range, this.workbook.summarySheetId, run.job);
      if (!fresh.ok) {
        const status: PaneStatus = { kind: "error", text: fresh.message, detail: fresh.detail };
        return () => this.refresh({ phase: "mapped", progress: null }, status);
      }
      const t: SelectedTracker = { ...previous, range: fresh.tracker };
      this.tracker = t;
      const changed = trackerChangeNote(previous.range, t.range);
      // The history before anything is written: a protected structure refuses the run here.
      const stored = await this.gateway.readHistory();
      if (!stored.ok) {
        const status: PaneStatus = { kind: "error", text: stored.message, detail: stored.detail };
        return () => this.refresh({ phase: "mapped", progress: null }, status);
      }
      run.stage = "plan";
      // Let the pane show that it is busy before a big tracker holds the page for a second.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const ranAt = this.now();
      const plan = planAnalysis({
        tracker: t.range,
        mapping: t.mapping,
        settings,
        mode: outputMode,
        destination,
        monthsSource: choices.monthsNote,
        schemes: resolveSchemeChoices(choices.scheme ?? NO_SCHEME_OPTIONS) ?? undefined,
        history: stored.history,
        runAt: ranAt,
      });

      run.stage = "write";
      run.job.label = "Writing the results";
      const source = t.range;
      const written = await this.gateway.writeOutput({ source, plan: plan.output, destination, state: this.workbook }, run.job);
      if (!written.ok) {
        if (written.cleared) {
          // The block it stood for is gone: a later run must not look for it.
          this.workbook = forgetOutput(this.workbook, written.cleared);
          void this.gateway.saveState(this.workbook);
        }
        const status: PaneStatus = { kind: "error", text: written.message, detail: written.detail };
        return () => this.refresh({ phase: "mapped", progress: null, offerNewSheet: written.offerNewSheet }, status);
      }
      run.outputAddress = written.address;
      this.workbook = recordRun(this.workbook, {
        options: {
          settings: choices.settings,
          forecast: choices.forecast,
          outputMode,
          destination,
          ...(choices.scheme && choices.scheme !== NO_SCHEME_OPTIONS ? { schemeOptions: choices.scheme } : {}),
        },
        output: written.record,
        lastRun: { at: ranAt.toISOString(), monthsElapsed: settings.monthsElapsed, outputAddress: written.address },
      });

      run.stage = "summary";
      const summaryPlan = plan.summary({ outputAddress: written.address, ranAt });
      const summary = await this.gateway.writeSummary(summaryPlan, this.workbook.summarySheetId);
      // Recorded only once it is complete: a failed rebuild leaves the old one (or none) in place.
      if (summary.ok) this.workbook = { ...this.workbook, summarySheetId: summary.sheetId };

      // The run joins the history last, and only once everything else is written: a run that
      // failed part way is compared with the same last run when it is made again.
      run.stage = "history";
      const historyNote = summary.ok ? await this.gateway.writeHistory(plan.history.history, stored.keepOld) : "";

      run.stage = "save";
      const saveNote = await this.gateway.saveState(this.workbook);
      const notes = [
        changed,
        hiddenRowsNote(source, destination),
        summary.ok ? "" : summary.message,
        stored.note,
        historyNote,
        saveNote,
      ]
        .filter(Boolean)
        .join(" ");
      const summarySheet = summary.ok ? summary.sheetName : "";
      const done: Partial<PaneState> = {
        phase: "done",
        progress: null,
        offerNewSheet: false,
        problems: [...problemList(plan.analysis, source), ...schemeProblemList(plan.schemes, source)],
        result: { headlines: plan.headlines, outputAddress: written.address, summarySheet },
      };
      return () => this.refresh(done, doneStatus(plan.analysis, written.address, summarySheet, notes));
    });
  }

  // -------------------------------------------------------------------------------------------
  // Jobs and state

  /**
   * One job from start to end. Whatever throws (the gateway, a planner, the view), the job ends: the
   * pane leaves "running", the progress bar goes, another job can start, and the status says which
   * step failed. A job already under way makes this a no-op.
   */
  private async runJob(label: string, stage: JobStage, work: (run: JobRun) => Promise<Ending>): Promise<void> {
    if (this.job) return;
    const job: Job = new Job((done, total) => this.update({ progress: { label: job.label, done, total, cancellable: true } }));
    job.label = label;
    const run: JobRun = { job, stage: "show", outputAddress: null };
    this.job = job;
    try {
      this.update({
        phase: "running",
        canAnalyse: false,
        progress: { label, done: 0, total: 0, cancellable: true },
        status: { kind: "busy", text: `${label}…`, detail: "" },
      });
      run.stage = stage;
      const ending = await work(run);
      run.stage = "show";
      this.job = null;
      ending();
    } catch (error) {
      this.job = null;
      const phase = this.tracker ? "mapped" : "empty";
      const status = jobFailureStatus(run.stage, error, run.outputAddress);
      if (run.stage === "read" || run.stage === "recognise") this.readFailure = status;
      this.refresh({ phase, progress: null, offerNewSheet: false }, status);
    } finally {
      this.job = null;
      // Should even the failure fail to show, the pane is still not left busy; the next event redraws it.
      if (this.state.phase === "running")
        this.state = { ...this.state, phase: this.tracker ? "mapped" : "empty", progress: null };
    }
  }

  /** The financial year chosen in Options, null: the year of the run. */
  private financialYear(): number | null {
    const year = this.choices.scheme?.settings.financialYear;
    return typeof year === "number" ? year : null;
  }

  private correctColumns(t: SelectedTracker, overrides: SelectedTracker["overrides"]): void {
    this.tracker = withOverrides(t, overrides);
    this.workbook = rememberMapping(this.workbook, t.key, overrides);
    void this.gateway.saveState(this.workbook);
    this.refresh({}, withSchemeNote(readStatus(this.tracker), this.tracker));
  }

  private refresh(patch: Partial<PaneState>, status: PaneStatus): void {
    const t = this.tracker;
    const mapping = t ? mappingView(t.header, t.range.rect.column, t.mapping, t.overrides, t.recognised) : null;
    const options = optionsView(this.choices, t?.mapping ?? null);
    const canAnalyse =
      t !== null && mapping !== null && mapping.missing.length === 0 && options.problems.length === 0 && this.job === null;
    this.update({ ...patch, status, mapping, options, selection: selectionText(t), canAnalyse });
  }

  private update(patch: Partial<PaneState>): void {
    // The state first: should the view throw, the controller still knows where it is.
    this.state = { ...this.state, ...patch };
    this.render(this.state);
  }
}

/** A scheme register's status says rows are schemes and which year's plan is analysed. */
function withSchemeNote(status: PaneStatus, t: SelectedTracker): PaneStatus {
  const note = schemeReadNote(t.mapping);
  if (note === "" || status.kind !== "info") return status;
  return { ...status, detail: [note, status.detail].filter(Boolean).join(" ") };
}
