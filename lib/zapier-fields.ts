// zod input schema → Zapier input fields, and Zapier's input data → what the schema parses.
import * as z from 'zod/mini';
import type { PlainInputField } from 'zapier-platform-core';
import { type ZapierHint, zapierHints } from './hints';
import type { InputSchema } from './operation';

type Schema = z.ZodMiniType;
type Def = { type: string; [key: string]: unknown };

const defOf = (schema: Schema) => schema._zod.def as Def;

/** Peels optional/default/nullable wrappers: the schema underneath, whether it may be left out, and its default. */
function unwrap(schema: Schema): { base: Schema; optional: boolean; fallback?: unknown; layers: Schema[] } {
  const layers: Schema[] = [schema];
  let optional = false;
  let fallback: unknown;
  let base = schema;
  for (;;) {
    const def = defOf(base);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'prefault') {
      // nullable admits null, not absence: only the others let a field be left blank.
      if (def.type !== 'nullable') optional = true;
      if (def.type === 'default') fallback = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
      base = def.innerType as Schema;
      layers.push(base);
    } else return { base, optional, fallback, layers };
  }
}

const metaOf = (layers: Schema[]) => ({
  hint: layers.map((s) => zapierHints.get(s)).find(Boolean) ?? {},
  description: layers.map((s) => z.globalRegistry.get(s)?.description).find(Boolean),
});

const ACRONYMS: Record<string, string> = { id: 'ID', ids: 'IDs', html: 'HTML', url: 'URL', api: 'API', ip: 'IP', json: 'JSON' };

/** `from_email` → "From Email". */
export const labelFor = (key: string) =>
  key
    .split('_')
    .map((word) => ACRONYMS[word] ?? word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

const isInteger = (def: Def) => def.type === 'number' && ['safeint', 'int32', 'uint32'].includes(String(def.format));

type Check = { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string };
const checksOf = (def: Def) => ((def.checks ?? []) as { _zod: { def: Check } }[]).map((c) => c._zod.def);
const count = (n: number) => n.toLocaleString('en-US');

/**
 * The limits an agent reads in the JSON Schema, said in words for the form (descriptions leave them to
 * the schema): "Up to 100 characters.", "Up to 1,000 items.", "From 1 to 500.", "A date (YYYY-MM-DD).".
 * A list's items leave out their length (`lengths` false): "Up to 255 characters" would read as the list's.
 */
function limitsOf(def: Def, hint: ZapierHint, lengths = true): string[] {
  const checks = checksOf(def);
  const maxLength = lengths ? checks.find((c) => c.check === 'max_length')?.maximum : undefined;
  if (def.type === 'array') return maxLength ? [`Up to ${count(maxLength)} items.`] : [];
  if (def.type === 'string') {
    const format = String(def.format ?? checks.find((c) => c.check === 'string_format')?.format ?? '');
    const words = [];
    if (format === 'date') words.push('A date (YYYY-MM-DD).');
    if (format === 'datetime' && hint.type !== 'datetime') words.push('An ISO-8601 time with a zone, such as 2026-03-01T09:00:00Z.');
    if (format === 'url') words.push('A full web address, with its scheme (https).');
    if (maxLength && maxLength <= 100_000) words.push(`Up to ${count(maxLength)} characters.`);
    return words;
  }
  if (def.type === 'number') {
    const low = checks.find((c) => c.check === 'greater_than' && c.inclusive);
    const high = checks.find((c) => c.check === 'less_than' && c.inclusive);
    if (low && high) return [`From ${count(low.value!)} to ${count(high.value!)}.`];
    if (high) return [`At most ${count(high.value!)}.`];
    if (low && low.value !== 0) return [`At least ${count(low.value!)}.`];
  }
  return [];
}

function field(key: string, schema: Schema): PlainInputField {
  const { base, optional, fallback, layers } = unwrap(schema);
  const { hint, description } = metaOf(layers);
  const def = defOf(base);
  const out: PlainInputField & Record<string, unknown> = {
    key,
    label: hint.label ?? labelFor(key),
    required: !optional,
  };
  const element = def.type === 'array' ? unwrap(def.element as Schema).base : undefined;
  const help = [description, ...limitsOf(def, hint), ...(element ? limitsOf(defOf(element), hint, false) : [])].filter(Boolean);
  if (help.length) out.helpText = help.join(' ');
  if (hint.placeholder) out.placeholder = hint.placeholder;
  if (hint.dynamic) out.dynamic = hint.dynamic;
  if (hint.search) out.search = hint.search;
  if (hint.altersDynamicFields) out.altersDynamicFields = true;
  if (fallback !== undefined) out.default = String(fallback);

  let item = def;
  if (element) {
    if (defOf(element).type === 'object') {
      // Zapier's line items take no help text of their own; their children carry it.
      delete out.helpText;
      out.children = requiredFirst(Object.entries((element as InputSchema).shape).map(([childKey, child]) => field(childKey, child as Schema)));
      return out;
    }
    out.list = true;
    item = defOf(element);
  }
  if (item.type === 'record') {
    out.dict = true;
    out.type = 'string';
  } else if (item.type === 'number') out.type = isInteger(item) ? 'integer' : 'number';
  else if (item.type === 'boolean') out.type = 'boolean';
  else if (item.type === 'enum') {
    out.type = 'string';
    out.choices = Object.values(item.entries as Record<string, string>).map((value) => ({ value: String(value), label: String(value), sample: String(value) }));
  } else out.type = hint.type ?? (item.type === 'string' ? 'string' : 'text');
  return out;
}

/** Required fields first (Zapier's style rule), otherwise in schema order. */
const requiredFirst = (fields: PlainInputField[]) => [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];

/** The fields of a step's form. */
export const inputFields = (schema: InputSchema): PlainInputField[] =>
  requiredFirst(Object.entries(schema.shape).map(([key, value]) => field(key, value as Schema)));

const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'no', '0', 'off']);

/** One value from Zapier's form, turned into what the schema expects; undefined when left blank. */
function coerce(schema: Schema, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  const { base } = unwrap(schema);
  const def = defOf(base);
  if (def.type === 'number' && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (def.type === 'boolean' && typeof value === 'string') {
    const word = value.trim().toLowerCase();
    return TRUE.has(word) ? true : FALSE.has(word) ? false : value;
  }
  if (def.type === 'array') {
    const items = (Array.isArray(value) ? value : [value]).map((v) => coerce(def.element as Schema, v)).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (def.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) return fromZapierInput(base as InputSchema, value as Record<string, unknown>);
  return value;
}

/**
 * Zapier's inputData for the schema: blanks dropped, numbers and booleans from text, single values into
 * lists. Keys the schema does not know are kept, so that the strict schema refuses them, unless
 * `dropUnknown`: Zapier hands a dropdown's trigger the values of the whole form it sits in.
 */
export function fromZapierInput(schema: InputSchema, inputData: Record<string, unknown>, { dropUnknown = false } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(inputData)) {
    const child = schema.shape[key] as Schema | undefined;
    if (!child && dropUnknown) continue;
    const value = child ? coerce(child, raw) : raw;
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  }
  return out;
}
