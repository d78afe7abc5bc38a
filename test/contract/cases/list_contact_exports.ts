import type { ContractCase } from '../case';

export default [{ name: 'the recent contact exports', input: {} }] satisfies ContractCase[];
