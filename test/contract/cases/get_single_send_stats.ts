import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'totals', input: { id: SEED.singleSendId } },
  {
    name: 'per day between two dates in a time zone, by A/B variation and phase',
    input: {
      id: SEED.singleSendId,
      aggregated_by: 'day',
      start_date: '2026-03-01',
      end_date: '2026-03-07',
      timezone: 'America/Chicago',
      group_by: ['ab_variation', 'ab_phase'],
    },
  },
] satisfies ContractCase[];
