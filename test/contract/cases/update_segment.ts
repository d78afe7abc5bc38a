import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'a new name', input: { segment_id: SEED.segmentId, name: 'Loyal customers' } },
  { name: 'new conditions', input: { segment_id: SEED.segmentId, conditions: [{ field_name: 'created_at', operator: 'ge', value: '2026-01-01' }] } },
] satisfies ContractCase[];
