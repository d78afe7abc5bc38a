import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

/** The sandbox's seeded contact job. */
const JOB_ID = SEED.importJobId;

export default [{ name: 'a job read once', input: { job_id: JOB_ID } }] satisfies ContractCase[];
