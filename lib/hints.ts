// Field-level hints for Zapier's form, kept in a registry of their own so that they never show up
// in the JSON Schema an agent sees (zod emits `.meta()`, but not a custom registry).
import * as z from 'zod/mini';

export interface ZapierHint {
  /** A dynamic dropdown: `<trigger key>.<value field>.<label field>`. */
  dynamic?: string;
  /** A search step that can find the value: `<search key>.<value field>` (Zapier's "add a search step"). */
  search?: string;
  /** Reload the form when this field changes (it drives dynamic input fields). */
  altersDynamicFields?: boolean;
  /** The label, when the one derived from the key reads badly. */
  label?: string;
  /** `text` is a multi-line box; `code` a monospace one; `file` takes a file from an earlier step; `datetime` a date picker. */
  type?: 'text' | 'code' | 'file' | 'datetime';
  placeholder?: string;
}

export const zapierHints = z.registry<ZapierHint>();

/** Attaches a Zapier hint to a schema; build a fresh schema per field, since a schema has one hint. */
export const zapier = <T extends z.ZodMiniType>(schema: T, hint: ZapierHint): T => {
  zapierHints.add(schema, hint);
  return schema;
};
