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
    'Makes one version of a transactional template the active one: every email sent with the template from then on uses its subject and content, and the previously active version is kept but no longer used. It sends nothing and changes no content.',
  access: 'write',
  tags: ['templates'],
  scopes: ['templates.versions.activate.create'],
  input: z.strictObject({
    template_id: templateId('The template: "d-" and 32 hex digits for a dynamic template, or a UUID for a legacy one.'),
    version_id: zapier(z.guid({ error: 'must be a version id, a UUID such as 6e2b4a1c-3d5f-4e7a-9b8c-0d1e2f3a4b5c' }).check(z.describe('The version to make active (a UUID), as get_template lists it.')), { dynamic: 'list_template_versions.id.label', label: 'Version' }),
  }),
  sample: versionSample,
  perform: async (api, { template_id, version_id }) =>
    versionWithIsoTime(await api.post<TemplateVersion>(`/v3/templates/${encodeURIComponent(template_id)}/versions/${version_id}/activate`)),
  summary: (version) => `Version "${version.name}" (id ${version.id}) is now the active version of template ${version.template_id}.`,
});
