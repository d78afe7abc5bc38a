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
    result.error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') return unknownKeys(schema, issue.path, issue.keys);
      return [{
        field: issue.path.length ? fieldPath(issue.path) : null,
        message: issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined ? 'is required' : issue.message,
      }];
    }),
  );
}

/** One error per unknown key, naming the keys the object accepts, so a misspelling is easy to fix. */
function unknownKeys(schema: z.ZodMiniType, path: readonly PropertyKey[], keys: readonly string[]) {
  const accepted = Object.keys(shapeAt(schema, path) ?? {});
  const hint = accepted.length ? `accepted fields: ${accepted.join(', ')}` : 'this object takes no fields';
  return keys.map((key) => ({ field: fieldPath([...path, key]), message: `is not a known field (${hint})` }));
}

/** The object shape a path leads to, through optional wrappers, arrays and records. */
function shapeAt(schema: z.ZodMiniType, path: readonly PropertyKey[]): Record<string, unknown> | undefined {
  let node: z.ZodMiniType | undefined = schema;
  for (let i = 0; node; ) {
    const def = node._zod.def as { type: string; innerType?: z.ZodMiniType; element?: z.ZodMiniType; valueType?: z.ZodMiniType; shape?: Record<string, z.ZodMiniType>; in?: z.ZodMiniType };
    if (def.innerType) node = def.innerType;
    else if (def.type === 'pipe') node = def.in;
    else if (i === path.length) return def.shape;
    else if (def.type === 'object') node = def.shape?.[String(path[i++])];
    else if (def.type === 'array') (node = def.element), i++;
    else if (def.type === 'record') (node = def.valueType), i++;
    else return undefined;
  }
  return undefined;
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
