import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { fetchFieldDefinitions, type FieldType } from '../lib/sgql';

export interface ReservedField {
  id: string;
  name: string;
  field_type: FieldType;
  read_only: boolean;
  label: string;
}

export default defineOperation({
  key: 'list_reserved_fields',
  noun: 'Reserved Field',
  label: 'List Reserved Fields',
  description:
    'Lists the built-in contact fields (email, created_at, …) with type and whether read-only; custom ones: list_custom_fields.',
  triggersWhen: 'a reserved contact field appears',
  access: 'read',
  tags: ['custom_fields', 'contacts'],
  scopes: ['marketing.read'],
  input: z.strictObject({}),
  sample: { id: 'first_name', name: 'first_name', field_type: 'Text', read_only: false, label: 'first_name (Text)' },
  // The reserved fields are referred to by name, so the name is the dropdown's stable id.
  perform: async (api): Promise<ReservedField[]> =>
    (await fetchFieldDefinitions(api)).reserved_fields.map((field) => ({
      id: field.name,
      name: field.name,
      field_type: field.field_type,
      read_only: Boolean(field.read_only),
      label: `${field.name} (${field.field_type}${field.read_only ? ', read-only' : ''})`,
    })),
  summary: (fields) => `Found ${fields.length} reserved field(s).`,
});
