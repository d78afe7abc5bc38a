import * as z from 'zod/mini';
import { legacyApi, listSearchableFields } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'legacy_list_searchable_fields',
  noun: 'Searchable Field',
  label: 'List Searchable Fields (Legacy)',
  description:
    'Lists the fields that legacy_search_contacts conditions can name, with the type that decides their operators: reserved fields (email, first_name, created_at, …), the legacy custom fields, and opens.campaign_identifier / clicks.campaign_identifier (a campaign opened or clicked). Read-only; reads GET /v3/contactdb/reserved_fields and /v3/contactdb/custom_fields. For accounts on the current Marketing Campaigns, use list_custom_fields instead.',
  triggersWhen: 'a new legacy custom field is created',
  access: 'read',
  tags: ['legacy', 'custom_fields'],
  scopes: ['marketing_campaigns.read'],
  input: z.strictObject({}),
  sample: { id: 'favorite_color', name: 'favorite_color', type: 'text', source: 'custom' },
  perform: (api) => listSearchableFields(legacyApi(api, 'list_custom_fields')),
  summary: (fields) => `Found ${fields.length} searchable legacy field(s).`,
});
