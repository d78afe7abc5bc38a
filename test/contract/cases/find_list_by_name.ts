import type { ContractCase } from '../case';

export default [
  { name: 'an exact name', input: { name: 'Newsletter Subscribers' } },
  { name: 'names containing a text', input: { name: 'news', match: 'contains' } },
] satisfies ContractCase[];
