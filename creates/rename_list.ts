import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { listId, type List } from '../dynamic-fields/list_lists';

export default defineOperation({
  key: 'rename_list',
  noun: 'List',
  label: 'Rename List',
  description:
    'Renames a Marketing Campaigns contact list and returns it. Its contacts, and the segments and Single Sends using it, stay as they are. A list that does not exist is reported as not found.',
  access: 'write',
  tags: ['lists'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    id: listId('The list to rename.'),
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.describe('The new name, up to 100 characters.')),
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
