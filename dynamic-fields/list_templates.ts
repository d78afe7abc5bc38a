import * as z from 'zod/mini';
import { isoFromSendGrid } from '../lib/dates';
import { defineOperation } from '../lib/operation';

export interface Template {
  id: string;
  name: string;
  generation: 'legacy' | 'dynamic';
  updated_at: string;
  versions?: unknown[];
}

export default defineOperation({
  key: 'list_templates',
  noun: 'Template',
  label: 'List Templates',
  description:
    'Lists every transactional email template in SendGrid, dynamic ("d-…") and legacy alike (id, name, generation, last update), following all pages. Read-only.',
  triggersWhen: 'a new email template is created',
  access: 'read',
  paged: true,
  tags: ['templates'],
  scopes: ['templates.read'],
  input: z.strictObject({}),
  sample: {
    id: 'd-2c214ac919e84170b21855cc129b4a5f',
    name: 'Order Shipped',
    generation: 'dynamic',
    updated_at: '2026-03-02T09:41:17Z',
    versions: [],
  },
  // Without both generations SendGrid returns legacy templates only; 200 is its largest page.
  perform: async (api) => {
    const templates = await api.paginate<Template>('/v3/templates', {
      style: 'token',
      items: 'result',
      pageSize: 200,
      query: { generations: 'legacy,dynamic' },
    });
    return templates.map((template) => ({ ...template, updated_at: isoFromSendGrid(template.updated_at) }));
  },
  summary: (templates) => `Found ${templates.length} template(s).`,
});
