import type { ContractCase } from '../case';

export default [{ name: 'the last three days', input: {} }] satisfies ContractCase[];
