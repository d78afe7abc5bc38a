import type { ContractCase } from '../case';

export default [{ name: 'every sender identity', input: {} }] satisfies ContractCase[];
