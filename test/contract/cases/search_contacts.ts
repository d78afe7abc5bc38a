import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  {
    name: 'conditions on reserved fields and a list',
    input: { conditions: [{ field_name: 'email', operator: 'like', value: 'ada%' }, { join: 'and', field_name: 'list_ids', operator: 'in_list', value: SEED.listId }] },
  },
  {
    name: 'several values (in) and a condition tree',
    input: { where: { and: [{ field_name: 'country', operator: 'in', values: ['US', 'CA'] }, { field_name: 'first_name', operator: 'not_in', values: ['Test'] }] } },
    zapier: { where: JSON.stringify({ and: [{ field_name: 'country', operator: 'in', values: ['US', 'CA'] }, { field_name: 'first_name', operator: 'not_in', values: ['Test'] }] }) },
  },
  { name: 'several values on a line', input: { conditions: [{ field_name: 'country', operator: 'in', values: ['US', 'CA'] }] } },
  { name: 'a raw SGQL query', input: { query: `email = '${SEED.contactEmail}'` } },
] satisfies ContractCase[];
