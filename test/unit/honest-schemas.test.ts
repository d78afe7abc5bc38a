// The schema an agent reads must be as strict as the validation: input generated from the published
// JSON Schema alone (json-schema-faker, seeded) must pass the operation's own checks, unless the refusal
// comes from a rule JSON Schema cannot state: a rule across fields, or one that depends on today's date
// or needs a lookup (an IANA time zone, February 30). Each of those is listed below, with the sentence that states it to the
// agent (in the tool's description or the field's); any other refusal fails. No request is made.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from '@swc/core';
import type * as Faker from 'json-schema-faker';
import * as z from 'zod/mini';
import { InputError } from '../../lib/errors';
import type { AnyOperation } from '../../lib/operation';
import { parseInput } from '../../lib/validate';
import { toolFor } from '../../mcp/tools';
import operations from '../../operations';

/** Inputs generated per operation. */
const SAMPLES = 8;
const SEED = 20261201;

type Json = Record<string, unknown>;

/** A refusal the published schema cannot prevent, and the sentence that tells the agent about it. */
interface Allowed {
  /** The refused field, as parseInput names it (`conditions[0].value`): an exact name or a pattern. */
  field: string | RegExp;
  message: RegExp;
  /** Words of the tool's or a field's description that state the rule. */
  stated: string;
}

const START_END: Allowed = { field: /^start_(time|date)$/, message: /^is after end_(time|date)/, stated: 'not before start_' };
const END_START: Allowed = { field: 'end_date', message: /^is before start_date/, stated: 'not before start_date' };
/** Rules on today's date: JSON Schema has no "now". */
const FUTURE_DATE: Allowed = { field: /^(start|end)_date$/, message: /^is in the future/, stated: 'not in the future' };
const SEND_AT: Allowed = { field: 'send_at', message: /(is in the past|is more than 72 hours ahead)/, stated: 'in the future and at most 72 hours ahead' };
const AUDIENCE: Allowed[] = [
  { field: /^(list_ids|segment_ids|send_to_all)$/, message: /exactly one/, stated: 'Choose exactly one of lists, segments or all contacts.' },
  { field: 'custom_unsubscribe_url', message: /^give an unsubscribe group or a custom unsubscribe URL, not both$/, stated: 'Give this or a custom unsubscribe URL (not both)' },
  { field: /^(subject|html_content|plain_content)$/, message: /^leave it out when using a design_id/, stated: 'a design_id replaces subject and content' },
];
const TEST_DATA: Allowed = { field: 'test_data', message: /^applies to dynamic templates/, stated: 'Dynamic templates only' };
const PLAIN_CONTENT: Allowed = { field: 'generate_plain_content', message: /^cannot be yes when a plain-text body is given/, stated: 'cannot be yes together with one' };
/** One condition of SendGrid's query language: value or values, by operator. */
const CONDITION: Allowed[] = [
  { field: /(^|\.)(conditions|and|or)\[\d+\]\.values?$|^where\.values?$/, message: /(is required for|must be left out for) the operator/, stated: 'in/not_in' },
  { field: /(^|\.)(conditions|and|or)\[\d+\]\.operator$|^where\.operator$/, message: /^in_list applies to/, stated: 'list_ids with in_list' },
];
const SEGMENT_QUERY: Allowed = { field: 'conditions', message: /^give query_dsl or conditions, not both$/, stated: 'instead of query_dsl' };
/** send_email and send_dynamic_template_email share their fields and these rules. */
const MAIL: Allowed[] = [
  SEND_AT,
  { field: /^attachments\[\d+\]\.url$/, message: /^give either a url or base64 content/, stated: 'Give url or content, not both.' },
  { field: /^attachments\[\d+\]\.filename$/, message: /^is required with content/, stated: 'Required with content' },
  { field: /^attachments\[\d+\]\.cid$/, message: /^is required for an inline attachment/, stated: 'Required when disposition is inline.' },
  { field: 'send_separately', message: /^cannot be combined with Cc or Bcc/, stated: 'Cannot be combined with Cc or Bcc.' },
];

/** A value only a lookup checks: a time zone of the IANA database (about 600 names, too many for an enum). */
const ZONE: Allowed = { field: 'timezone', message: /^is not an IANA time zone/, stated: 'The IANA time zone' };

/**
 * By operation, the refusals JSON Schema cannot prevent: rules across fields, and the few single-field
 * rules it cannot state (today's date; a lookup). Anything else a generated input meets is a schema to fix.
 */
const PROSE_RULES: Record<string, Allowed[]> = {
  send_email: [
    ...MAIL,
    { field: 'reply_to_list', message: /^give reply_to or reply_to_list, not both$/, stated: 'Use reply_to or reply_to_list, not both.' },
    { field: 'subject', message: /^a subject is required unless a template is chosen$/, stated: 'Required unless a template is chosen.' },
    { field: 'text', message: /^give a text or HTML body, or choose a template$/, stated: 'Give text, HTML or both, unless a template is chosen.' },
    { field: /^dynamic_template_data(_json)?$/, message: /^template data (works only with|needs) a dynamic template/, stated: 'Only with a dynamic ("d-…") template.' },
    { field: 'groups_to_display', message: /^needs an unsubscribe group/, stated: 'Needs an unsubscribe group.' },
  ],
  send_dynamic_template_email: [
    ...MAIL,
    { field: 'recipient_data', message: /^per-recipient values need send_separately/, stated: 'when sending separately' },
    { field: /^recipient_data\[\d+\]\.email$/, message: /is not one of the To addresses$/, stated: 'one entry per To address' },
  ],
  create_single_send: AUDIENCE,
  update_single_send: [...AUDIENCE, { field: 'send_to_all', message: /^false chooses no recipients/, stated: 'Choose exactly one of lists, segments or all contacts.' }],
  schedule_single_send: [
    { field: 'send_at', message: /^is in the past/, stated: 'A time in the past is refused' },
    { field: 'send_at', message: /^is not a real date and time$/, stated: 'ISO-8601 date-time' },
  ],
  create_template_version: [TEST_DATA, PLAIN_CONTENT],
  update_template_version: [TEST_DATA, PLAIN_CONTENT],
  create_segment: [...CONDITION, SEGMENT_QUERY, { field: 'query_dsl', message: /^give the segment's query: query_dsl or conditions$/, stated: 'either as SGQL (query_dsl) or as conditions' }],
  update_segment: [...CONDITION, SEGMENT_QUERY, { field: 'name', message: /^give a new name, a new query/, stated: 'name and/or query' }],
  delete_contacts: [
    { field: 'contact_ids', message: /^give the ids of the contacts to delete/, stated: 'instead of contact_ids' },
    { field: 'confirm', message: /^(must be exactly "DELETE ALL CONTACTS"|is only used with delete_all_contacts)/, stated: 'Only with delete_all_contacts' },
  ],
  import_contacts_csv: [
    { field: 'csv_url', message: /^give the CSV as text or as a link, not both$/, stated: 'Instead of the text' },
    { field: 'field_mappings', message: /^is required without a CSV/, stated: 'Required without one' },
    { field: 'wait_until_processed', message: /^needs a CSV to upload/, stated: 'With csv or csv_url' },
  ],
  update_unsubscribe_group: [{ field: 'name', message: /^give at least one of name, description or is_default/, stated: 'at least one must be given' }],
  list_bounces: [START_END],
  list_blocks: [START_END],
  list_spam_reports: [START_END],
  list_invalid_emails: [START_END],
  list_global_unsubscribes: [START_END],
  get_single_send_stats: [END_START, ZONE],
  get_global_stats: [START_END, FUTURE_DATE],
  get_category_stats: [START_END, FUTURE_DATE],
  get_category_stats_sums: [START_END, FUTURE_DATE],
  search_email_activity: [
    { field: 'query', message: /^give either a query or the filter fields/, stated: 'Instead of the filters above' },
    { field: 'within_last', message: /^cannot be combined with last_event_after or last_event_before$/, stated: 'Not with last_event_after/last_event_before.' },
    { field: 'last_event_after', message: /^is after last_event_before/, stated: 'not after this time' },
  ],
  legacy_search_contacts: [
    { field: /^conditions\[0\]\.and_or$/, message: /^must be left out on the first condition/, stated: 'Leave it out on the first condition.' },
    { field: /^conditions\[\d+\]\.value$/, message: /^must be left out with (empty|not_empty)/, stated: 'leave it out for empty and not_empty' },
  ],
  legacy_list_campaigns: [{ field: 'offset', message: /^cannot be combined with all_pages/, stated: 'Not with all_pages.' }],
  legacy_list_contacts: [{ field: 'page', message: /^cannot be combined with all_pages/, stated: 'Not with all_pages.' }],
  search_contacts: [...CONDITION, { field: /^(conditions|where|query)$/, message: /^give exactly one of conditions, where or query$/, stated: 'Instead of conditions' }],
};

/** json-schema-faker ships one ES module bundle; the unit tier runs CommonJS, so it is compiled here. */
function loadFaker(): typeof Faker {
  const file = join(__dirname, '../../node_modules/json-schema-faker/dist/index.js');
  const { code } = transformSync(readFileSync(file, 'utf8'), { module: { type: 'commonjs' }, jsc: { target: 'es2022' } });
  const module = { exports: {} as typeof Faker };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return module.exports;
}

/** JSON texts for a string the schema marks as JSON (contentMediaType application/json). */
const JSON_TEXTS = ['{"first_name":"Ada"}', '{"order":{"id":1042,"items":[{"name":"Pen","price":2.5}]}}'];

/**
 * The published schema, read as a generator needs it: size bounds lowered to sampling size (a 100 MB
 * maxLength, 1,000 items), and a JSON text drawn from JSON_TEXTS. Every value generated still fits
 * the schema as published.
 */
function sampleable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(sampleable);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json))
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, sampleable(v)])) : sampleable(value);
  if (typeof out.maxLength === 'number') out.maxLength = Math.min(out.maxLength, Math.max(Number(out.minLength ?? 0), 60));
  if (typeof out.maxItems === 'number') out.maxItems = Math.min(out.maxItems, Math.max(Number(out.minItems ?? 0), 3));
  if (out.contentMediaType === 'application/json') out.enum = JSON_TEXTS;
  return out;
}

/** Every description in a published schema, with the tool's own. */
function descriptions(op: AnyOperation): string {
  const found: string[] = [op.description];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Json)) {
      if (key === 'description' && typeof value === 'string') found.push(value);
      else walk(value);
    }
  };
  walk(toolFor(op).inputSchema);
  return found.join('\n');
}

const faker = loadFaker();
// Formats zod checks that the generator does not know.
faker.registerFormat('base64', (random) => Buffer.from(Array.from({ length: random.int(1, 24) }, () => random.int(0, 255))).toString('base64'));
/** Seeded, and deep enough for the nested and/or groups of a `where`. */
const generatorFor = (options: Faker.GenerateOptions = {}) => faker.createGeneratorSync({ seed: SEED, optionalsProbability: 0.5, maxDepth: 12, ...options });

/** The refusals of one generated input that no entry of the table allows. */
function unexplained(op: AnyOperation, input: unknown): string[] {
  try {
    parseInput(op.input, input);
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const allowed = PROSE_RULES[op.key] ?? [];
    return error.errors
      .filter(({ field, message }) => !allowed.some((a) => (typeof a.field === 'string' ? a.field === field : a.field.test(field ?? '')) && a.message.test(message)))
      .map(({ field, message }) => `${op.key}: ${field} ${message} <= ${JSON.stringify(input).slice(0, 300)}`);
  }
}

describe('published schemas are honest', () => {
  it.each(operations.map((op) => [op.key, op] as const))('%s: input generated from its schema alone is accepted', (_key, op) => {
    const generator = generatorFor();
    const schema = sampleable(toolFor(op).inputSchema) as Faker.JsonSchema;
    const refused = Array.from({ length: SAMPLES }, () => generator.generate(schema)).flatMap((input) => unexplained(op, input));
    expect(refused).toEqual([]);
  });

  it('fills optional properties in some inputs and leaves them out of others', () => {
    const op = operations.find((o) => o.key === 'send_email')!;
    const generator = generatorFor();
    const schema = sampleable(toolFor(op).inputSchema) as Faker.JsonSchema;
    const counts = Array.from({ length: SAMPLES }, () => Object.keys(generator.generate(schema) as Json).length);
    const required = (toolFor(op).inputSchema.required ?? []).length;
    expect(Math.min(...counts)).toBeLessThan(Object.keys(toolFor(op).inputSchema.properties ?? {}).length);
    expect(Math.max(...counts)).toBeGreaterThan(required);
  });

  it('lists only rules the agent is told about, for operations that exist', () => {
    const untold: string[] = [];
    for (const [key, allowed] of Object.entries(PROSE_RULES)) {
      const op = operations.find((o) => o.key === key);
      if (!op) untold.push(`${key}: no such operation`);
      else for (const a of allowed) if (!descriptions(op).includes(a.stated)) untold.push(`${key}: "${a.stated}" is in no description`);
    }
    expect(untold).toEqual([]);
  });

  it('generates values zod accepts for every format the schemas use', () => {
    const formats = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      if (typeof (node as Json).format === 'string') formats.add((node as Json).format as string);
      Object.values(node as Json).forEach(walk);
    };
    operations.forEach((op) => walk(toolFor(op).inputSchema));
    const zodFor: Record<string, z.ZodMiniType> = { email: z.email(), uuid: z.uuid(), 'date-time': z.iso.datetime({ offset: true }), date: z.iso.date(), uri: z.url(), base64: z.base64() };
    expect([...formats].filter((format) => !zodFor[format])).toEqual([]);
    const generator = generatorFor();
    const refused = [...formats].flatMap((format) =>
      Array.from({ length: 20 }, () => generator.generate({ type: 'string', format }) as string).filter((value) => !zodFor[format]!.safeParse(value).success).map((value) => `${format}: ${value}`),
    );
    expect(refused).toEqual([]);
  });
});
