import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

/** The sandbox's seeded export. */
const EXPORT_ID = SEED.exportId;

export default [{ name: 'an export read once', input: { export_id: EXPORT_ID } }] satisfies ContractCase[];
