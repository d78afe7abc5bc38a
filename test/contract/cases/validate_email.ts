import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'an address from a signup form', input: { email: SEED.contactEmail, source: 'signup' } },
  { name: 'an address alone', input: { email: 'grace@example.com' } },
] satisfies ContractCase[];
