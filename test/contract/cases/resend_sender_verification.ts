import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [{ name: 'the seeded sender', input: { id: SEED.senderId }, zapier: { id: String(SEED.senderId) } }] satisfies ContractCase[];
