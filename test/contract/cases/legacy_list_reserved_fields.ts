import type { ContractCase } from '../case';

export default [{ name: 'all of them', input: {} }] satisfies ContractCase[];
