import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [{ name: 'a segment', input: { segment_id: SEED.segmentId } }] satisfies ContractCase[];
