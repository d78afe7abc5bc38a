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
    'Finds the live number of contacts in the account or on one list, and how many are billable this month.',
  access: 'read',
  tags: ['contacts', 'lists'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    list_id: z.optional(listId()),
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
