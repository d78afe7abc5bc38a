import * as z from 'zod/mini';
import { legacyApi, listReservedFields } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'legacy_list_reserved_fields',
  noun: 'Reserved Field',
  label: 'List Reserved Fields (Legacy)',
  description:
    'Lists the reserved contact fields, whose names custom fields cannot take. Legacy Marketing Campaigns only; else list_custom_fields.',
  triggersWhen: 'SendGrid adds a reserved field',
  access: 'read',
  tags: ['legacy', 'custom_fields'],
  scopes: ['marketing_campaigns.read'],
  input: z.strictObject({}),
  sample: { id: 'first_name', name: 'first_name', type: 'text' },
  // The name is the field's identity; it is repeated as id for Zapier's dropdown.
  perform: async (api) => (await listReservedFields(legacyApi(api, 'list_custom_fields'))).map((field) => ({ id: field.name, ...field })),
  summary: (fields) => `Found ${fields.length} legacy reserved field(s).`,
});
