import * as z from 'zod/mini';
import { templateId, type TemplateVersion } from '../dynamic-fields/list_templates';
import { isoFromSendGrid } from '../lib/dates';
import { zapier } from '../lib/hints';
import { defineOperation, type Input } from '../lib/operation';

/** SendGrid's limit on html_content and plain_content, in bytes. */
const MAX_CONTENT_BYTES = 1_048_576;

const content = (description: string, label: string) =>
  zapier(z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_CONTENT_BYTES), z.describe(description))), { type: 'text', label });

/**
 * The fields of a template version, shared by create_template_version (name and subject required) and
 * update_template_version (every field optional, at least one given).
 */
export const versionFields = {
  template_id: templateId('The template: "d-" and 32 hex digits for a dynamic template, or a UUID for a legacy one.'),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.describe('The name of the version, up to 100 characters, such as "Spring 2026".')),
  subject: z.string().check(
    z.minLength(1),
    z.maxLength(255),
    z.describe('The subject line, up to 255 characters. Dynamic templates may use {{placeholders}}, such as "Your order {{order_id}} has shipped".'),
  ),
  html_content: content('The HTML body, up to 1 MB. Dynamic templates may use Handlebars, such as {{first_name}}.', 'HTML Content'),
  plain_content: content(
    'The plain-text body, up to 1 MB. When given, it is kept as written (SendGrid is told not to generate it from the HTML).',
    'Plain Text Content',
  ),
  generate_plain_content: z.optional(
    z.boolean().check(
      z.describe('Let SendGrid generate the plain-text body from the HTML. Defaults to yes unless a plain-text body is given; cannot be yes together with one.'),
    ),
  ),
  editor: z.optional(z.enum(['code', 'design']).check(z.describe('The editor the version opens in, in SendGrid: "code" or "design".'))),
  test_data: zapier(
    z.optional(
      z.union([z.string().check(z.meta({ contentMediaType: 'application/json' })), z.record(z.string(), z.unknown())]).check(
        z.describe(
          'Dynamic templates only: sample data for previews and test sends, as a JSON object or its text, such as {"first_name": "Ada", "order_id": "1042"}.',
        ),
      ),
    ),
    { type: 'code', label: 'Test Data (JSON)' },
  ),
  active: z.optional(
    z.boolean().check(
      z.describe('Make this the active version, the one emails use. Only one version is active; a template\'s first version is made active anyway.'),
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
    'Adds a version (name, subject, HTML and/or plain-text body, editor, test data) to a transactional template and returns it. A template\'s first version becomes active; later ones only when active is set, and then replace the active one for every email that uses the template. It sends nothing; use send_email with the template id to send.',
  access: 'write',
  tags: ['templates'],
  scopes: ['templates.versions.create'],
  input: z.strictObject(versionFields).check(z.superRefine(checkVersion)),
  sample: versionSample,
  perform: async (api, version) =>
    versionWithIsoTime(await api.post<TemplateVersion>(`/v3/templates/${encodeURIComponent(version.template_id)}/versions`, { body: versionBody(version) })),
  summary: (version) => `Created version "${version.name}" (id ${version.id}) of template ${version.template_id}${version.active === 1 ? '; it is the active version' : ''}.`,
});
