import * as z from 'zod/mini';
import { templateId, type TemplateVersion } from '../dynamic-fields/list_templates';
import { isoFromSendGrid } from '../lib/dates';
import { zapier } from '../lib/hints';
import { defineOperation, type Input } from '../lib/operation';

/** SendGrid's limit on html_content and plain_content, in bytes. */
const MAX_CONTENT_BYTES = 1_048_576;

const content = (label: string) => zapier(z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_CONTENT_BYTES))), { type: 'text', label });

/**
 * The fields of a template version, shared by create_template_version (name and subject required) and
 * update_template_version (every field optional, at least one given).
 */
export const versionFields = {
  template_id: templateId(),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  subject: z.string().check(z.minLength(1), z.maxLength(255)),
  html_content: content('HTML Content'),
  plain_content: content('Plain Text Content'),
  generate_plain_content: z.optional(
    z.boolean().check(z.describe('Default yes without a plain-text body; cannot be yes together with one.')),
  ),
  editor: z.optional(z.enum(['code', 'design'])),
  test_data: zapier(
    z.optional(
      z.union([z.string().check(z.meta({ contentMediaType: 'application/json' })), z.record(z.string(), z.unknown())]).check(
        z.describe(
          'Dynamic templates only: preview data.',
        ),
      ),
    ),
    { type: 'code', label: 'Test Data (JSON)' },
  ),
  active: z.optional(
    z.boolean().check(
      z.describe('A template\'s first version is active anyway.'),
    ),
  ),
};

const isLegacyId = (id: string) => !id.startsWith('d-');

type VersionInput = Partial<Omit<Input<z.ZodMiniObject<typeof versionFields>>, 'template_id'>> & { template_id: string };

/** The cross-field rules of a version, for either operation's superRefine. */
export const checkVersion = (version: VersionInput, ctx: z.core.$RefinementCtx) => {
  const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: version });
  for (const field of ['html_content', 'plain_content'] as const) {
    const text = version[field];
    if (text && Buffer.byteLength(text) > MAX_CONTENT_BYTES) fail(field, `is ${Buffer.byteLength(text)} bytes; SendGrid accepts at most ${MAX_CONTENT_BYTES} (1 MB)`);
  }
  if (version.plain_content && version.generate_plain_content === true)
    fail('generate_plain_content', 'cannot be yes when a plain-text body is given: SendGrid would replace it with one generated from the HTML');
  if (version.test_data !== undefined) {
    if (isLegacyId(version.template_id)) fail('test_data', 'applies to dynamic templates ("d-…") only; SendGrid ignores it on legacy ones');
    if (typeof version.test_data === 'string') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(version.test_data);
      } catch {
        return fail('test_data', 'is not valid JSON; give an object such as {"first_name": "Ada"}');
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) fail('test_data', 'must be a JSON object, such as {"first_name": "Ada"}');
    }
  }
};

/** The request body: only the fields given, in SendGrid's form (test_data as JSON text, active as 0/1). */
export const versionBody = ({ template_id: _, test_data, active, generate_plain_content, ...rest }: VersionInput) => ({
  ...rest,
  ...(generate_plain_content !== undefined ? { generate_plain_content } : rest.plain_content ? { generate_plain_content: false } : {}),
  ...(test_data !== undefined ? { test_data: typeof test_data === 'string' ? test_data : JSON.stringify(test_data) } : {}),
  ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
});

export const versionWithIsoTime = (version: TemplateVersion): TemplateVersion => ({ ...version, updated_at: isoFromSendGrid(version.updated_at) });

export const versionSample: TemplateVersion = {
  id: '6e2b4a1c-3d5f-4e7a-9b8c-0d1e2f3a4b5c',
  template_id: 'd-2c214ac919e84170b21855cc129b4a5f',
  active: 1,
  name: 'Spring 2026',
  subject: 'Your order {{order_id}} has shipped',
  updated_at: '2026-03-02T09:41:17Z',
  editor: 'code',
  html_content: '<p>Hi {{first_name}}, your order {{order_id}} is on its way.</p>',
  plain_content: 'Hi {{first_name}}, your order {{order_id}} is on its way.',
  generate_plain_content: false,
  test_data: '{"first_name":"Ada","order_id":"1042"}',
};

export default defineOperation({
  key: 'create_template_version',
  noun: 'Template Version',
  label: 'Create Template Version',
  description:
    'Creates a version of a transactional template; sends nothing. The first version becomes active; a later one only with active, then used by every email with the template.',
  access: 'write',
  tags: ['templates'],
  scopes: ['templates.versions.create'],
  input: z.strictObject(versionFields).check(z.superRefine(checkVersion)),
  sample: versionSample,
  perform: async (api, version) =>
    versionWithIsoTime(await api.post<TemplateVersion>(`/v3/templates/${encodeURIComponent(version.template_id)}/versions`, { body: versionBody(version) })),
  summary: (version) => `Created version "${version.name}" (id ${version.id}) of template ${version.template_id}${version.active === 1 ? '; it is the active version' : ''}.`,
});
