import type { ContractCase } from '../case';

// Not the seeded contact: the other cases (and the sandbox tier) still need it.
const CONTACT_IDS = ['6d2e9f1a-4b3c-4d5e-8f7a-1b2c3d4e5f60', '7e3f0a2b-5c4d-4e6f-9a8b-2c3d4e5f6a71'];

export default [{ name: 'two contacts by id', input: { contact_ids: CONTACT_IDS } }] satisfies ContractCase[];
