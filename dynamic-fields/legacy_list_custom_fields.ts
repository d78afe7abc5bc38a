import * as z from 'zod/mini';
import { legacyApi, listCustomFields } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'legacy_list_custom_fields',
  noun: 'Custom Field',
  label: 'List Custom Fields (Legacy)',
  description:
    'Lists the custom fields of legacy Marketing Campaigns contacts (GET /v3/contactdb/custom_fields): numeric id, name and type (text, number or date). Read-only; reserved fields such as first_name are listed by legacy_list_reserved_fields. For accounts on the current Marketing Campaigns, use list_custom_fields instead.',
  triggersWhen: 'a new legacy custom field is created',
  access: 'read',
  tags: ['legacy', 'custom_fields'],
  scopes: ['marketing_campaigns.read'],
  input: z.strictObject({}),
  sample: { id: 5501, name: 'favorite_color', type: 'text' },
  // SendGrid returns every custom field in one response.
  perform: (api) => listCustomFields(legacyApi(api, 'list_custom_fields')),
  summary: (fields) => `Found ${fields.length} legacy custom field(s).`,
});
