import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'the versions of a legacy template', input: { template_id: SEED.legacyTemplateId } },
  { name: 'the versions of a dynamic template', input: { template_id: SEED.dynamicTemplateId } },
] satisfies ContractCase[];
