import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [{ name: 'two addresses', input: { emails: [SEED.contactEmail, SEED.secondContactEmail] } }] satisfies ContractCase[];
