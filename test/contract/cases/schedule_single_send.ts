import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

// A week from now, at 09:00 UTC: always in the future, whenever the tests run.
const nextWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000);
nextWeek.setUTCHours(9, 0, 0, 0);

export default [
  { name: 'a future time in UTC', input: { id: SEED.singleSendId, send_at: nextWeek.toISOString() } },
  { name: 'a future time with an offset', input: { id: SEED.singleSendId, send_at: nextWeek.toISOString().replace('.000Z', '+02:00') } },
  { name: 'now', input: { id: SEED.singleSendId, send_at: 'now' } },
] satisfies ContractCase[];
