import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { listId } from '../dynamic-fields/list_lists';

interface ContactCount {
  /** Only when one list was counted. */
  list_id?: string;
  contact_count: number;
  billable_count?: number;
  /** For a parent account with subusers, when counting all contacts. */
  billable_breakdown?: { total?: number; breakdown?: Record<string, number> };
}

export default defineOperation({
  key: 'count_contacts',
  noun: 'Contact Count',
  label: 'Find Contact Count',
  description:
    'Finds how many Marketing Campaigns contacts the account stores in all, or (given a list) how many are on that list, and how many of them count toward this month\'s bill (for all contacts of a parent account, with a per-subuser breakdown). The count is up to date, unlike the cached count list_lists shows. A list that does not exist is reported as not found. It returns numbers only, no contacts.',
  access: 'read',
  tags: ['contacts', 'lists'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    list_id: z.optional(listId('Count only the contacts on this list. Leave it out to count every contact of the account.')),
  }),
  sample: { contact_count: 5230, billable_count: 5102 } as ContactCount,
  perform: async (api, { list_id }): Promise<ContactCount> => {
    if (list_id === undefined) return api.get<ContactCount>('/v3/marketing/contacts/count');
    const body = await api.get<{ contact_count?: number; billable_count?: number }>(`/v3/marketing/lists/${encodeURIComponent(list_id)}/contacts/count`);
    return { list_id, contact_count: body?.contact_count ?? 0, ...(body?.billable_count === undefined ? {} : { billable_count: body.billable_count }) };
  },
  summary: (count) =>
    `${count.list_id === undefined ? 'The account' : `List ${count.list_id}`} has ${count.contact_count.toLocaleString('en-US')} contact(s)${
      count.billable_count === undefined ? '' : `, ${count.billable_count.toLocaleString('en-US')} billable this month`
    }.`,
});
