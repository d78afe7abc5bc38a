import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

const conditions = [
  { field_name: 'email', operator: 'contains', value: '@example.com' },
  { field_name: 'last_name', operator: 'eq', value: 'Lovelace', and_or: 'and' },
];

export default [
  {
    name: 'two text conditions within a list',
    input: { conditions, list_id: SEED.legacyListId },
    zapier: { conditions, list_id: String(SEED.legacyListId) },
  },
  { name: 'across all contacts (no list)', input: { conditions } },
] satisfies ContractCase[];
