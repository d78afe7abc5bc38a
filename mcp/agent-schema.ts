// The JSON Schema an agent reads for a tool: exactly as strict as the zod schema that checks the call,
// in as few bytes as that allows, since every byte of tools/list is paid for in the agent's context.
import * as z from 'zod/mini';
import { schemaNames } from '../lib/schema-names';

type JsonSchema = Record<string, unknown>;

/** Where a piece's name (lib/schema-names) rides through the conversion; removed before anyone reads it. */
const NAME = '$name';

/** Keywords that cost an agent context and tell it nothing. */
const isNoise = (key: string, value: unknown, schema: JsonSchema) =>
  key === '$schema' ||
  (key === 'pattern' && typeof schema.format === 'string') || // zod's regex for the format (~150 characters for email)
  ((key === 'minimum' || key === 'maximum') && Math.abs(Number(value)) === Number.MAX_SAFE_INTEGER) || // z.int()'s ±2^53
  (key === 'propertyNames' && (value as JsonSchema)?.type === 'string') || // every JSON key is a string
  (key === 'type' && Array.isArray(schema.enum)); // the enum already says which values, hence which type

const isObject = (node: unknown): node is JsonSchema => !!node && typeof node === 'object' && !Array.isArray(node);

/** Calls `visit` on each subschema of `node` (not on `node` itself), with the field it belongs to. */
function eachSubschema(node: JsonSchema, field: string, visit: (schema: JsonSchema, field: string, replace: (next: JsonSchema) => void) => void) {
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && isObject(value))
      for (const [name, child] of Object.entries(value)) {
        if (isObject(child)) visit(child, name, (next) => (value[name] = next));
      }
    else if ((key === 'items' || key === 'additionalProperties') && isObject(value)) visit(value, field, (next) => (node[key] = next));
    else if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(value))
      value.forEach((child, index) => isObject(child) && visit(child, field, (next) => (value[index] = next)));
  }
}

/**
 * Defines once, in `$defs`, each piece of schema a tool repeats (an address in To, Cc and Reply-To; an
 * SGQL condition at each level of a query), largest saving first, for as long as it saves bytes. A field's
 * own description stays beside its `$ref`. A piece is named by lib/schema-names, else after the first
 * field it appears in.
 */
function shareRepeats(root: JsonSchema): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const bare = ({ description: _, [NAME]: __, ...rest }: JsonSchema) => JSON.stringify(rest);
  const nodes = () => [root, ...Object.values(defs)];
  for (;;) {
    const seen = new Map<string, { count: number; field: string }>();
    const count = (schema: JsonSchema, field: string) => {
      if (schema.$ref === undefined) {
        const key = bare(schema);
        const entry = seen.get(key) ?? { count: 0, field: typeof schema[NAME] === 'string' ? schema[NAME] : field };
        entry.count += 1;
        seen.set(key, entry);
      }
      eachSubschema(schema, field, count);
    };
    for (const node of nodes()) eachSubschema(node, '', count);
    const nameFor = (field: string) => {
      let name = field || 'item';
      while (defs[name]) name += '_';
      return name;
    };
    // Bytes saved: n copies become n `{"$ref":"#/$defs/name"}`, and one copy goes under `"name":` in `$defs`.
    const saving = (key: string, n: number, name: string) =>
      (n - 1) * key.length - n * (19 + name.length) - (name.length + 4) - (Object.keys(defs).length ? 0 : '"$defs":{},'.length);
    let best: { key: string; name: string; saved: number } | undefined;
    for (const [key, { count: n, field }] of seen) {
      const name = nameFor(field);
      const saved = saving(key, n, name);
      if (saved > (best?.saved ?? 0)) best = { key, name, saved };
    }
    if (!best) break;
    const { key, name } = best;
    defs[name] = JSON.parse(key) as JsonSchema;
    const replace = (schema: JsonSchema, field: string, put: (next: JsonSchema) => void) => {
      if (bare(schema) === key) put({ $ref: `#/$defs/${name}`, ...(schema.description !== undefined ? { description: schema.description } : {}) });
      else eachSubschema(schema, field, replace);
    };
    for (const node of nodes()) eachSubschema(node, '', replace);
  }
  return withoutNames(Object.keys(defs).length ? { ...root, $defs: defs } : root);
}

const withoutNames = (node: JsonSchema): JsonSchema => {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === NAME) continue;
    if (key === 'properties' || key === '$defs') out[key] = Object.fromEntries(Object.entries(value as JsonSchema).map(([name, child]) => [name, withoutNames(child as JsonSchema)]));
    else if (Array.isArray(value)) out[key] = value.map((item) => (isObject(item) ? withoutNames(item) : item));
    else out[key] = isObject(value) ? withoutNames(value) : value;
  }
  return out;
};

/** The JSON Schema with the noise above left out and each piece's name, if it has one, under NAME. */
function named(schema: z.ZodMiniType): JsonSchema {
  const prune = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(prune);
    if (!isObject(node)) return node;
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node)) {
      // Under `properties` the keys are field names, not keywords: a field may be called `pattern`.
      if (key === 'properties' && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, field]) => [name, prune(field)]));
      else if (!isNoise(key, value, node)) out[key] = prune(value);
    }
    return out;
  };
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const name = schemaNames.get(zodSchema)?.name;
      if (name) (jsonSchema as JsonSchema)[NAME] = name;
    },
  });
  return prune(json) as JsonSchema;
}

/** The zod schema's JSON Schema without the noise above, each piece written out where it is used. */
export const plainSchema = (schema: z.ZodMiniType): JsonSchema => withoutNames(named(schema));

/** The JSON Schema an agent reads: plain, with repeated pieces defined once. Calls are still checked against the full zod schema. */
export const agentSchema = (schema: z.ZodMiniType): JsonSchema => shareRepeats(named(schema));
