import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [{ name: 'a new name', input: { custom_field_id: SEED.customFieldId, name: 'favourite_colour' } }] satisfies ContractCase[];
