import type { ContractCase } from '../case';

export default [{ name: 'all Single Sends', input: {} }] satisfies ContractCase[];
