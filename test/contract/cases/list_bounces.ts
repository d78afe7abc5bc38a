import type { ContractCase } from '../case';

export default [
  { name: 'everything', input: {} },
  { name: 'March 2026, addresses starting "ada"', input: { start_time: '2026-03-01T00:00:00Z', end_time: '2026-03-31T23:59:59+02:00', email: 'ada' } },
] satisfies ContractCase[];
