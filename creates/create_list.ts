import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import type { List } from '../dynamic-fields/list_lists';

export default defineOperation({
  key: 'create_list',
  noun: 'List',
  label: 'Create List',
  description:
    'Creates an empty contact list; upsert_contacts adds contacts to it.',
  access: 'write',
  tags: ['lists'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  }),
  sample: {
    id: 'ca7a3796-e8a8-4029-9ccb-df8937940562',
    name: 'Newsletter Subscribers',
    contact_count: 0,
    _metadata: { self: 'https://api.sendgrid.com/v3/marketing/lists/ca7a3796-e8a8-4029-9ccb-df8937940562' },
  },
  perform: (api, { name }) => api.post<List>('/v3/marketing/lists', { body: { name } }),
  summary: (list) => `Created list "${list.name}" (id ${list.id}).`,
});
