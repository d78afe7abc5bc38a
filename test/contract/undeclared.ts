// Prism lets an invented or misspelled body property through, because the spec rarely says
// `additionalProperties: false`; SendGrid then drops it silently. This check reads every object schema
// that declares properties as closed and reports each body property it does not declare.
import type { Violation } from './recorder';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const deref = (spec: Json, node: Json | undefined): Json | undefined =>
  node?.$ref ? deref(spec, node.$ref.slice(2).split('/').reduce((at: Json, key: string) => at?.[key], spec)) : node;

/** The spec path a request path matches; literal segments win over parameters (/contacts/search over /contacts/{id}). */
function specPathFor(spec: Json, method: string, path: string): string | undefined {
  const segments = path.split('/');
  const fits = (template: string) => {
    const parts = template.split('/');
    return parts.length === segments.length && parts.every((part, i) => /^\{.+\}$/.test(part) || part === segments[i]);
  };
  const params = (template: string) => template.split('/').filter((part) => part.startsWith('{')).length;
  return Object.keys(spec.paths)
    .filter((template) => spec.paths[template][method] && fits(template))
    .sort((a, b) => params(a) - params(b))[0];
}

interface Shape {
  /** Declared properties, from the schema and every allOf/oneOf/anyOf branch. */
  properties: Record<string, Json>;
  /** Keys beyond those are allowed (no properties declared, or additionalProperties not false). */
  open: boolean;
  /** The schema of extra keys, when additionalProperties is one. */
  extra?: Json;
}

function shapeOf(spec: Json, schema: Json | undefined): Shape {
  const node = deref(spec, schema);
  if (!node) return { properties: {}, open: true };
  const branches = [...(node.allOf ?? []), ...(node.oneOf ?? []), ...(node.anyOf ?? [])].map((branch: Json) => shapeOf(spec, branch));
  const properties: Record<string, Json> = Object.assign({}, ...branches.map((b) => b.properties), node.properties ?? {});
  const extra = typeof node.additionalProperties === 'object' ? node.additionalProperties : branches.find((b) => b.extra)?.extra;
  const declaresNothing = !node.properties && branches.every((b) => Object.keys(b.properties).length === 0);
  const open = declaresNothing || node.additionalProperties === true || Boolean(extra);
  return { properties, open, extra };
}

function itemsOf(spec: Json, schema: Json | undefined): Json | undefined {
  const node = deref(spec, schema);
  if (!node) return undefined;
  if (node.items) return node.items;
  for (const branch of [...(node.allOf ?? []), ...(node.oneOf ?? []), ...(node.anyOf ?? [])]) {
    const items = itemsOf(spec, branch);
    if (items) return items;
  }
  return undefined;
}

function walk(spec: Json, value: unknown, schema: Json | undefined, location: string[], found: Violation[]) {
  if (Array.isArray(value)) {
    const items = itemsOf(spec, schema);
    value.forEach((item, i) => walk(spec, item, items, [...location, String(i)], found));
    return;
  }
  if (!value || typeof value !== 'object') return;
  const shape = shapeOf(spec, schema);
  for (const [key, child] of Object.entries(value)) {
    const declared = shape.properties[key];
    if (declared) walk(spec, child, declared, [...location, key], found);
    else if (shape.extra) walk(spec, child, shape.extra, [...location, key], found);
    else if (!shape.open)
      found.push({ location: [...location, key], severity: 'Error', code: 'undeclared', message: `property '${key}' is not declared by the spec here; SendGrid would drop it silently` });
  }
}

/** Every body property of this request that the spec does not declare. */
export function undeclaredProperties(spec: Json, method: string, url: string, body: string): Violation[] {
  if (!body.trim()) return [];
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  const lower = method.toLowerCase();
  const specPath = specPathFor(spec, lower, url.split('?')[0] ?? '');
  if (!specPath) return [];
  const operation = spec.paths[specPath][lower];
  const schema = deref(spec, deref(spec, operation.requestBody)?.content?.['application/json']?.schema);
  const found: Violation[] = [];
  walk(spec, value, schema, ['body'], found);
  return found;
}
