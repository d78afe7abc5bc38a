import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { FIELD_TYPES, LIST_IDS, RESERVED_FIELDS } from '../lib/sgql';
import type { CustomField } from '../dynamic-fields/list_custom_fields';

/** Names SendGrid keeps for itself (reserved fields), compared ignoring case. */
const RESERVED_NAMES = new Set([
  ...Object.keys(RESERVED_FIELDS),
  LIST_IDS,
  'segment_ids',
  'last_clicked',
  'last_opened',
  'last_emailed',
  'singlesend_id',
  'automation_id',
]);

/** SendGrid's rules for a custom field name; shared with rename_custom_field. */
export const customFieldName = (description = "Unique ignoring case; not a reserved field's name.") =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(100),
    z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must use only letters A-Z, digits and underscores, and start with a letter or underscore'),
    z.refine((name) => !RESERVED_NAMES.has(name.toLowerCase()), 'is the name of a reserved field; choose another name'),
    z.describe(description),
  );

export default defineOperation({
  key: 'create_custom_field',
  noun: 'Custom Field',
  label: 'Create Custom Field',
  description:
    'Creates a custom contact field and returns its id. Its type cannot change later; an account holds up to 500.',
  access: 'write',
  tags: ['custom_fields'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    name: customFieldName(),
    field_type: z.enum(FIELD_TYPES),
  }),
  sample: {
    id: 'e2_N',
    name: 'loyalty_points',
    field_type: 'Number',
    _metadata: { self: 'https://api.sendgrid.com/v3/marketing/field_definitions/e2_N' },
  },
  perform: (api, { name, field_type }) => api.post<CustomField>('/v3/marketing/field_definitions', { body: { name, field_type } }),
  summary: (field) => `Created ${field.field_type} custom field "${field.name}" (id ${field.id}).`,
});
