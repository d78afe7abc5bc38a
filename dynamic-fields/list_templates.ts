import * as z from 'zod/mini';
import { isoFromSendGrid } from '../lib/dates';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';

export interface Template {
  id: string;
  name: string;
  generation: 'legacy' | 'dynamic';
  updated_at: string;
  versions?: TemplateVersion[];
}

export interface TemplateVersion {
  id: string;
  template_id: string;
  active: 0 | 1;
  name: string;
  subject: string;
  updated_at: string;
  editor?: 'code' | 'design';
  html_content?: string;
  plain_content?: string;
  generate_plain_content?: boolean;
  test_data?: string;
  thumbnail_url?: string;
}

/** Dynamic template ids are "d-" and 32 hex digits; legacy ones are UUIDs. */
export const TEMPLATE_ID = /^(d-[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

/** A template id field, picked from the Template dropdown on Zapier. */
export const templateId = () =>
  zapier(
    z.string().check(
      z.trim(),
      z.regex(TEMPLATE_ID, 'must be a template id: "d-" and 32 hex digits for a dynamic template, or a UUID for a legacy one'),
    ),
    { dynamic: 'list_templates.id.name', label: 'Template' },
  );

/** SendGrid's zone-less UTC times as ISO-8601, on the template and each of its versions. */
export const withIsoTimes = <T extends { updated_at: string; versions?: { updated_at: string }[] }>(template: T): T => ({
  ...template,
  updated_at: isoFromSendGrid(template.updated_at),
  ...(template.versions ? { versions: template.versions.map((v) => ({ ...v, updated_at: isoFromSendGrid(v.updated_at) })) } : {}),
});

export default defineOperation({
  key: 'list_templates',
  noun: 'Template',
  label: 'List Templates',
  description:
    'Lists all transactional templates, dynamic and legacy, without their versions\' content.',
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
    return templates.map(withIsoTimes);
  },
  summary: (templates) => `Found ${templates.length} template(s).`,
});
