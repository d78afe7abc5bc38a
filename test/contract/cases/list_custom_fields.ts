import type { ContractCase } from '../case';

export default [{ name: 'all fields', input: {} }] satisfies ContractCase[];
