import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'a list', input: { id: SEED.listId } },
  { name: 'a list with a sample contact', input: { id: SEED.listId, contact_sample: true }, zapier: { id: SEED.listId, contact_sample: 'true' } },
] satisfies ContractCase[];
