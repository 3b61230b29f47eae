/**
 * The same scheme name twice in one organisation. Registers reuse names across organisations
 * ("E-rostering" in every trust), so the rows are put in order of name (a counting sort of the name
 * numbers, rows ascending within a name) and each name's rows are walked once, remembering for each
 * organisation the last row of that name it had: no string is built and no row is visited twice,
 * where following a chain of earlier rows of the name visited one per other organisation.
 */

/**
 * For each row, the latest earlier row with the same name in the same organisation, or -1.
 * `nameOf`: each row's name number (0 .. names − 1), -1 for a row with no name or no scheme;
 * `organisationOf`: each row's organisation (0 .. organisations − 1) where it has a name.
 */
export function earlierRowsWithSameName(
  nameOf: Int32Array,
  names: number,
  organisationOf: Int32Array,
  organisations: number,
): Int32Array {
  const n = nameOf.length;
  const earlier = new Int32Array(n).fill(-1);
  // Where each name's rows start in `byName`.
  const starts = new Int32Array(names + 1);
  for (let i = 0; i < n; i++) if (nameOf[i] >= 0) starts[nameOf[i] + 1]++;
  for (let k = 0; k < names; k++) starts[k + 1] += starts[k];
  const byName = new Int32Array(starts[names]);
  const next = starts.slice(0, names);
  for (let i = 0; i < n; i++) {
    const name = nameOf[i];
    if (name >= 0) byName[next[name]++] = i;
  }
  // The name whose rows were last seen in each organisation, and its last row there.
  const seenName = new Int32Array(organisations).fill(-1);
  const lastRow = new Int32Array(organisations);
  for (let name = 0; name < names; name++) {
    for (let p = starts[name]; p < starts[name + 1]; p++) {
      const row = byName[p];
      const org = organisationOf[row];
      if (seenName[org] === name) earlier[row] = lastRow[org];
      seenName[org] = name;
      lastRow[org] = row;
    }
  }
  return earlier;
}
