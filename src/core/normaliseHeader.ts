/**
 * Headers are typed by people: "Surplus/(deficit) £k", "YTD\nActual (£000)", "Forecast  outturn".
 * Normalising them lets one list of header words stand for all the ways they are written.
 */
import { removeUnits } from "./units";

/**
 * Lower case, units and "£" removed, everything that is not a letter (accents included) or a
 * digit turned into a space, spaces collapsed and trimmed: "Surplus/(deficit) £k" becomes
 * "surplus deficit".
 *
 * "&" becomes "and" rather than vanishing, so that "I&E" and "I and E" normalise alike and a
 * header keeps saying what it said. Digits are kept ("M1", "2011/12"): what a number means
 * depends on its neighbours, which is for the matcher to judge.
 */
export function normaliseHeader(header: string): string {
  if (typeof header !== "string") return "";
  return removeUnits(header.normalize("NFKC"))
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim();
}

/** The words of a normalised header: `headerTokens("Plan to date £k")` is ["plan", "to", "date"]. */
export function headerTokens(header: string): string[] {
  const normalised = normaliseHeader(header);
  return normalised === "" ? [] : normalised.split(" ");
}
