import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { customFieldId } from '../dynamic-fields/list_custom_fields';

export default defineOperation({
  key: 'delete_custom_field',
  noun: 'Custom Field',
  label: 'Delete Custom Field',
  description:
    'Deletes a custom field of Marketing Campaigns contacts, and with it the value every contact held in it. It cannot be undone; segments using the field stop matching on it. Reserved fields cannot be deleted. A field that does not exist is reported as not found.',
  access: 'destructive',
  tags: ['custom_fields'],
  scopes: ['marketing.read'],
  input: z.strictObject({ custom_field_id: customFieldId('The custom field to delete, by id (such as e1_T).') }),
  sample: { id: 'e2_N', deleted: true as const },
  perform: async (api, { custom_field_id }) => {
    await api.delete(`/v3/marketing/field_definitions/${encodeURIComponent(custom_field_id)}`);
    return { id: custom_field_id, deleted: true as const };
  },
  summary: (result) => `Deleted custom field ${result.id} and its values.`,
});
