import type { ContractCase } from '../case';

// The address the sandbox seeds on its global unsubscribe list (sandbox/seed.ts).
export default [{ name: 'a globally unsubscribed address', input: { email: 'optout@example.com' } }] satisfies ContractCase[];
