/**
 * What identifies a tracker row from one run to the next: its organisation and, in a scheme
 * register, its scheme — never its position, so sorting the sheet or inserting rows changes
 * nothing. Names are compared as people read them: case, accents written two ways (NFKC),
 * runs of spaces and spaces at the ends do not make two names differ.
 */

const SEPARATOR = "\u0001"; // cannot be typed into a cell name, so no two (org, scheme) pairs share a key

/** "  Westshire   CCG " and "westshire ccg" are the same organisation. */
export function normaliseName(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The key of an organisation and optional scheme; "" scheme means the row has none. */
export function rowKey(organisation: string, scheme = ""): string {
  const org = normaliseName(organisation);
  const sch = normaliseName(scheme);
  return sch === "" ? org : `${org}${SEPARATOR}${sch}`;
}

/** How a message or the summary names a row: "Westshire CCG" or "Westshire CCG / Prescribing". */
export function displayName(organisation: string, scheme = ""): string {
  const org = organisation.trim();
  const sch = scheme.trim();
  return sch === "" ? org : `${org} / ${sch}`;
}

/** FNV-1a of each key, worked out once per snapshot so matching two runs hashes no string. */
export function keyHashes(keys: readonly string[]): Uint32Array {
  const hashes = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let h = 0x811c9dc5;
    for (let c = 0; c < key.length; c++) h = Math.imul(h ^ key.charCodeAt(c), 0x01000193);
    hashes[i] = h;
  }
  return hashes;
}
