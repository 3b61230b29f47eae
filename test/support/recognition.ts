import type { Field } from "../../src/core/fields";
import { recogniseColumns } from "../../src/core/recogniseColumns";

/** The field a header alone in a row is recognised as. */
export const fieldOf = (header: unknown): Field | undefined => {
  const { columns } = recogniseColumns([header]);
  const fields = Object.keys(columns) as Field[];
  return fields.length === 1 ? fields[0] : undefined;
};
