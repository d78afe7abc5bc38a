import type { ContractCase } from '../case';

export default [
  { name: 'the first page', input: { page: 1, page_size: 100 }, zapier: { page: '1', page_size: '100' } },
  { name: 'every page', input: { all_pages: true }, zapier: { all_pages: 'true' } },
] satisfies ContractCase[];
