import type { ContractCase } from '../case';

export default [
  {
    name: 'the top five by unique opens',
    input: { start_date: '2026-10-01', end_date: '2026-10-31', sort_by_metric: 'unique_opens', sort_by_direction: 'desc', limit: 5, offset: 0 },
    zapier: { start_date: '2026-10-01', end_date: '2026-10-31', sort_by_metric: 'unique_opens', sort_by_direction: 'desc', limit: '5', offset: '0' },
  },
  { name: 'the defaults', input: { start_date: '2026-10-01' } },
] satisfies ContractCase[];
