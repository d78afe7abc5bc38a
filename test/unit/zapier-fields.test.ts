import * as z from 'zod/mini';
import { zapier } from '../../lib/hints';
import { fromZapierInput, inputFields, labelFor } from '../../lib/zapier-fields';
import { agentSchema } from '../../mcp/agent-schema';

const schema = z.object({
  note: z.optional(z.string().check(z.describe('A note.'))),
  name: z.string().check(z.describe('The name.')),
  count: z.int(),
  ratio: z.optional(z.number()),
  active: z._default(z.boolean(), false),
  kind: z.enum(['static', 'dynamic']),
  emails: z.array(z.email()),
  data: z.optional(z.record(z.string(), z.string())),
  group_id: zapier(z.optional(z.int().check(z.describe('The group.'))), { dynamic: 'list_groups.id.name', label: 'Group', altersDynamicFields: true }),
  body: zapier(z.optional(z.string()), { type: 'text', placeholder: 'Hello' }),
  rows: z.optional(z.array(z.object({ sku: z.string(), quantity: z.int() }))),
});

describe('zod schema → Zapier input fields', () => {
  const fields = Object.fromEntries(inputFields(schema).map((f) => [f.key, f]));

  it('puts required fields first and keeps schema order otherwise', () => {
    expect(inputFields(schema).map((f) => f.key)).toEqual(['name', 'count', 'kind', 'emails', 'note', 'ratio', 'active', 'data', 'group_id', 'body', 'rows']);
  });

  it('derives types, required, help text and labels', () => {
    expect(fields.name).toEqual({ key: 'name', label: 'Name', required: true, helpText: 'The name.', type: 'string' });
    expect(fields.count).toMatchObject({ type: 'integer', required: true });
    expect(fields.ratio).toMatchObject({ type: 'number', required: false });
    expect(fields.active).toMatchObject({ type: 'boolean', required: false, default: 'false' });
    expect(fields.note).toMatchObject({ required: false, helpText: 'A note.' });
  });

  it('turns enums into choices, arrays into lists, records into dicts and object arrays into line items', () => {
    expect(fields.kind).toMatchObject({
      type: 'string',
      choices: [
        { value: 'static', label: 'static', sample: 'static' },
        { value: 'dynamic', label: 'dynamic', sample: 'dynamic' },
      ],
    });
    expect(fields.emails).toMatchObject({ list: true, type: 'string' });
    expect(fields.data).toMatchObject({ dict: true });
    expect(fields.rows!.children).toEqual([
      { key: 'sku', label: 'Sku', required: true, type: 'string' },
      { key: 'quantity', label: 'Quantity', required: true, type: 'integer' },
    ]);
  });

  it('applies Zapier hints: dynamic dropdowns, labels, multi-line text', () => {
    expect(fields.group_id).toMatchObject({ dynamic: 'list_groups.id.name', label: 'Group', altersDynamicFields: true, type: 'integer', helpText: 'The group.' });
    expect(fields.body).toMatchObject({ type: 'text', placeholder: 'Hello' });
  });

  it('keeps Zapier hints out of the JSON Schema an agent sees', () => {
    const json = JSON.stringify(agentSchema(schema));
    expect(json).not.toMatch(/"dynamic":|list_groups|placeholder|altersDynamicFields|"label":/);
    expect(json).toContain('The group.');
  });

  it('says in words the limits the JSON Schema shows an agent, after the description', () => {
    const limited = z.object({
      title: z.string().check(z.maxLength(100), z.describe('Shown in the inbox.')),
      day: z.optional(z.iso.date()),
      at: z.optional(z.iso.datetime({ offset: true })),
      picked: zapier(z.optional(z.iso.datetime({ offset: true })), { type: 'datetime' }),
      link: z.optional(z.url()),
      tags: z.optional(z.array(z.string().check(z.maxLength(20))).check(z.maxLength(10))),
      days: z.optional(z.array(z.iso.date())),
      size: z.optional(z.int().check(z.minimum(1), z.maximum(5000))),
      page: z.optional(z.int().check(z.minimum(1))),
      id: z.optional(z.int().check(z.positive())),
    });
    const help = Object.fromEntries(inputFields(limited).map((f) => [f.key, f.helpText]));
    expect(help).toEqual({
      title: 'Shown in the inbox. Up to 100 characters.',
      day: 'A date (YYYY-MM-DD).',
      at: 'An ISO-8601 time with a zone, such as 2026-03-01T09:00:00Z.',
      picked: undefined, // Zapier's date picker fills it
      link: 'A full web address, with its scheme (https).',
      tags: 'Up to 10 items.',
      days: 'A date (YYYY-MM-DD).',
      size: 'From 1 to 5,000.',
      page: 'At least 1.',
      id: undefined,
    });
  });

  it('writes labels people read', () => {
    expect(labelFor('from_email')).toBe('From Email');
    expect(labelFor('template_id')).toBe('Template ID');
    expect(labelFor('html')).toBe('HTML');
  });
});

describe("Zapier's input data → what the schema parses", () => {
  it('drops blanks, reads numbers and booleans from text, and wraps single values in lists', () => {
    expect(
      fromZapierInput(schema, {
        note: '',
        name: 'Ada',
        count: '42',
        ratio: '0.5',
        active: 'yes',
        kind: 'static',
        emails: 'ada@example.com',
        data: { a: '1' },
        group_id: null,
        rows: [{ sku: 'A-1', quantity: '3' }],
      }),
    ).toEqual({
      name: 'Ada',
      count: 42,
      ratio: 0.5,
      active: true,
      kind: 'static',
      emails: ['ada@example.com'],
      data: { a: '1' },
      rows: [{ sku: 'A-1', quantity: 3 }],
    });
  });

  it('keeps unknown keys for the strict schema to refuse, except where Zapier sends the whole form (dropdowns)', () => {
    expect(fromZapierInput(schema, { name: 'Ada', BCC: 'x@example.com' })).toEqual({ name: 'Ada', BCC: 'x@example.com' });
    expect(fromZapierInput(schema, { name: 'Ada', BCC: 'x@example.com' }, { dropUnknown: true })).toEqual({ name: 'Ada' });
  });

  it('leaves text that is not a number for the schema to reject', () => {
    expect(fromZapierInput(schema, { count: 'many', active: 'maybe' })).toEqual({ count: 'many', active: 'maybe' });
    expect(schema.safeParse(fromZapierInput(schema, { name: 'A', count: 'many', kind: 'static', emails: [] })).success).toBe(false);
  });
});
