// The real controller and gateway over the Excel double, with the sample trackers: what the task
// pane tests (and the benchmark) build on.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PaneController } from "../../src/taskpane/controller";
import { ExcelGateway } from "../../src/taskpane/excel/gateway";
import type { IsSetSupported } from "../../src/taskpane/requirements";
import type { PaneState } from "../../src/taskpane/view/paneState";
import { createWorkbookDouble, type WorkbookDouble, type WorkbookDoubleOptions } from "../../packages/excel-double";

export interface Sample {
  monthsElapsed: number;
  header: unknown[];
  rows: unknown[][];
}

export const loadSample = (name = "sample-trust-cip-tracker.json"): Sample =>
  JSON.parse(readFileSync(join(__dirname, "../../assets", name), "utf8"));

export interface Pane {
  book: WorkbookDouble;
  gateway: ExcelGateway;
  controller: PaneController;
  states: PaneState[];
  state(): PaneState;
  /** The view throws, once, when it is given a state for which `when` holds: a failing render. */
  breakRender(when: (state: PaneState) => boolean): void;
}

export const FIXED_NOW = new Date(Date.UTC(2026, 11, 1, 9, 30));

export function openPane(options: WorkbookDoubleOptions, isSetSupported: IsSetSupported = () => true): Pane {
  const book = createWorkbookDouble(options);
  return attach(book, isSetSupported);
}

/** A new pane on the same workbook, as when a reviewer opens the saved file. */
export function attach(book: WorkbookDouble, isSetSupported: IsSetSupported = () => true): Pane {
  const states: PaneState[] = [];
  let broken: ((state: PaneState) => boolean) | null = null;
  const render = (s: PaneState) => {
    states.push(s);
    if (broken?.(s)) {
      broken = null;
      throw new Error("The view failed to draw.");
    }
  };
  const gateway = new ExcelGateway({ run: book.run, settings: book.settings, isSetSupported });
  const controller = new PaneController(gateway, render, () => FIXED_NOW);
  controller.start();
  const breakRender = (when: (state: PaneState) => boolean) => {
    broken = when;
  };
  return { book, gateway, controller, states, state: () => controller.current(), breakRender };
}

export function trackerBook(sample: Sample = loadSample(), extra: Record<string, unknown[][]> = {}): WorkbookDoubleOptions {
  return { sheets: { Tracker: [sample.header, ...sample.rows], ...extra }, active: "Tracker" };
}
