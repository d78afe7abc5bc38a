import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

const group_id = SEED.unsubscribeGroupId;

export default [
  {
    name: 'a new name and description',
    input: { group_id, name: 'Product News', description: 'News about features we ship, once a month' },
    zapier: { group_id: String(group_id), name: 'Product News', description: 'News about features we ship, once a month' },
  },
  { name: 'the default flag only', input: { group_id, is_default: false }, zapier: { group_id: String(group_id), is_default: 'false' } },
] satisfies ContractCase[];
