import * as z from 'zod/mini';
import { InputError, type FieldError } from '../lib/errors';
import { zapier } from '../lib/hints';
import { dateValue, legacyApi, listSearchableFields, type SearchableField } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';
import { legacyListId } from '../dynamic-fields/legacy_list_lists';
import { recipientSample, type LegacyRecipient } from './legacy_list_contacts';

const OPERATORS = ['eq', 'ne', 'lt', 'gt', 'contains', 'empty', 'not_empty', 'is within'] as const;
type Operator = (typeof OPERATORS)[number];

/** Which operators SendGrid accepts for which field type (its documentation of this endpoint). */
const ALLOWED: Record<SearchableField['type'], readonly Operator[]> = {
  text: ['contains', 'eq', 'ne', 'empty', 'not_empty'],
  number: ['eq', 'lt', 'gt', 'empty', 'not_empty'],
  date: ['eq', 'ne', 'lt', 'gt', 'empty', 'not_empty', 'is within'],
  campaign: ['eq', 'ne'],
};
const NO_VALUE: readonly Operator[] = ['empty', 'not_empty'];

// `field_name`, not SendGrid's `field`: a step field called "field" says nothing on a form.
const condition = z.strictObject({
  field_name: zapier(
    z.string().check(
      z.trim(),
      z.minLength(1),
      z.describe('A name from legacy_list_searchable_fields.'),
    ),
    { dynamic: 'legacy_list_searchable_fields.id.name', label: 'Field' },
  ),
  operator: z.enum(OPERATORS).check(
    z.describe('Text: contains/eq/ne; number: eq/lt/gt; date: eq/ne/lt/gt/"is within"; all three: empty/not_empty; opens/clicks: eq/ne.'),
  ),
  value: z.optional(
    z.string().check(
      z.describe('A campaign id for opens/clicks; days for "is within"; leave it out for empty and not_empty.'),
    ),
  ),
  and_or: z.optional(
    z.enum(['and', 'or']).check(z.describe('Default and. Leave it out on the first condition.')),
  ),
});
type Condition = z.output<typeof condition>;

/** The value SendGrid wants for a condition (always a string), or why the condition cannot be sent. */
function valueFor(type: SearchableField['type'], { operator, value }: Condition): { value: string } | { error: string } {
  if (NO_VALUE.includes(operator)) return { value: '' };
  if (value === undefined || value.trim() === '') return { error: `needs a value for ${operator}` };
  const text = value.trim();
  if (type === 'number') return Number.isFinite(Number(text)) ? { value: text } : { error: `must be a number, not ${JSON.stringify(value)}` };
  if (type === 'campaign') return /^\d+$/.test(text) ? { value: text } : { error: `must be a campaign id (a whole number), not ${JSON.stringify(value)}` };
  if (type === 'date' && operator === 'is within')
    return /^\d+$/.test(text) || /^\d{4}-\d{2}-\d{2}$/.test(text) ? { value: text } : { error: `must be a YYYY-MM-DD date or a number of days, not ${JSON.stringify(value)}` };
  if (type === 'date') {
    const date = dateValue(text);
    return date === undefined ? { error: `must be a date as MM/DD/YYYY or YYYY-MM-DD, an ISO-8601 date-time, or Unix seconds, not ${JSON.stringify(value)}` } : { value: String(date) };
  }
  return { value };
}

export default defineOperation({
  key: 'legacy_search_contacts',
  noun: 'Contact',
  label: 'Find Contacts by Conditions (Legacy)',
  description:
    'Finds contacts meeting conditions, in all contacts or one list. Legacy Marketing Campaigns only; else search_contacts.',
  access: 'read',
  tags: ['legacy', 'contacts'],
  scopes: ['marketing_campaigns.read'],
  input: z.strictObject({
    conditions: z.array(condition).check(
      z.minLength(1),
      z.superRefine((list, ctx) => {
        if (list[0]?.and_or) ctx.addIssue({ code: 'custom', path: [0, 'and_or'], message: 'must be left out on the first condition, which joins nothing', input: list[0].and_or });
        list.forEach((c, i) => {
          if (NO_VALUE.includes(c.operator) && c.value?.trim())
            ctx.addIssue({ code: 'custom', path: [i, 'value'], message: `must be left out with ${c.operator}, which tests whether the field has a value`, input: c.value });
        });
      }),
    ),
    list_id: z.optional(legacyListId('Default: all contacts.')),
  }),
  sample: recipientSample,
  async perform(api, { conditions, list_id }) {
    const legacy = legacyApi(api, 'search_contacts', list_id === undefined ? undefined : `list ${list_id}`);
    const fields = await listSearchableFields(legacy);
    const byName = new Map(fields.map((f) => [f.name, f]));
    const errors: FieldError[] = [];
    const body = conditions.map((c, i) => {
      const field = byName.get(c.field_name);
      if (!field) {
        errors.push({ field: `conditions[${i}].field_name`, message: `${JSON.stringify(c.field_name)} is not a searchable legacy field (known: ${fields.map((f) => f.name).join(', ')})` });
        return undefined;
      }
      if (!ALLOWED[field.type].includes(c.operator)) {
        errors.push({ field: `conditions[${i}].operator`, message: `${c.operator} does not apply to ${c.field_name}, a ${field.type} field (use ${ALLOWED[field.type].join(', ')})` });
        return undefined;
      }
      const value = valueFor(field.type, c);
      if ('error' in value) {
        errors.push({ field: `conditions[${i}].value`, message: value.error });
        return undefined;
      }
      return { field: c.field_name, value: value.value, operator: c.operator, and_or: i === 0 ? '' : (c.and_or ?? 'and') };
    });
    if (errors.length) throw new InputError(errors);
    const found = await legacy.post<{ recipients?: LegacyRecipient[] }>('/v3/contactdb/recipients/search', {
      body: { ...(list_id === undefined ? {} : { list_id }), conditions: body },
    });
    return found?.recipients ?? [];
  },
  summary: (contacts, { list_id }) => `Found ${contacts.length} legacy contact(s) meeting the conditions${list_id === undefined ? '' : ` in list ${list_id}`}.`,
});
