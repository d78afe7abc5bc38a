import * as z from 'zod/mini';
import { templateId, withIsoTimes, type Template } from '../dynamic-fields/list_templates';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'get_template',
  noun: 'Template',
  label: 'Find Template',
  description:
    'Finds a transactional template by id with all its versions\' content; an unknown id is an error.',
  access: 'read',
  tags: ['templates'],
  scopes: ['templates.read'],
  input: z.strictObject({
    template_id: templateId(),
  }),
  sample: {
    id: 'd-2c214ac919e84170b21855cc129b4a5f',
    name: 'Order Shipped',
    generation: 'dynamic' as const,
    updated_at: '2026-03-02T09:41:17Z',
    versions: [
      {
        id: '6e2b4a1c-3d5f-4e7a-9b8c-0d1e2f3a4b5c',
        template_id: 'd-2c214ac919e84170b21855cc129b4a5f',
        active: 1 as const,
        name: 'Spring 2026',
        subject: 'Your order {{order_id}} has shipped',
        updated_at: '2026-03-02T09:41:17Z',
        editor: 'code' as const,
        html_content: '<p>Hi {{first_name}}, your order is on its way.</p>',
        plain_content: 'Hi {{first_name}}, your order is on its way.',
        generate_plain_content: false,
        thumbnail_url: 'https://example.com/thumbnails/6e2b4a1c.png',
      },
    ],
  },
  perform: async (api, { template_id }) => withIsoTimes(await api.get<Template>(`/v3/templates/${encodeURIComponent(template_id)}`)),
  summary: (template) => {
    const versions = template.versions ?? [];
    const active = versions.find((v) => v.active === 1);
    return `Template "${template.name}" (${template.id}, ${template.generation}) has ${versions.length} version(s)${active ? `; the active one is "${active.name}"` : ', none active'}.`;
  },
});
