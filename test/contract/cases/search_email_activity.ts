import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  {
    name: 'delivered to one recipient in the last 48 hours',
    input: { to_email: SEED.contactEmail, status: 'delivered', within_last: '48 hours', limit: 50 },
    zapier: { to_email: SEED.contactEmail, status: 'delivered', within_last: '48 hours', limit: '50' },
  },
  {
    name: 'a sender, a subject and a time range',
    input: { from_email: SEED.senderEmail, subject: 'Your order #1042 has shipped', last_event_after: '2026-11-01T00:00:00Z', last_event_before: '2026-11-30T23:59:59Z' },
  },
  { name: 'the messages of one send, by its X-Message-Id', input: { msg_id: SEED.messageId.split('.')[0] } },
  { name: 'a raw query', input: { query: 'status="not_delivered" AND Contains(categories,"orders")', limit: 100 }, zapier: { query: 'status="not_delivered" AND Contains(categories,"orders")', limit: '100' } },
] satisfies ContractCase[];
