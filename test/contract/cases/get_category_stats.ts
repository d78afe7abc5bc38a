import type { ContractCase } from '../case';

export default [
  { name: 'two categories by day', input: { categories: ['orders', 'shipping'], start_date: '2026-10-01', end_date: '2026-10-07', aggregated_by: 'day' } },
  { name: 'one category until today', input: { categories: ['orders'], start_date: '2026-10-01' }, zapier: { categories: 'orders', start_date: '2026-10-01' } },
] satisfies ContractCase[];
