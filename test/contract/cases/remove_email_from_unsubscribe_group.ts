import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

// The address the sandbox seeds in its group (sandbox/seed.ts).
const email = 'unsubscribed@example.com';

export default [
  {
    name: 'an address in the group',
    input: { group_id: SEED.unsubscribeGroupId, email },
    zapier: { group_id: String(SEED.unsubscribeGroupId), email },
  },
] satisfies ContractCase[];
