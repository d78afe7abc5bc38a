import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  {
    name: 'a contact by email',
    input: { list_id: SEED.legacyListId, recipient: SEED.contactEmail },
    zapier: { list_id: String(SEED.legacyListId), recipient: SEED.contactEmail },
  },
] satisfies ContractCase[];
