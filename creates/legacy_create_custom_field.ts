import * as z from 'zod/mini';
import { legacyApi, RESERVED_NAMES, type CustomField } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'legacy_create_custom_field',
  noun: 'Custom Field',
  label: 'Create Custom Field (Legacy)',
  description:
    'Creates a custom field for legacy Marketing Campaigns contacts (POST /v3/contactdb/custom_fields) of type text, number or date, and returns its numeric id. An account has at most 120; reserved names (email, first_name, created_at, …) are refused before anything is sent. It sets no value on any contact: use legacy_add_contacts. For accounts on the current Marketing Campaigns, use create_custom_field instead.',
  access: 'write',
  tags: ['legacy', 'custom_fields'],
  scopes: ['marketing_campaigns.create'],
  input: z.strictObject({
    name: z.string().check(
      z.trim(),
      z.minLength(1),
      z.regex(new RegExp(`^(?!(?:${RESERVED_NAMES.join('|')})$)`), `must not be a reserved field name (${RESERVED_NAMES.join(', ')})`),
      z.describe('The name of the field, such as favorite_color. It must not be a reserved field name (email, first_name, last_name, created_at, …).'),
    ),
    type: z.enum(['text', 'number', 'date']).check(z.describe('What the field holds: text, number, or date.')),
  }),
  sample: { id: 5501, name: 'favorite_color', type: 'text' },
  perform: (api, { name, type }) => legacyApi(api, 'create_custom_field').post<CustomField>('/v3/contactdb/custom_fields', { body: { name, type } }),
  summary: (field) => `Created legacy custom field "${field.name}" (${field.type}, id ${field.id}).`,
});
