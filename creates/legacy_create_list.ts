import * as z from 'zod/mini';
import { legacyApi } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';
import type { LegacyList } from '../dynamic-fields/legacy_list_lists';

export default defineOperation({
  key: 'legacy_create_list',
  noun: 'List',
  label: 'Create List (Legacy)',
  description:
    'Creates an empty contact list; its name must differ from every legacy list and segment. Legacy Marketing Campaigns only; else create_list.',
  access: 'write',
  tags: ['legacy', 'lists'],
  scopes: ['marketing_campaigns.create'],
  input: z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1)),
  }),
  sample: { id: 1234, name: 'Newsletter Subscribers', recipient_count: 0 },
  perform: (api, { name }) => legacyApi(api, 'create_list').post<LegacyList>('/v3/contactdb/lists', { body: { name } }),
  summary: (list) => `Created legacy list "${list.name}" (id ${list.id}).`,
});
