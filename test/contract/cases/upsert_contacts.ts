import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

// Custom fields are left to the unit tests: Prism's example field definitions (num_orders, dob) and the
// sandbox's seeded ones (favorite_color, …) have no name in common.
export default [
  { name: 'one contact added to a list', input: { contacts: [{ email: SEED.contactEmail, first_name: 'Ada', last_name: 'Lovelace' }], list_ids: [SEED.listId] } },
  {
    name: 'several contacts with different identifiers',
    input: { contacts: [{ email: SEED.secondContactEmail, first_name: 'Grace', city: 'Arlington' }, { external_id: 'crm-1042', first_name: 'Alan' }] },
  },
] satisfies ContractCase[];
