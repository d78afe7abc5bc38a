import * as z from 'zod/mini';
import { contactsWithNames, sampleContact, type Contact } from '../lib/contacts';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { compileConditions, compileWhere, conditionListSchema, fieldTypesFor, whereSchema } from '../lib/sgql';

/** SendGrid returns at most this many contacts per search. */
const MAX_RESULTS = 50;

const input = z
  .strictObject({
    conditions: z.optional(
      conditionListSchema(
        'Fields from list_searchable_fields.',
      ),
    ),
    where: zapier(
      z.optional(
        whereSchema(
          'Instead of conditions: a tree of and/or groups.',
        ),
      ),
      { label: 'Conditions as JSON', type: 'code' },
    ),
    query: zapier(
      z.optional(
        z.string().check(
          z.trim(),
          z.minLength(1),
          z.maxLength(10_000),
          z.describe('Instead of conditions: raw SGQL. Emails are stored in lower case.'),
        ),
      ),
      { label: 'SGQL Query', type: 'code' },
    ),
  })
  .check(
    z.superRefine((data, ctx) => {
      const given = (['conditions', 'where', 'query'] as const).filter((key) => data[key] !== undefined);
      if (given.length !== 1)
        ctx.addIssue({ code: 'custom', path: [given[1] ?? 'conditions'], message: 'give exactly one of conditions, where or query', input: data });
    }),
  );

export default defineOperation({
  key: 'search_contacts',
  noun: 'Contact',
  label: 'Find Contacts',
  description:
    'Finds contacts matching conditions on their fields and lists, or an SGQL query. Returns at most 50: for more use export_contacts.',
  access: 'read',
  tags: ['contacts'],
  scopes: ['marketing.read'],
  input,
  sample: sampleContact,
  async perform(api, data) {
    let query = data.query;
    if (data.conditions) query = compileConditions(data.conditions, await fieldTypesFor(api, data.conditions), 'conditions');
    else if (data.where) query = compileWhere(data.where, await fieldTypesFor(api, data.where), 'where');
    const body = await api.post<{ result?: Contact[]; contact_count?: number }>('/v3/marketing/contacts/search', { body: { query } });
    return contactsWithNames(api, (body?.result ?? []).slice(0, MAX_RESULTS));
  },
  summary: (contacts) =>
    `Found ${contacts.length} contact(s)${contacts.length >= MAX_RESULTS ? ` (SendGrid returns at most ${MAX_RESULTS}: narrow the conditions, or export the contacts, to see the rest)` : ''}.`,
  zapier: {
    // Zapier's form gives the tree as JSON text.
    input: ({ where, ...rest }) => {
      if (typeof where !== 'string' || !where.trim()) return where === undefined || where === '' ? rest : { ...rest, where };
      try {
        return { ...rest, where: JSON.parse(where) as unknown };
      } catch {
        return { ...rest, where };
      }
    },
  },
});
