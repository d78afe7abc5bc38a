import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'one list as CSV', input: { list_ids: [SEED.listId], file_type: 'csv' } },
  {
    name: 'a segment as JSON, split into files of 100 MB, with an email',
    input: { segment_ids: [SEED.segmentId], file_type: 'json', max_file_size: 100, notify_by_email: true },
    zapier: { segment_ids: [SEED.segmentId], file_type: 'json', max_file_size: '100', notify_by_email: 'true' },
  },
] satisfies ContractCase[];
