import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'a new last name', input: { recipients: [{ email: SEED.contactEmail, last_name: 'King' }] } },
] satisfies ContractCase[];
