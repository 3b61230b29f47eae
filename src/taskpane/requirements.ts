// Which Excel API requirement sets the task pane needs, and what to tell the analyst when their
// Excel lacks one. Pure: taskpane.ts passes in Office's isSetSupported.

export interface Requirement {
  readonly set: string;
  readonly version: string;
  /** What the pane uses it for, in the analyst's words. */
  readonly for: string;
}

/**
 * ExcelApi 1.9 brings multi-area selections (to refuse them), Range.getTables and the calculation
 * suspension used for large writes; everything else the pane needs (conditional formats, freeze
 * panes, charts, named ranges) is older. Excel 2021, Excel 2019 for Mac 16.x with Microsoft 365,
 * and Excel on the web have it; Excel 2016 and 2019 on Windows do not.
 */
export const REQUIRED: readonly Requirement[] = [
  { set: "ExcelApi", version: "1.9", for: "reading the selected tracker and writing its results" },
];

/** Nice to have: the merged-cell check (ExcelApi 1.13). Without it, merged cells are not detected. */
export const MERGED_CELLS: Requirement = { set: "ExcelApi", version: "1.13", for: "spotting merged cells in the selection" };

/**
 * Nice to have: where a formula spills (ExcelApi 1.12), to tell the live columns' spilled values from
 * what the analyst typed. Every Excel with dynamic arrays has it; without them nothing spills.
 */
export const SPILL_RANGES: Requirement = { set: "ExcelApi", version: "1.12", for: "finding where live formulas spill" };
/** The summary's print layout (worksheet.pageLayout, ExcelApi 1.9). Without it the summary is not set up for print. */
export const PAGE_LAYOUT: Requirement = { set: "ExcelApi", version: "1.9", for: "laying out the summary sheet for print" };

export const EXCEL_VERSIONS = "Excel for Microsoft 365 (Windows or Mac), Excel 2021 or later, or Excel on the web";

export type IsSetSupported = (set: string, version: string) => boolean;

export function missingRequirements(isSetSupported: IsSetSupported): Requirement[] {
  return REQUIRED.filter((r) => !safely(isSetSupported, r));
}

/** The status line for missing requirement sets, or null when everything is there. */
export function unsupportedMessage(missing: readonly Requirement[]): { text: string; detail: string } | null {
  if (missing.length === 0) return null;
  const sets = missing.map((r) => `${r.set} ${r.version} (${r.for})`).join(", ");
  return {
    text: `This version of Excel is too old for CIP Analyst's task pane: it lacks ${sets}.`,
    detail: `Use ${EXCEL_VERSIONS}, kept up to date.`,
  };
}

function safely(isSetSupported: IsSetSupported, r: Requirement): boolean {
  try {
    return isSetSupported(r.set, r.version) === true;
  } catch {
    return false;
  }
}

export function supports(isSetSupported: IsSetSupported, r: Requirement): boolean {
  return safely(isSetSupported, r);
}
