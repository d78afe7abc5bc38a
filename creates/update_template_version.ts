import * as z from 'zod/mini';
import type { TemplateVersion } from '../dynamic-fields/list_templates';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { checkVersion, versionBody, versionFields, versionSample, versionWithIsoTime } from './create_template_version';

const { template_id, name, subject, ...content } = versionFields;
const changes = { name: z.optional(name), subject: z.optional(subject), ...content };

export default defineOperation({
  key: 'update_template_version',
  noun: 'Template Version',
  label: 'Update Template Version',
  description:
    'Updates the given fields of a transactional template version; sends nothing. Editing the active version changes every later email using the template.',
  access: 'write',
  tags: ['templates'],
  scopes: ['templates.versions.update'],
  input: z
    .strictObject({
      template_id,
      version_id: zapier(z.guid({ error: 'must be a version id, a UUID such as 6e2b4a1c-3d5f-4e7a-9b8c-0d1e2f3a4b5c' }), { dynamic: 'list_template_versions.id.label', label: 'Version' }),
      ...changes,
    })
    .check(
      z.superRefine((input, ctx) => {
        if (Object.keys(changes).every((key) => input[key as keyof typeof changes] === undefined))
          ctx.addIssue({ code: 'custom', path: [], message: `give at least one field to change: ${Object.keys(changes).join(', ')}`, input });
        checkVersion(input, ctx);
      }),
    ),
  sample: versionSample,
  perform: async (api, { version_id, ...version }) =>
    versionWithIsoTime(
      await api.patch<TemplateVersion>(`/v3/templates/${encodeURIComponent(version.template_id)}/versions/${version_id}`, { body: versionBody(version) }),
    ),
  summary: (version) => `Updated version "${version.name}" (id ${version.id}) of template ${version.template_id}.`,
});
