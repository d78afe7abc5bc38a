import type { ContractCase } from '../case';

export default [
  { name: 'a dynamic template (the default generation)', input: { name: 'Order Shipped' } },
  { name: 'a legacy template', input: { name: 'Password Reset', generation: 'legacy' } },
] satisfies ContractCase[];
