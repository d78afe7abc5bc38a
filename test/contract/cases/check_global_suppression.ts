import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'a plain address', input: { email: SEED.contactEmail } },
  { name: 'an address with a + (URL-encoded in the path)', input: { email: 'ada+news@example.com' } },
] satisfies ContractCase[];
