import type { ContractCase } from '../case';

// The address the sandbox seeds on its invalid email list (sandbox/seed.ts).
export default [{ name: 'a listed address', input: { email: 'old-address@invalid.example.com' } }] satisfies ContractCase[];
