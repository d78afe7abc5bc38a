import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { customFieldId } from '../dynamic-fields/list_custom_fields';

export default defineOperation({
  key: 'delete_custom_field',
  noun: 'Custom Field',
  label: 'Delete Custom Field',
  description:
    'Deletes a custom contact field and all its values, irreversibly; segments using it stop matching on it.',
  access: 'destructive',
  tags: ['custom_fields'],
  scopes: ['marketing.read'],
  input: z.strictObject({ custom_field_id: customFieldId() }),
  sample: { id: 'e2_N', deleted: true as const },
  perform: async (api, { custom_field_id }) => {
    await api.delete(`/v3/marketing/field_definitions/${encodeURIComponent(custom_field_id)}`);
    return { id: custom_field_id, deleted: true as const };
  },
  summary: (result) => `Deleted custom field ${result.id} and its values.`,
});
