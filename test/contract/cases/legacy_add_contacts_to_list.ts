import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  {
    name: 'a contact by email (sent as its recipient id)',
    input: { list_id: SEED.legacyListId, recipients: [SEED.contactEmail] },
    zapier: { list_id: String(SEED.legacyListId), recipients: [SEED.contactEmail] },
  },
] satisfies ContractCase[];
