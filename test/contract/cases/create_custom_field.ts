import type { ContractCase } from '../case';

export default [{ name: 'a Number field', input: { name: 'lifetime_value', field_type: 'Number' }, zapier: { name: 'lifetime_orders', field_type: 'Number' } }] satisfies ContractCase[];
