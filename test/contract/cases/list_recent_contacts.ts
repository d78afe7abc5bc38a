import type { ContractCase } from '../case';

export default [{ name: 'the sample of recent contacts', input: {} }] satisfies ContractCase[];
