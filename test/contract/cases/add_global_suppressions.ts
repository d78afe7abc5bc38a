import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'two addresses', input: { recipient_emails: [SEED.secondContactEmail, 'alan+promo@example.com'] } },
] satisfies ContractCase[];
