import type { ContractCase } from '../case';

export default [{ name: 'every design, page by page', input: {} }] satisfies ContractCase[];
