import * as z from 'zod/mini';
import { legacyApi, listCustomFields } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'legacy_list_custom_fields',
  noun: 'Custom Field',
  label: 'List Custom Fields (Legacy)',
  description:
    'Lists the contact custom fields and their types. Legacy Marketing Campaigns only; else list_custom_fields.',
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
