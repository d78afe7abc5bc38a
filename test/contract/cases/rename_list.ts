import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [{ name: 'a new name', input: { id: SEED.listId, name: 'Weekly Newsletter' } }] satisfies ContractCase[];
