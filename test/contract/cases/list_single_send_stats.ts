import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'every Single Send', input: {} },
  { name: 'one chosen Single Send', input: { singlesend_ids: [SEED.singleSendId] } },
] satisfies ContractCase[];
