import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'a new subject and categories', input: { id: SEED.singleSendId, subject: 'Last chance: spring sale ends Sunday', categories: ['promotions'] } },
  {
    name: 'new recipients (a segment) and a custom unsubscribe URL instead of the group',
    input: { id: SEED.singleSendId, segment_ids: [SEED.segmentId], custom_unsubscribe_url: 'https://example.com/preferences/unsubscribe' },
  },
  {
    name: 'rename, switch to all contacts and an unsubscribe group',
    input: { id: SEED.singleSendId, name: 'Spring Sale (final)', send_to_all: true, unsubscribe_group_id: SEED.unsubscribeGroupId },
    zapier: { id: SEED.singleSendId, name: 'Spring Sale (final)', send_to_all: 'true', unsubscribe_group_id: String(SEED.unsubscribeGroupId) },
  },
] satisfies ContractCase[];
