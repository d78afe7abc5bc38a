import * as z from 'zod/mini';
import { templateId, withIsoTimes, type Template } from '../dynamic-fields/list_templates';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'duplicate_template',
  noun: 'Template',
  label: 'Duplicate Template',
  description:
    'Duplicates a transactional template with its versions under a new name; sends nothing.',
  access: 'write',
  tags: ['templates'],
  scopes: ['templates.create'],
  input: z.strictObject({
    template_id: templateId(),
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  }),
  sample: {
    id: 'd-8f1b3c5d7e9f4a1b3c5d7e9f1a3b5c7d',
    name: 'Order Shipped (copy)',
    generation: 'dynamic' as const,
    updated_at: '2026-03-02T09:45:03Z',
    versions: [],
  },
  perform: async (api, { template_id, name }) =>
    withIsoTimes(await api.post<Template>(`/v3/templates/${encodeURIComponent(template_id)}`, { body: { name } })),
  summary: (copy, { template_id }) => `Duplicated template ${template_id} as "${copy.name}" (id ${copy.id}).`,
});
