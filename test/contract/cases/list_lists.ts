import type { ContractCase } from '../case';

export default [{ name: 'all lists', input: {} }] satisfies ContractCase[];
