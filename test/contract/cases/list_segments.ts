import type { ContractCase } from '../case';

export default [{ name: 'all segments', input: {} }] satisfies ContractCase[];
