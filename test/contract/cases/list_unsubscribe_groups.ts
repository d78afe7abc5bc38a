import type { ContractCase } from '../case';

export default [{ name: 'all groups', input: {} }] satisfies ContractCase[];
