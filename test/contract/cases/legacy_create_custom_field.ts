import type { ContractCase } from '../case';

export default [{ name: 'a number field', input: { name: 'shoe_size', type: 'number' } }] satisfies ContractCase[];
