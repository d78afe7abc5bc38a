import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { customFieldId, type CustomField } from '../dynamic-fields/list_custom_fields';
import { customFieldName } from './create_custom_field';

export default defineOperation({
  key: 'rename_custom_field',
  noun: 'Custom Field',
  label: 'Rename Custom Field',
  description:
    'Renames a custom contact field, keeping its id, type and values; segments and templates using the old name are not updated.',
  access: 'write',
  tags: ['custom_fields'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    custom_field_id: customFieldId(),
    name: customFieldName(),
  }),
  sample: {
    id: 'e2_N',
    name: 'reward_points',
    field_type: 'Number',
    _metadata: { self: 'https://api.sendgrid.com/v3/marketing/field_definitions/e2_N' },
  },
  perform: (api, { custom_field_id, name }) =>
    api.patch<CustomField>(`/v3/marketing/field_definitions/${encodeURIComponent(custom_field_id)}`, { body: { name } }),
  summary: (field) => `Renamed custom field ${field.id} to "${field.name}".`,
});
