import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [{ name: 'a contact by id', input: { contact_id: SEED.contactId } }] satisfies ContractCase[];
