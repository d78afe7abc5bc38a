import type { ContractCase } from '../case';

export default [
  { name: 'a month by week', input: { start_date: '2026-10-01', end_date: '2026-10-31', aggregated_by: 'week' } },
  { name: 'from a day until today', input: { start_date: '2026-10-15' } },
] satisfies ContractCase[];
