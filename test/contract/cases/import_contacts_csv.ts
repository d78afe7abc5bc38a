import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

// Without a file: the upload goes to the address SendGrid returns, which is not part of the API spec.
export default [
  { name: 'an import job for a file to upload, into a list', input: { field_mappings: ['email', 'first_name', '-'], list_ids: [SEED.listId] } },
] satisfies ContractCase[];
