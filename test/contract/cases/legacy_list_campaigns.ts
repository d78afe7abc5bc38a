import type { ContractCase } from '../case';

export default [
  { name: 'the first page', input: { limit: 10, offset: 0 }, zapier: { limit: '10', offset: '0' } },
  { name: 'every page', input: { all_pages: true }, zapier: { all_pages: 'true' } },
] satisfies ContractCase[];
