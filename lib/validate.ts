import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { InputError } from './errors';
import type { Input, InputSchema } from './operation';

// zod/mini ships without messages ("Invalid input"); English ones name what is wrong.
z.config(en());

/** The operation's input, parsed by its schema, or an InputError naming each bad field. */
export function parseInput<S extends InputSchema>(schema: S, raw: unknown): Input<S> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  throw new InputError(
    result.error.issues.map((issue) => ({
      field: issue.path.length ? fieldPath(issue.path) : null,
      message: issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined ? 'is required' : issue.message,
    })),
  );
}

const valueAt = (raw: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), raw);

/** `to[0].email`, as a person would write it. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    '',
  );
}
