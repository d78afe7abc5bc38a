import type { ContractCase } from '../case';

export default [{ name: 'legacy and dynamic templates', input: {} }] satisfies ContractCase[];
