import * as z from 'zod/mini';
import { legacyApi, RESERVED_NAMES, type CustomField } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'legacy_create_custom_field',
  noun: 'Custom Field',
  label: 'Create Custom Field (Legacy)',
  description:
    'Creates a contact custom field; an account has at most 120. Legacy Marketing Campaigns only; else create_custom_field.',
  access: 'write',
  tags: ['legacy', 'custom_fields'],
  scopes: ['marketing_campaigns.create'],
  input: z.strictObject({
    name: z.string().check(
      z.trim(),
      z.minLength(1),
      z.regex(new RegExp(`^(?!(?:${RESERVED_NAMES.join('|')})$)`), `must not be a reserved field name (${RESERVED_NAMES.join(', ')})`),
    ),
    type: z.enum(['text', 'number', 'date']),
  }),
  sample: { id: 5501, name: 'favorite_color', type: 'text' },
  perform: (api, { name, type }) => legacyApi(api, 'create_custom_field').post<CustomField>('/v3/contactdb/custom_fields', { body: { name, type } }),
  summary: (field) => `Created legacy custom field "${field.name}" (${field.type}, id ${field.id}).`,
});
