import type { ContractCase } from '../case';

export default [{ name: 'a list name', input: { name: 'Newsletter Subscribers' } }] satisfies ContractCase[];
