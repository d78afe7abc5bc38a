import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [{ name: 'one contact', input: { id: SEED.listId, contact_ids: [SEED.contactId] } }] satisfies ContractCase[];
