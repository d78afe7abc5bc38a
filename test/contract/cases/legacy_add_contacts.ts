import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  {
    name: 'two contacts, one with a custom field (sent as a top-level key)',
    input: {
      recipients: [
        { email: SEED.contactEmail, first_name: 'Ada', last_name: 'Lovelace', custom_fields: { [SEED.customFieldName]: 'blue' } },
        { email: SEED.secondContactEmail, first_name: 'Grace' },
      ],
    },
  },
] satisfies ContractCase[];
