import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { customFieldId, type CustomField } from '../dynamic-fields/list_custom_fields';
import { customFieldName } from './create_custom_field';

export default defineOperation({
  key: 'rename_custom_field',
  noun: 'Custom Field',
  label: 'Rename Custom Field',
  description:
    'Renames a custom field of Marketing Campaigns contacts; its id, type and the values contacts hold stay. Segments, searches and email templates that use the old name must be updated by you. The new name follows the same rules as create_custom_field. Reserved fields cannot be renamed. A field that does not exist is reported as not found.',
  access: 'write',
  tags: ['custom_fields'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    custom_field_id: customFieldId('The custom field to rename, by id (such as e1_T).'),
    name: customFieldName('The new name: letters, digits and underscores, starting with a letter or underscore, up to 100 characters.'),
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
