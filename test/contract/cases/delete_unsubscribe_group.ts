import type { ContractCase } from '../case';

// The sandbox's second seeded group ("Weekly Digest", sandbox/seed.ts), so that the seeded
// SEED.unsubscribeGroupId stays for the other group operations.
const WEEKLY_DIGEST = 4128;

export default [{ name: 'a spare group', input: { group_id: WEEKLY_DIGEST }, zapier: { group_id: String(WEEKLY_DIGEST) } }] satisfies ContractCase[];
