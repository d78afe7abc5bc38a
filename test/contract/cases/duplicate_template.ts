import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [{ name: 'a copy under a new name', input: { template_id: SEED.dynamicTemplateId, name: 'Order Shipped (holiday copy)' } }] satisfies ContractCase[];
