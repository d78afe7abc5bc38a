import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [{ name: 'one Single Send', input: { id: SEED.singleSendId } }] satisfies ContractCase[];
