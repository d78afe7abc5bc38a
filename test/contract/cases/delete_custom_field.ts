import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [{ name: 'a custom field', input: { custom_field_id: SEED.dateFieldId } }] satisfies ContractCase[];
