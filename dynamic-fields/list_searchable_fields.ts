import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { fetchFieldDefinitions, LIST_IDS, OPERATORS_BY_TYPE, type FieldType, type Operator } from '../lib/sgql';

export interface SearchableField {
  /** The name a condition uses (SGQL refers to fields by name). */
  id: string;
  name: string;
  field_type: FieldType | 'List';
  kind: 'reserved' | 'custom';
  operators: readonly Operator[];
  label: string;
}

export default defineOperation({
  key: 'list_searchable_fields',
  noun: 'Field',
  label: 'List Searchable Fields',
  description:
    'Lists the contact fields that segment and search_contacts conditions can test, with each one\'s type and operators.',
  triggersWhen: 'a new contact field is created',
  access: 'read',
  tags: ['contacts', 'custom_fields', 'segments'],
  scopes: ['marketing.read'],
  input: z.strictObject({}),
  sample: {
    id: 'loyalty_points',
    name: 'loyalty_points',
    field_type: 'Number',
    kind: 'custom',
    operators: OPERATORS_BY_TYPE.Number,
    label: 'loyalty_points (Number, custom)',
  },
  perform: async (api): Promise<SearchableField[]> => {
    const { reserved_fields, custom_fields } = await fetchFieldDefinitions(api);
    const field = (name: string, field_type: FieldType, kind: SearchableField['kind']): SearchableField => ({
      id: name,
      name,
      field_type,
      kind,
      operators: OPERATORS_BY_TYPE[field_type] ?? [],
      label: `${name} (${field_type}${kind === 'custom' ? ', custom' : ''})`,
    });
    return [
      ...reserved_fields.map((f) => field(f.name, f.field_type, 'reserved')),
      { id: LIST_IDS, name: LIST_IDS, field_type: 'List', kind: 'reserved', operators: ['in_list'], label: `${LIST_IDS} (the contact's lists: use in_list)` },
      ...custom_fields.map((f) => field(f.name, f.field_type, 'custom')),
    ];
  },
  summary: (fields) => `Found ${fields.length} searchable field(s).`,
});
