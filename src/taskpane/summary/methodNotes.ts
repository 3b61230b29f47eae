// "Notes on method": what a board reader needs to read the summary right. Pure.
import type { Trajectory } from "../../core/history/trajectory";
import { HISTORY_LIMIT } from "../../core/history/historyFormat";
import type { Unit } from "../../core/units";
import { heading, lines, type SummaryPart } from "./summaryParts";

export const METHOD_HEADING = "Notes on method";

export function methodNotes(unit: Unit, trajectory: Trajectory | null): SummaryPart[] {
  return [
    heading(METHOD_HEADING),
    lines([
      `Amounts are in ${unit}. Variance = actual − plan: a negative variance is under-delivery; a positive change is an increase.`,
      "YTD delivery % = YTD actual ÷ YTD plan. YTD shortfall % = the shortfall ÷ YTD plan. Forecast shortfall % = (annual plan − forecast) ÷ annual plan.",
      "Net vs sum of shortfalls: YTD shortfall adds up the shortfalls of the organisations behind plan only; YTD variance, net is Σ actual − Σ plan, in which delivery above plan by some offsets the shortfalls of others.",
      `Movement compares this run with the last run kept in this workbook (the last ${HISTORY_LIMIT} runs are kept), row by row by organisation and scheme name, not by position: a renamed row shows as one removed and one added.`,
      ...(trajectory ? [`Monthly trajectory: ${trajectory.forecastSpread}`] : []),
    ]),
  ];
}
