// Which requirement sets the pane needs, and the status line when Excel lacks one.
import { describe, expect, it } from "vitest";
import {
  EXCEL_VERSIONS,
  MERGED_CELLS,
  missingRequirements,
  REQUIRED,
  supports,
  unsupportedMessage,
  type IsSetSupported,
} from "../../src/taskpane/requirements";

/** An Excel that supports `set` up to `max` (minor versions compared as numbers). */
const excelUpTo =
  (max: string): IsSetSupported =>
  (set, version) => {
    if (set !== "ExcelApi") return false;
    const [major, minor] = version.split(".").map(Number);
    const [maxMajor, maxMinor] = max.split(".").map(Number);
    return major < maxMajor || (major === maxMajor && minor <= maxMinor);
  };

describe("missingRequirements", () => {
  it("needs ExcelApi 1.9", () => {
    expect(REQUIRED).toEqual([expect.objectContaining({ set: "ExcelApi", version: "1.9" })]);
  });

  it("is empty when Excel has every set", () => {
    expect(missingRequirements(() => true)).toEqual([]);
    expect(missingRequirements(excelUpTo("1.9"))).toEqual([]);
    expect(missingRequirements(excelUpTo("1.17"))).toEqual([]);
  });

  it("lists the sets an older Excel lacks", () => {
    expect(missingRequirements(excelUpTo("1.8"))).toEqual([...REQUIRED]);
    expect(missingRequirements(() => false)).toEqual([...REQUIRED]);
  });

  it("counts a set as missing when isSetSupported throws or answers anything but true", () => {
    expect(
      missingRequirements(() => {
        throw new Error("Office.context.requirements is undefined");
      }),
    ).toEqual([...REQUIRED]);
    expect(missingRequirements((() => "yes") as unknown as IsSetSupported)).toEqual([...REQUIRED]);
    expect(missingRequirements((() => 1) as unknown as IsSetSupported)).toEqual([...REQUIRED]);
    expect(missingRequirements((() => undefined) as unknown as IsSetSupported)).toEqual([...REQUIRED]);
  });

  it("asks for each set by name and version", () => {
    const asked: string[] = [];
    missingRequirements((set, version) => {
      asked.push(`${set} ${version}`);
      return true;
    });
    expect(asked).toEqual(REQUIRED.map((r) => `${r.set} ${r.version}`));
  });
});

describe("supports", () => {
  it("tells whether the merged-cell check can run, false when isSetSupported throws", () => {
    expect(supports(excelUpTo("1.13"), MERGED_CELLS)).toBe(true);
    expect(supports(excelUpTo("1.12"), MERGED_CELLS)).toBe(false);
    expect(
      supports(() => {
        throw new Error("no Office");
      }, MERGED_CELLS),
    ).toBe(false);
  });
});

describe("unsupportedMessage", () => {
  it("is null when nothing is missing", () => {
    expect(unsupportedMessage([])).toBeNull();
  });

  it("names each missing set with what it is for, and the versions that have it", () => {
    const message = unsupportedMessage(missingRequirements(excelUpTo("1.8")));
    expect(message).toEqual({
      text: "This version of Excel is too old for CIP Analyst's task pane: it lacks ExcelApi 1.9 (reading the selected tracker and writing its results).",
      detail: `Use ${EXCEL_VERSIONS}, kept up to date.`,
    });
    expect(message!.detail).toContain("Excel on the web");
    expect(message!.detail).toContain("Excel 2021");
  });

  it("joins several missing sets with commas", () => {
    const message = unsupportedMessage([...REQUIRED, MERGED_CELLS]);
    expect(message!.text).toBe(
      "This version of Excel is too old for CIP Analyst's task pane: it lacks ExcelApi 1.9 (reading the selected tracker and writing its results), ExcelApi 1.13 (spotting merged cells in the selection).",
    );
  });
});
