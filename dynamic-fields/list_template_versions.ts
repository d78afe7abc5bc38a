import * as z from 'zod/mini';
import { templateId, withIsoTimes, type Template } from './list_templates';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'list_template_versions',
  noun: 'Template Version',
  label: 'List Template Versions',
  description:
    'Lists a transactional template\'s versions, marking the active one; empty without a template_id.',
  triggersWhen: 'a version is added to the chosen template',
  access: 'read',
  tags: ['templates'],
  scopes: ['templates.read'],
  input: z.strictObject({
    // Optional: the dropdown is asked for before a template is chosen, and then has nothing to list.
    template_id: z.optional(templateId()),
  }),
  sample: {
    id: '6e2b4a1c-3d5f-4e7a-9b8c-0d1e2f3a4b5c',
    label: 'Spring 2026 (active)',
    name: 'Spring 2026',
    subject: 'Your order {{order_id}} has shipped',
    active: 1 as 0 | 1,
    updated_at: '2026-03-02T09:41:17Z',
  },
  perform: async (api, { template_id }) => {
    if (!template_id) return [];
    const template = withIsoTimes(await api.get<Template>(`/v3/templates/${encodeURIComponent(template_id)}`));
    return (template.versions ?? []).map(({ id, name, subject, active, updated_at }) => ({
      id,
      label: active === 1 ? `${name} (active)` : name,
      name,
      subject,
      active,
      updated_at,
    }));
  },
  summary: (versions, { template_id }) => (template_id ? `Found ${versions.length} version(s) of template ${template_id}.` : 'No template chosen, so no versions.'),
});
