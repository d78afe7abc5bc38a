import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [{ name: 'a scheduled Single Send', input: { id: SEED.scheduledSingleSendId } }] satisfies ContractCase[];
