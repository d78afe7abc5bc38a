import * as z from 'zod/mini';
import { legacyApi } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';
import type { LegacyList } from '../dynamic-fields/legacy_list_lists';

export default defineOperation({
  key: 'legacy_create_list',
  noun: 'List',
  label: 'Create List (Legacy)',
  description:
    'Creates an empty contact list in legacy Marketing Campaigns (POST /v3/contactdb/lists) and returns its numeric id. The name must differ from every legacy list and segment. It adds no contacts: use legacy_add_contacts_to_list. For accounts on the current Marketing Campaigns, use create_list instead.',
  access: 'write',
  tags: ['legacy', 'lists'],
  scopes: ['marketing_campaigns.create'],
  input: z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.describe('The name of the new list; it must differ from every legacy list and segment name.')),
  }),
  sample: { id: 1234, name: 'Newsletter Subscribers', recipient_count: 0 },
  perform: (api, { name }) => legacyApi(api, 'create_list').post<LegacyList>('/v3/contactdb/lists', { body: { name } }),
  summary: (list) => `Created legacy list "${list.name}" (id ${list.id}).`,
});
