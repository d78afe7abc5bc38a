import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'a segment', input: { segment_id: SEED.segmentId } },
  { name: 'a segment without its sample', input: { segment_id: SEED.segmentId, contacts_sample: false }, zapier: { segment_id: SEED.segmentId, contacts_sample: 'false' } },
] satisfies ContractCase[];
