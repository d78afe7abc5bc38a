import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'a version of a dynamic template', input: { template_id: SEED.dynamicTemplateId, version_id: SEED.dynamicTemplateVersionId } },
  { name: 'a version of a legacy template', input: { template_id: SEED.legacyTemplateId, version_id: SEED.legacyTemplateVersionId } },
] satisfies ContractCase[];
