import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'every contact of the account', input: {} },
  { name: 'the contacts of one list', input: { list_id: SEED.listId } },
] satisfies ContractCase[];
