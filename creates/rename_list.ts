import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { listId, type List } from '../dynamic-fields/list_lists';

export default defineOperation({
  key: 'rename_list',
  noun: 'List',
  label: 'Rename List',
  description:
    'Renames a contact list; its contacts and the segments and Single Sends using it are unaffected.',
  access: 'write',
  tags: ['lists'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    id: listId(),
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  }),
  sample: {
    id: 'ca7a3796-e8a8-4029-9ccb-df8937940562',
    name: 'Weekly Newsletter',
    contact_count: 5000,
    _metadata: { self: 'https://api.sendgrid.com/v3/marketing/lists/ca7a3796-e8a8-4029-9ccb-df8937940562' },
  },
  perform: (api, { id, name }) => api.patch<List>(`/v3/marketing/lists/${encodeURIComponent(id)}`, { body: { name } }),
  summary: (list) => `Renamed list ${list.id} to "${list.name}".`,
});
