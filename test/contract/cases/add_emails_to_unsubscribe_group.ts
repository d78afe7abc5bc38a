import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

const recipient_emails = [SEED.contactEmail, 'grace+news@example.com'];

export default [
  {
    name: 'two addresses, one with a +',
    input: { group_id: SEED.unsubscribeGroupId, recipient_emails },
    zapier: { group_id: String(SEED.unsubscribeGroupId), recipient_emails },
  },
] satisfies ContractCase[];
