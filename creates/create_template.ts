import * as z from 'zod/mini';
import type { Template } from '../dynamic-fields/list_templates';
import { withIsoTimes } from '../dynamic-fields/list_templates';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'create_template',
  noun: 'Template',
  label: 'Create Template',
  description:
    'Creates an empty transactional template and sends nothing; create_template_version adds its subject and content.',
  access: 'write',
  tags: ['templates'],
  scopes: ['templates.create'],
  input: z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    generation: z._default(
      z.enum(['dynamic', 'legacy']).check(
        z.describe('dynamic uses Handlebars; legacy, substitution tags.'),
      ),
      'dynamic',
    ),
  }),
  sample: {
    id: 'd-2c214ac919e84170b21855cc129b4a5f',
    name: 'Order Shipped',
    generation: 'dynamic' as const,
    updated_at: '2026-03-02T09:41:17Z',
    versions: [],
  },
  perform: async (api, { name, generation }) => withIsoTimes(await api.post<Template>('/v3/templates', { body: { name, generation } })),
  summary: (template) => `Created ${template.generation} template "${template.name}" (id ${template.id}).`,
});
