import * as z from 'zod/mini';
import { templateId, type TemplateVersion } from '../dynamic-fields/list_templates';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { versionSample, versionWithIsoTime } from './create_template_version';

export default defineOperation({
  key: 'activate_template_version',
  noun: 'Template Version',
  label: 'Activate Template Version',
  description:
    'Activates a version of a transactional template, used by every later email with the template; sends nothing.',
  access: 'write',
  tags: ['templates'],
  scopes: ['templates.versions.activate.create'],
  input: z.strictObject({
    template_id: templateId(),
    version_id: zapier(z.guid({ error: 'must be a version id, a UUID such as 6e2b4a1c-3d5f-4e7a-9b8c-0d1e2f3a4b5c' }), { dynamic: 'list_template_versions.id.label', label: 'Version' }),
  }),
  sample: versionSample,
  perform: async (api, { template_id, version_id }) =>
    versionWithIsoTime(await api.post<TemplateVersion>(`/v3/templates/${encodeURIComponent(template_id)}/versions/${version_id}/activate`)),
  summary: (version) => `Version "${version.name}" (id ${version.id}) is now the active version of template ${version.template_id}.`,
});
