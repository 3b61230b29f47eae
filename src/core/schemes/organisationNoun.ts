/** What the organisations of a register are called in sentences, from its organisation column's header. */
const NOUNS: readonly (readonly [RegExp, string])[] = [
  [/\btrusts?\b/i, "trusts"],
  [/\bicbs?\b/i, "ICBs"],
  [/\bproviders?\b/i, "providers"],
  [/\bccgs?\b/i, "CCGs"],
  [/\bpcts?\b/i, "PCTs"],
  [/\bcommissioners?\b/i, "commissioners"],
];

/** "trusts" for a "Trust" column, "ICBs" for "ICB", else "organisations". */
export function organisationNoun(header: unknown): string {
  if (typeof header !== "string") return "organisations";
  return NOUNS.find(([pattern]) => pattern.test(header))?.[1] ?? "organisations";
}

/** The singular: "trust", "ICB", "organisation". */
export function singular(noun: string): string {
  return noun.endsWith("s") ? noun.slice(0, -1) : noun;
}
