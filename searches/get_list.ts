import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { labelOf, listId, type LabelledList, type List } from '../dynamic-fields/list_lists';

type ListDetail = LabelledList & { contact_sample?: Record<string, unknown> };

export default defineOperation({
  key: 'get_list',
  noun: 'List',
  label: 'Find List',
  description:
    'Finds a contact list by id: name, contact count and, optionally, a sample contact.',
  access: 'read',
  tags: ['lists'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    id: listId(),
    contact_sample: zapier(
      z.optional(z.boolean()),
      { label: 'Include a Sample Contact' },
    ),
  }),
  sample: {
    id: 'ca7a3796-e8a8-4029-9ccb-df8937940562',
    name: 'Newsletter Subscribers',
    contact_count: 5000,
    label: 'Newsletter Subscribers (5,000 contacts)',
    contact_sample: {
      id: '0a7a1a0e-5a2b-4c2e-8d3b-1f6f5e8c9d10',
      email: 'ada@example.com',
      list_ids: ['ca7a3796-e8a8-4029-9ccb-df8937940562'],
      created_at: '2026-02-10T08:00:00Z',
      updated_at: '2026-03-01T09:30:00Z',
    },
    _metadata: { self: 'https://api.sendgrid.com/v3/marketing/lists/ca7a3796-e8a8-4029-9ccb-df8937940562' },
  },
  perform: async (api, { id, contact_sample }): Promise<ListDetail> => {
    const list = await api.get<List & { contact_sample?: Record<string, unknown> }>(`/v3/marketing/lists/${encodeURIComponent(id)}`, {
      query: contact_sample ? { contact_sample: true } : undefined,
    });
    return { ...list, label: labelOf(list.name, list.contact_count) };
  },
  summary: (list) => `List "${list.name}" (id ${list.id}) has ${(list.contact_count ?? 0).toLocaleString('en-US')} contact(s).`,
});
