import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'the seeded group', input: { group_id: SEED.unsubscribeGroupId }, zapier: { group_id: String(SEED.unsubscribeGroupId) } },
] satisfies ContractCase[];
