import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

const springSale = {
  name: 'Spring Sale',
  subject: 'Our spring sale starts today',
  sender_id: SEED.senderId,
  list_ids: [SEED.listId, SEED.secondListId],
  html_content: '<h1>Spring sale</h1><p>20% off everything until Sunday.</p><p><a href="{{{unsubscribe}}}">Unsubscribe</a></p>',
  plain_content: 'Spring sale: 20% off everything until Sunday.',
  unsubscribe_group_id: SEED.unsubscribeGroupId,
  categories: ['promotions', 'spring'],
};

export default [
  {
    name: 'lists, HTML and plain content, an unsubscribe group and categories',
    input: springSale,
    zapier: { ...springSale, sender_id: String(SEED.senderId), unsubscribe_group_id: String(SEED.unsubscribeGroupId) },
  },
  {
    name: 'a segment, a design and a custom unsubscribe URL',
    input: {
      name: 'Loyalty Members Preview',
      sender_id: SEED.senderId,
      segment_ids: [SEED.segmentId],
      design_id: 'b3c1f2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      custom_unsubscribe_url: 'https://example.com/preferences/unsubscribe',
    },
    zapier: {
      name: 'Loyalty Members Preview',
      sender_id: String(SEED.senderId),
      segment_ids: [SEED.segmentId],
      design_id: 'b3c1f2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      custom_unsubscribe_url: 'https://example.com/preferences/unsubscribe',
    },
  },
  {
    name: 'all contacts, HTML only',
    input: { name: 'Holiday Hours', subject: 'Our holiday opening hours', send_to_all: true, html_content: '<p>We close at 2 pm on Friday.</p>' },
    zapier: { name: 'Holiday Hours', subject: 'Our holiday opening hours', send_to_all: 'true', html_content: '<p>We close at 2 pm on Friday.</p>' },
  },
] satisfies ContractCase[];
