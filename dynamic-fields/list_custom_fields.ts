import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { fetchFieldDefinitions, type FieldType } from '../lib/sgql';

export interface CustomField {
  id: string;
  name: string;
  field_type: FieldType;
  _metadata?: { self?: string };
}

export type LabelledCustomField = CustomField & { label: string };

/** A custom field id (such as e1_T), with the custom fields as its Zapier dropdown. Reserved fields (_rf…) are refused. */
export const customFieldId = (description = 'Such as e1_T, from list_custom_fields.') =>
  zapier(
    z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(100),
      z.regex(/^[A-Za-z0-9][A-Za-z0-9_]*$/, 'must be a custom field id such as e1_T (from list_custom_fields); reserved fields (_rf…) cannot be changed'),
      z.describe(description),
    ),
    { dynamic: 'list_custom_fields.id.label', label: 'Custom Field' },
  );

export default defineOperation({
  key: 'list_custom_fields',
  noun: 'Custom Field',
  label: 'List Custom Fields',
  description:
    'Lists the custom contact fields with id (such as e1_T), name and type; reserved ones: list_reserved_fields.',
  triggersWhen: 'a new custom field is created',
  access: 'read',
  tags: ['custom_fields'],
  scopes: ['marketing.read'],
  input: z.strictObject({}),
  sample: { id: 'e2_N', name: 'loyalty_points', field_type: 'Number', label: 'loyalty_points (Number)' },
  // SendGrid returns every field definition in one response.
  perform: async (api): Promise<LabelledCustomField[]> =>
    (await fetchFieldDefinitions(api)).custom_fields.map(({ id, name, field_type }) => ({ id: id ?? name, name, field_type, label: `${name} (${field_type})` })),
  summary: (fields) => `Found ${fields.length} custom field(s).`,
});
