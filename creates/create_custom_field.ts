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
export const customFieldName = (description: string) =>
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
    'Creates a custom field for Marketing Campaigns contacts, of type Text, Number or Date, and returns its id (such as e1_T). The name uses letters, digits and underscores, starts with a letter or underscore, is unique ignoring case, and is not a reserved field name (email, first_name, …); an account holds up to 500 custom fields. It sets no value on any contact; the type cannot be changed later.',
  access: 'write',
  tags: ['custom_fields'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    name: customFieldName('The field name, such as loyalty_points: letters, digits and underscores, starting with a letter or underscore, up to 100 characters.'),
    field_type: z.enum(FIELD_TYPES).check(z.describe('Text, Number or Date. It decides which segment conditions apply (for example "greater than" needs Number or Date).')),
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
