import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'cancel a batch', input: { batch_id: SEED.batchId, status: 'cancel' } },
  { name: 'pause a batch', input: { batch_id: SEED.batchId, status: 'pause' } },
] satisfies ContractCase[];
