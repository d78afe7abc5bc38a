import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'with a new name', input: { id: SEED.singleSendId, name: 'Spring Sale (resend to non-openers)' } },
  { name: 'with SendGrid\'s "Copy of" name', input: { id: SEED.singleSendId } },
] satisfies ContractCase[];
