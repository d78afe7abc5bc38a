import type { ContractCase } from '../case';

export default [
  { name: 'a new batch id', input: {} },
  { name: 'two batch ids', input: { count: 2 }, zapier: { count: '2' } },
] satisfies ContractCase[];
