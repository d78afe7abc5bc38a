// A small builder for SendGrid's Segmentation Query Language (SGQL), the WHERE part of Marketing
// Campaigns contact queries: a segment's query_dsl and a contact search's query. A condition is
// { field_name, operator, value } (or `values`, for in/not_in); conditions nest in { and: [...] } / { or: [...] } groups. Values are
// quoted by the type of their field (Text, Number, Date), and anything SGQL cannot carry safely is
// refused naming the field, before any request.
import * as z from 'zod/mini';
import { named } from './schema-names';
import type { SendGridApi } from './client';
import { InputError } from './errors';
import { zapier } from './hints';

export type FieldType = 'Text' | 'Number' | 'Date';
export const FIELD_TYPES = ['Text', 'Number', 'Date'] as const;

/** The column holding a contact's list ids; only `in_list` applies to it. */
export const LIST_IDS = 'list_ids';

/**
 * Columns of every contact (SendGrid's reserved fields) and their types, known without asking SendGrid.
 * Custom fields, and reserved fields not listed here, come from /v3/marketing/field_definitions.
 */
export const RESERVED_FIELDS: Readonly<Record<string, FieldType>> = {
  email: 'Text',
  first_name: 'Text',
  last_name: 'Text',
  alternate_emails: 'Text',
  address_line_1: 'Text',
  address_line_2: 'Text',
  city: 'Text',
  state_province_region: 'Text',
  postal_code: 'Text',
  country: 'Text',
  phone_number: 'Text',
  whatsapp: 'Text',
  line: 'Text',
  facebook: 'Text',
  unique_name: 'Text',
  email_domains: 'Text',
  contact_id: 'Text',
  external_id: 'Text',
  anonymous_id: 'Text',
  phone_number_id: 'Text',
  created_at: 'Date',
  updated_at: 'Date',
};

export const OPERATORS = [
  'eq', 'ne', 'lt', 'le', 'gt', 'ge',
  'like', 'not_like', 'contains', 'not_contains',
  'in', 'not_in', 'is_empty', 'is_not_empty', 'in_list',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** Which operators each field type supports. */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly Operator[]>> = {
  Text: ['eq', 'ne', 'like', 'not_like', 'contains', 'not_contains', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  Number: ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  Date: ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'is_empty', 'is_not_empty'],
};

const NO_VALUE: readonly Operator[] = ['is_empty', 'is_not_empty'];
const LIST_VALUE: readonly Operator[] = ['in', 'not_in'];

/** Field names SGQL can carry as a bare column name (SendGrid's own rule for custom field names). */
export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** SGQL's escaping is not reliable across SendGrid's query engines, so these characters are refused. */
const UNSAFE = /['"\\]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^-?\d+(\.\d+)?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const OPERATOR_HELP = 'eq =, ne !=, lt <, le <=, gt >, ge >=; like takes % wildcards.';

type Scalar = string | number;
export interface Condition {
  field_name: string;
  operator: Operator;
  /** The one value to compare with (every operator but in/not_in and is_empty/is_not_empty). */
  value?: Scalar | undefined;
  /** The values for in/not_in. */
  values?: Scalar[] | undefined;
}
export type Where = Condition | { and: Where[] } | { or: Where[] };
export type Join = 'and' | 'or';
/** One line of a flat condition list: joined to what comes before it with `join` (ignored on the first line). */
export interface ConditionLine extends Condition {
  join?: Join | undefined;
}

// ---------- zod/mini schemas, for operations to embed ----------

const scalar = () => z.union([z.string().check(z.maxLength(1000)), z.number()]);

const FIELD_HELP = 'A reserved or custom field, or list_ids with in_list.';
const VALUE_HELP = 'Not for is_empty/is_not_empty; in/not_in use values. No quotes or backslashes.';

/** At most this many values for in/not_in. */
export const MAX_VALUES = 100;

/** The condition's fields; `help` adds descriptions (left out of nested copies, where the top description says it all). */
const conditionShape = (help = true) => {
  const described = <T extends z.ZodMiniType>(schema: T, text: string): T => (help ? schema.check(z.describe(text)) : schema);
  return {
    field_name: described(
      z.string().check(
        z.trim(),
        z.minLength(1),
        z.maxLength(100),
        z.regex(FIELD_NAME, 'must be a field name: letters, digits and underscores, not starting with a digit'),
      ),
      FIELD_HELP,
    ),
    operator: described(z.enum(OPERATORS), OPERATOR_HELP),
    value: z.optional(described(scalar(), VALUE_HELP)),
    values: z.optional(z.array(scalar()).check(z.minLength(1), z.maxLength(MAX_VALUES))),
  };
};

type Issue = { path: PropertyKey[]; message: string };

const UNSAFE_MESSAGE = 'must not contain quotes (\' or ") or backslashes: SendGrid\'s query language cannot carry them safely';
const given = (value: unknown) => value !== undefined && value !== '';

/**
 * Checks that need no field definitions: `value` for one value, `values` for in/not_in, neither for
 * is_empty/is_not_empty; safe characters; reserved field types.
 */
function staticIssues(c: Condition): Issue[] {
  const out: Issue[] = [];
  const several = LIST_VALUE.includes(c.operator);
  const none = NO_VALUE.includes(c.operator);
  if (several) {
    if (!c.values?.length) out.push({ path: ['values'], message: `is required for the operator ${c.operator}: the values to match, one per item` });
    if (given(c.value)) out.push({ path: ['value'], message: `must be left out for the operator ${c.operator}; give the values in values` });
  } else {
    if (!none && !given(c.value)) out.push({ path: ['value'], message: `is required for the operator ${c.operator}` });
    if (none && given(c.value)) out.push({ path: ['value'], message: `must be left out for the operator ${c.operator}` });
    if (c.values !== undefined) out.push({ path: ['values'], message: `must be left out for the operator ${c.operator}; only in and not_in take several values` });
  }
  if (typeof c.value === 'string' && UNSAFE.test(c.value)) out.push({ path: ['value'], message: UNSAFE_MESSAGE });
  const unsafe = (c.values ?? []).findIndex((v) => typeof v === 'string' && UNSAFE.test(v));
  if (unsafe !== -1) out.push({ path: ['values', unsafe], message: UNSAFE_MESSAGE });
  const field = c.field_name.trim();
  if ((field.toLowerCase() === LIST_IDS) !== (c.operator === 'in_list'))
    out.push({ path: ['operator'], message: c.operator === 'in_list' ? `in_list applies to the field ${LIST_IDS} only` : `the field ${LIST_IDS} takes the operator in_list only` });
  else if (c.operator === 'in_list' && !(typeof c.value === 'string' && UUID.test(c.value.trim())))
    out.push({ path: ['value'], message: 'must be a list id (a UUID) for in_list' });
  const type = reservedType(field);
  if (type && !OPERATORS_BY_TYPE[type].includes(c.operator)) out.push({ path: ['operator'], message: unsupported(field, type, c.operator) });
  return out;
}

const unsupported = (field: string, type: FieldType, operator: Operator) =>
  `${operator} does not apply to ${field}, a ${type} field; use one of ${OPERATORS_BY_TYPE[type].join(', ')}`;

const refined = <T extends z.ZodMiniType<Condition>>(schema: T) =>
  schema.check(
    z.superRefine((c: Condition, ctx) => {
      for (const issue of staticIssues(c)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: c });
    }),
  );

/** One condition: { field_name, operator, value } (or values, for in/not_in). */
export const conditionSchema = (help = true) => refined(z.strictObject(conditionShape(help)));

/**
 * One line of a flat list (for a Zapier form's line items): a condition and how it joins the ones before it.
 * `fieldDropdown` is the Zapier dropdown of the field (such as 'list_searchable_fields.id.label').
 */
export const conditionLineSchema = (fieldDropdown?: string) => {
  const { field_name, ...rest } = conditionShape();
  return refined(
    z.strictObject({
      join: z.optional(
        z.enum(['and', 'or']).check(z.describe('Default and. Left to right: A and B or C = (A and B) or C.')),
      ),
      field_name: fieldDropdown ? zapier(field_name, { dynamic: fieldDropdown, label: 'Field' }) : field_name,
      ...rest,
    }),
  );
};

/** A flat list of conditions, combined in order, left to right: A and B or C means (A and B) or C. */
export const conditionListSchema = (description: string, { max = 50, fieldDropdown }: { max?: number; fieldDropdown?: string } = {}) =>
  z.array(conditionLineSchema(fieldDropdown)).check(z.minLength(1), z.maxLength(max), z.describe(description));

/** The deepest nesting of and/or groups `whereSchema` accepts. */
export const MAX_DEPTH = 3;

/**
 * A condition, or an { and: [...] } / { or: [...] } group of them, nested at most `depth` groups deep (2 by default, at most MAX_DEPTH).
 * Built level by level (no recursion), so that its JSON Schema states the depth; an agent's copy defines
 * each level once (`condition`, `group`, `inner_group`). The description should explain the shape.
 */
export function whereSchema(description: string, depth = 2): z.ZodMiniType<Where> {
  const condition = () => named('condition', conditionSchema(false));
  let level: z.ZodMiniType<Where> = condition();
  for (let i = 0; i < depth; i++) {
    const name = `${'inner_'.repeat(depth - 1 - i)}group`;
    const members = () => named(name, z.array(level).check(z.minLength(1), z.maxLength(50)));
    level = z.union([condition(), z.strictObject({ and: members() }), z.strictObject({ or: members() })]) as z.ZodMiniType<Where>;
  }
  return level.check(z.describe(description));
}

/** A description for a `whereSchema` field: the shape, the operators and the quoting rules. */
export const WHERE_HELP =
  `A condition { field_name, operator, value or values }, or { and: [...] } / { or: [...] } of them, nested at most 2 groups deep. field_name: ${FIELD_HELP} operator: ${OPERATOR_HELP} value: ${VALUE_HELP}`;

// ---------- field types ----------

/** Field name → type, reserved and custom. Names are matched case-insensitively, as SendGrid does. */
export type FieldTypes = ReadonlyMap<string, FieldType>;

function reservedType(field: string): FieldType | undefined {
  return RESERVED_FIELDS[field.toLowerCase()];
}

export const reservedFieldTypes = (): FieldTypes => new Map(Object.entries(RESERVED_FIELDS));

interface FieldDefinition {
  id?: string;
  name: string;
  field_type: FieldType;
  read_only?: boolean;
}
export interface FieldDefinitions {
  custom_fields: FieldDefinition[];
  reserved_fields: FieldDefinition[];
}

/** GET /v3/marketing/field_definitions: every reserved and custom field, with its type. */
export async function fetchFieldDefinitions(api: SendGridApi): Promise<FieldDefinitions> {
  const body = await api.get<Partial<FieldDefinitions> | undefined>('/v3/marketing/field_definitions');
  return { custom_fields: body?.custom_fields ?? [], reserved_fields: body?.reserved_fields ?? [] };
}

export function fieldTypesOf(definitions: FieldDefinitions): FieldTypes {
  const types = new Map(Object.entries(RESERVED_FIELDS));
  for (const f of [...definitions.reserved_fields, ...definitions.custom_fields]) types.set(f.name.toLowerCase(), f.field_type);
  return types;
}

/** The field names a condition tree uses. */
export function fieldsOf(where: Where | readonly ConditionLine[]): string[] {
  if (Array.isArray(where)) return where.map((c) => c.field_name);
  if ('and' in where) return where.and.flatMap(fieldsOf);
  if ('or' in where) return where.or.flatMap(fieldsOf);
  return [(where as Condition).field_name];
}

/** True when every field is known without asking SendGrid (reserved fields and list_ids). */
export const needsDefinitions = (where: Where | readonly ConditionLine[]) =>
  fieldsOf(where).some((f) => f.toLowerCase() !== LIST_IDS && !reservedType(f));

/**
 * The types of the fields a condition tree uses: the built-in reserved ones when they suffice, else
 * SendGrid's field definitions (one GET).
 */
export async function fieldTypesFor(api: SendGridApi, where: Where | readonly ConditionLine[]): Promise<FieldTypes> {
  return needsDefinitions(where) ? fieldTypesOf(await fetchFieldDefinitions(api)) : reservedFieldTypes();
}

// ---------- compiling ----------

class Fail {
  readonly errors: { field: string; message: string }[] = [];
  add(field: string, message: string) {
    this.errors.push({ field, message });
  }
}

/** A string literal in single quotes; quotes and backslashes were refused by the schema, and again here. */
function text(value: Scalar, path: string, fail: Fail): string | undefined {
  const s = String(value);
  if (UNSAFE.test(s)) return void fail.add(path, 'must not contain quotes (\' or ") or backslashes: SendGrid\'s query language cannot carry them safely');
  return `'${s}'`;
}

function number(value: Scalar, path: string, fail: Fail): string | undefined {
  const s = typeof value === 'number' ? String(value) : value.trim();
  if (!NUMBER.test(s) || !Number.isFinite(Number(s))) return void fail.add(path, `must be a number (such as 42 or 3.5) for a Number field; got ${JSON.stringify(value)}`);
  return s;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;

/** A date: a whole day (YYYY-MM-DD) as [start, next day's start), or one moment. */
function date(value: Scalar, path: string, fail: Fail): { day?: [string, string]; at?: string } | undefined {
  const s = String(value).trim();
  const bad = () => void fail.add(path, `must be a date (YYYY-MM-DD) or an ISO-8601 time with a zone (2026-03-01T09:30:00Z) for a Date field; got ${JSON.stringify(value)}`);
  const day = DAY.exec(s);
  if (day) {
    const start = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    if (iso(start).slice(0, 10) !== s) return bad();
    return { day: [`'${iso(start)}'`, `'${iso(new Date(start.getTime() + 86_400_000))}'`] };
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) || Number.isNaN(Date.parse(s))) return bad();
  return { at: `'${iso(new Date(s))}'` };
}

const COMPARE: Partial<Record<Operator, string>> = { eq: '=', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };

function compileCondition(c: Condition, path: string, types: FieldTypes, fail: Fail): string | undefined {
  const field = c.field_name.trim();
  const before = fail.errors.length;
  for (const issue of staticIssues(c))
    fail.add(`${path}.${String(issue.path[0])}${issue.path.length > 1 ? `[${String(issue.path[1])}]` : ''}`, issue.message);
  if (fail.errors.length > before) return undefined;
  if (c.operator === 'in_list') return `CONTAINS(${LIST_IDS}, '${String(c.value).trim()}')`;

  const type = types.get(field.toLowerCase()) ?? types.get(field);
  if (!type) {
    const known = [...types.keys()].sort().join(', ');
    return void fail.add(`${path}.field_name`, `"${field}" is not a field of this SendGrid account (known fields: ${known}, ${LIST_IDS})`);
  }
  if (!OPERATORS_BY_TYPE[type].includes(c.operator)) return void fail.add(`${path}.operator`, unsupported(field, type, c.operator));
  const valuePath = `${path}.value`;

  if (c.operator === 'is_empty') return `${field} IS NULL`;
  if (c.operator === 'is_not_empty') return `${field} IS NOT NULL`;

  if (c.operator === 'in' || c.operator === 'not_in') {
    const values = c.values ?? [];
    const literals = values.map((v, i) => (type === 'Number' ? number(v, `${path}.values[${i}]`, fail) : text(v, `${path}.values[${i}]`, fail)));
    if (literals.some((l) => l === undefined)) return undefined;
    return `${field} ${c.operator === 'in' ? 'IN' : 'NOT IN'} (${literals.join(', ')})`;
  }

  const value = c.value as Scalar;
  if (c.operator === 'like' || c.operator === 'not_like' || c.operator === 'contains' || c.operator === 'not_contains') {
    // In a LIKE pattern % is the wildcard; `contains` looks for the value itself, so its % are doubled.
    const pattern = c.operator.endsWith('contains') ? `%${String(value).replace(/%/g, '%%')}%` : String(value);
    const literal = text(pattern, valuePath, fail);
    return literal && `${field} ${c.operator.startsWith('not_') ? 'NOT LIKE' : 'LIKE'} ${literal}`;
  }

  const op = COMPARE[c.operator]!;
  if (type === 'Number') {
    const literal = number(value, valuePath, fail);
    return literal && `${field} ${op} ${literal}`;
  }
  if (type === 'Text') {
    const literal = text(value, valuePath, fail);
    return literal && `${field} ${op} ${literal}`;
  }
  const when = date(value, valuePath, fail);
  if (!when) return undefined;
  if (when.at) return `${field} ${op} ${when.at}`;
  // A whole day: "on 2026-03-01" is any time that day, "after" means from the next day on.
  const [start, next] = when.day!;
  switch (c.operator) {
    case 'eq': return `(${field} >= ${start} AND ${field} < ${next})`;
    case 'ne': return `(${field} < ${start} OR ${field} >= ${next})`;
    case 'lt': return `${field} < ${start}`;
    case 'le': return `${field} < ${next}`;
    case 'gt': return `${field} >= ${next}`;
    default: return `${field} >= ${start}`;
  }
}

const depthOf = (where: Where): number =>
  'and' in where ? 1 + Math.max(...where.and.map(depthOf)) : 'or' in where ? 1 + Math.max(...where.or.map(depthOf)) : 0;

function compileNode(where: Where, path: string, types: FieldTypes, fail: Fail, top: boolean): string | undefined {
  const group = 'and' in where ? { key: 'and', join: ' AND ', items: where.and } : 'or' in where ? { key: 'or', join: ' OR ', items: where.or } : undefined;
  if (!group) return compileCondition(where as Condition, path, types, fail);
  if (!group.items.length) return void fail.add(`${path}.${group.key}`, 'needs at least one condition');
  const parts = group.items.map((item, i) => compileNode(item, `${path}.${group.key}[${i}]`, types, fail, false));
  if (parts.some((p) => p === undefined)) return undefined;
  const joined = parts.join(group.join);
  return top || parts.length === 1 ? joined : `(${joined})`;
}

const finish = (sgql: string | undefined, fail: Fail): string => {
  if (fail.errors.length || sgql === undefined) throw new InputError(fail.errors);
  return sgql;
};

/**
 * The SGQL text of a condition tree, e.g. `country = 'US' AND (loyalty_points > 100 OR city = 'Paris')`.
 * `path` names the input field in errors (`where.and[1].value`). Throws InputError listing every problem.
 */
export function compileWhere(where: Where, types: FieldTypes = reservedFieldTypes(), path = 'where'): string {
  const fail = new Fail();
  if (depthOf(where) > MAX_DEPTH) fail.add(path, `nests groups more than ${MAX_DEPTH} deep`);
  return finish(fail.errors.length ? undefined : compileNode(where, path, types, fail, true), fail);
}

/**
 * The SGQL text of a flat condition list, combined in order, left to right: [A, and B, or C] gives
 * `(A AND B) OR C`. `path` names the list in errors (`conditions[2].operator`).
 */
export function compileConditions(lines: readonly ConditionLine[], types: FieldTypes = reservedFieldTypes(), path = 'conditions'): string {
  const fail = new Fail();
  if (!lines.length) fail.add(path, 'needs at least one condition');
  let out: string | undefined;
  let previousJoin: Join | undefined;
  lines.forEach((line, i) => {
    const part = compileCondition(line, `${path}[${i}]`, types, fail);
    if (part === undefined || fail.errors.length) return;
    if (i === 0) return void (out = part);
    const join = line.join ?? 'and';
    // Left to right: when the join changes, what came before is bracketed.
    const before = previousJoin !== undefined && previousJoin !== join ? `(${out})` : out;
    out = `${before} ${join.toUpperCase()} ${part}`;
    previousJoin = join;
  });
  return finish(out, fail);
}

/** A Segments 2.0 query_dsl: the full SELECT SendGrid requires around a WHERE condition. */
export const segmentQuery = (where: string) => `SELECT contact_id, updated_at FROM contact_data WHERE ${where}`;
