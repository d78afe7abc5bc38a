import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

// Not the seeded legacy recipient, whom other cases (remove from list, update) rely on.
export default [{ name: 'a contact by email', input: { recipients: [SEED.secondContactEmail] } }] satisfies ContractCase[];
