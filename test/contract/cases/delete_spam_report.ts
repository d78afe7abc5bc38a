import type { ContractCase } from '../case';

// The address the sandbox seeds on its spam reports (sandbox/seed.ts).
export default [{ name: 'a listed address', input: { email: 'complainer@example.org' } }] satisfies ContractCase[];
