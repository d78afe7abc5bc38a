import * as z from 'zod/mini';
import { legacyApi, listSearchableFields } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'legacy_list_searchable_fields',
  noun: 'Searchable Field',
  label: 'List Searchable Fields (Legacy)',
  description:
    'Lists the fields legacy_search_contacts can test, and their types. Legacy Marketing Campaigns only; else list_custom_fields.',
  triggersWhen: 'a new legacy custom field is created',
  access: 'read',
  tags: ['legacy', 'custom_fields'],
  scopes: ['marketing_campaigns.read'],
  input: z.strictObject({}),
  sample: { id: 'favorite_color', name: 'favorite_color', type: 'text', source: 'custom' },
  perform: (api) => listSearchableFields(legacyApi(api, 'list_custom_fields')),
  summary: (fields) => `Found ${fields.length} searchable legacy field(s).`,
});
