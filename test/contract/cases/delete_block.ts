import type { ContractCase } from '../case';

// The address the sandbox seeds on its block list (sandbox/seed.ts).
export default [{ name: 'a listed address', input: { email: 'blocked@example.net' } }] satisfies ContractCase[];
