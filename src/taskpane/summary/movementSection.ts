// "Movement since the last run" on the summary sheet: the headline, totals before and after, the
// movement per group (and each further dimension), RAG changes, rows added and removed and the
// biggest movers (core/history/movement.ts works them out). Pure.
import type { Movement } from "../../core/history/movement";
import { FIRST_RUN_HEADLINE } from "../../core/history/movementHeadline";
import { RAGS } from "../../core/metrics";
import { NO_GROUP } from "../../core/rollup";
import type { Unit } from "../../core/units";
import { literalText } from "../output/outputPlan";
import { heading, lines, note, numberOrBlank, subheading, table, type SummaryPart } from "./summaryParts";

export const MOVEMENT_HEADING = "Movement since the last run";
/** Rows listed per table; the rest are counted in a note. */
export const MOVEMENT_ROWS_MAX = 50;

const MEASURES = [
  ["forecast", "Forecast"],
  ["ytdActual", "YTD actual"],
  ["ytdPlan", "YTD plan"],
  ["unidentified", "Unidentified"],
  ["annualPlan", "Annual plan"],
] as const;

/** `sheetRow` turns a 0-based tracker row into its sheet row (TrackerAnalysis.rowNumber). */
export function movementSection(
  movement: Movement,
  headline: string,
  unit: Unit,
  money: string,
  sheetRow: (row: number) => number,
): SummaryPart[] {
  const rowNumber = (row: number | null): number | string => (row === null ? "" : sheetRow(row));
  const parts: SummaryPart[] = [heading(MOVEMENT_HEADING)];
  const totals = movement.totals;
  if (movement.first || !totals) return [...parts, lines([FIRST_RUN_HEADLINE])];
  const u = ` (${unit})`;
  parts.push(lines([headline]));
  parts.push(
    table(
      [
        ["Measure", `Last run${u}`, `This run${u}`, `Change${u}`],
        ...MEASURES.map(([key, label]) => [label, totals[key].before, totals[key].after, totals[key].change]),
        ["Rows", totals.rowsBefore, totals.rowsAfter, totals.rowsAfter - totals.rowsBefore],
      ],
      ["General", money, money, money],
    ),
  );
  for (const [dimension, groups] of Object.entries(movement.dimensions)) {
    parts.push(subheading(`By ${dimension.toLowerCase()}`));
    parts.push(
      capped(
        [
          dimension,
          `Forecast, last run${u}`,
          `Forecast, this run${u}`,
          `Forecast change${u}`,
          `YTD actual change${u}`,
          `Unidentified change${u}`,
          "Forecast RAG worse",
          "Forecast RAG better",
        ],
        groups.map((g) => [
          literalText(g.value || NO_GROUP),
          g.forecast.before,
          g.forecast.after,
          g.forecast.change,
          g.ytdActual.change,
          g.unidentified.change,
          g.ragWorse,
          g.ragBetter,
        ]),
        ["General", money, money, money, money, money, "0", "0"],
      ),
    );
  }
  if (movement.rowLevel) {
    parts.push(subheading(`RAG changes (${movement.ragChanges.length.toLocaleString("en-GB")})`));
    parts.push(
      movement.ragChanges.length === 0
        ? lines(["No row's RAG changed."])
        : capped(
            ["Organisation", "RAG", "From", "To", "Direction", "Row"],
            movement.ragChanges.map((c) => [
              literalText(c.name),
              RAGS[c.rag].label,
              c.from ?? "(none)",
              c.to ?? "(none)",
              c.from === null || c.to === null ? "" : c.worse ? "worse" : "better",
              rowNumber(c.sourceRow),
            ]),
            ["General", "General", "General", "General", "General", "0"],
          ),
    );
    parts.push(subheading("Rows added and removed"));
    const changed = [
      ...movement.added.map((r) => [literalText(r.name), "Added", rowNumber(r.sourceRow)]),
      ...movement.removed.map((r) => [literalText(r.name), "Removed", ""]),
    ];
    parts.push(
      changed.length === 0
        ? lines(["No rows were added or removed."])
        : capped(["Organisation", "Change", "Row"], changed, ["General", "General", "0"]),
    );
    parts.push(subheading("Biggest movers (forecast)"));
    parts.push(
      movement.movers.length === 0
        ? lines(["No row's forecast moved."])
        : table(
            [
              ["Organisation", `Forecast, last run${u}`, `Forecast, this run${u}`, `Change${u}`, "Row"],
              ...movement.movers.map((m) => [
                literalText(m.name),
                numberOrBlank(m.before),
                numberOrBlank(m.after),
                m.change,
                rowNumber(m.sourceRow),
              ]),
            ],
            ["General", money, money, money, "0"],
          ),
    );
  }
  if (movement.notes.length > 0) parts.push(...movement.notes.map(note));
  return parts;
}

function capped(header: string[], rows: (string | number)[][], formats: string[]): SummaryPart {
  const shown = rows.slice(0, MOVEMENT_ROWS_MAX);
  const cells = [header, ...shown.map((r) => r.map((c) => (typeof c === "number" ? numberOrBlank(c) : c)))];
  if (rows.length > shown.length)
    cells.push([`… and ${(rows.length - shown.length).toLocaleString("en-GB")} more`, ...header.slice(1).map(() => "")]);
  return table(cells, formats);
}
