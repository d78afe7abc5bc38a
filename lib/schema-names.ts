// Names for pieces of schema an agent may see defined once and referred to (`$defs` in a tool's JSON
// Schema): `address` reads better than whichever field the piece happened to appear in first. Kept in a
// registry of their own, like Zapier's hints, so that they never show up as keywords.
import * as z from 'zod/mini';

export const schemaNames = z.registry<{ name: string }>();

/** Names a schema; build a fresh schema per use, since a schema has one name. */
export const named = <T extends z.ZodMiniType>(name: string, schema: T): T => {
  schemaNames.add(schema, { name });
  return schema;
};
