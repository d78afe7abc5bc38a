import type { ContractCase } from '../case';

export default [
  { name: 'every category', input: {} },
  { name: 'categories starting with a prefix', input: { prefix: 'ord' } },
] satisfies ContractCase[];
