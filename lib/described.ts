// Most fields need no words beyond their name and schema (the agent's JSON Schema and the Zapier form
// show every limit), so the schema builders take an optional description.
import * as z from 'zod/mini';

/** The description as checks to spread into `.check(…)`: none when there is nothing to say. */
export const described = (description?: string) => (description ? [z.describe(description)] : []);
