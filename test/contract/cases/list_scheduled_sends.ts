import type { ContractCase } from '../case';

export default [{ name: 'every paused or cancelled batch', input: {} }] satisfies ContractCase[];
