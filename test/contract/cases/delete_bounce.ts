import type { ContractCase } from '../case';

// The address the sandbox seeds on its bounce list (sandbox/seed.ts).
export default [{ name: 'a listed address', input: { email: 'bounced@example.com' } }] satisfies ContractCase[];
