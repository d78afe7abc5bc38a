import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'the list only', input: { id: SEED.secondListId } },
  { name: 'the list and its contacts', input: { id: SEED.secondListId, delete_contacts: true }, zapier: { id: SEED.secondListId, delete_contacts: 'true' } },
] satisfies ContractCase[];
