import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [{ name: 'a message by its full id', input: { msg_id: SEED.messageId } }] satisfies ContractCase[];
