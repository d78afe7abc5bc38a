import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'a dynamic template', input: { template_id: SEED.dynamicTemplateId } },
  { name: 'a legacy template', input: { template_id: SEED.legacyTemplateId } },
] satisfies ContractCase[];
