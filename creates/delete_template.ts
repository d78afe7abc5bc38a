import * as z from 'zod/mini';
import { templateId } from '../dynamic-fields/list_templates';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'delete_template',
  noun: 'Template',
  label: 'Delete Template',
  description:
    'Deletes a transactional template and its versions permanently; later emails using its id fail.',
  access: 'destructive',
  tags: ['templates'],
  scopes: ['templates.delete'],
  input: z.strictObject({
    template_id: templateId(),
  }),
  sample: { id: 'd-2c214ac919e84170b21855cc129b4a5f', deleted: true as const },
  perform: async (api, { template_id }) => {
    await api.delete(`/v3/templates/${encodeURIComponent(template_id)}`);
    return { id: template_id, deleted: true as const };
  },
  summary: ({ id }) => `Deleted template ${id} and its versions.`,
});
