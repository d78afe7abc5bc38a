import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

// Conditions on custom fields read the account's field definitions first; the spec's example account and
// the sandbox name their custom fields differently, so that path is covered by the unit tests.
export default [
  {
    name: 'conditions on reserved fields and a list, within a parent list',
    input: {
      name: 'Loyal US customers',
      parent_list_id: SEED.listId,
      conditions: [
        { field_name: 'country', operator: 'eq', value: 'US' },
        { join: 'and', field_name: 'created_at', operator: 'ge', value: '2026-01-01' },
        { join: 'or', field_name: 'list_ids', operator: 'in_list', value: SEED.secondListId },
      ],
    },
    zapier: {
      name: 'Loyal US customers (Zapier)',
      parent_list_id: SEED.listId,
      conditions: [
        { field_name: 'country', operator: 'eq', value: 'US' },
        { join: 'and', field_name: 'created_at', operator: 'ge', value: '2026-01-01' },
        { join: 'or', field_name: 'list_ids', operator: 'in_list', value: SEED.secondListId },
      ],
    },
  },
  { name: 'raw SGQL', input: { name: 'Parisians', query_dsl: "SELECT contact_id, updated_at FROM contact_data WHERE city = 'Paris'" } },
] satisfies ContractCase[];
